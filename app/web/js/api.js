// The one way the app talks to the server: fetch with the session cookie, the
// CSRF token on writes, and problem+json errors turned into Problem objects.

import { language, t } from './i18n.js';
import { queryString } from './query.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// An RFC 9457 problem: {type, title, status, detail, errors: [{field, message}]}.
export class Problem extends Error {
  constructor(status, body = {}) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.title = body.title || '';
    this.detail = body.detail || '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.body = body;
  }
}

let csrfToken = null;
let unauthorizedHandler = () => {};

// Kept in memory only; re-read from /me after a reload.
export function setCsrfToken(token) {
  csrfToken = token || null;
}

// Called when the session has ended (401 on a request other than sign-in).
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

// apiPath`workshops/${id}/sessions` -> '/api/v1/workshops/12/sessions'. Only the
// client modules (js/client/) build API paths; every value is encoded.
export function apiPath(strings, ...values) {
  return values.reduce((out, v, i) => `${out}${encodeURIComponent(v)}${strings[i + 1]}`, `/api/v1/${strings[0]}`);
}

// '/api/v1/workshops' + {status: 'held', city: ''} -> '/api/v1/workshops?status=held'
export function url(path, query) {
  const qs = queryString(query);
  return qs ? `${path}?${qs}` : path;
}

// body: JSON-encoded, unless `type` is given (a file sent as it is, e.g. text/csv).
// accept: a media type other than JSON wanted back (an image): the answer is a
// Blob, a refusal still a Problem.
async function request(method, path, { query, body, type, accept } = {}) {
  // The server writes its messages in the language the screen is in.
  const headers = { Accept: accept ? `${accept}, application/problem+json` : 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = type || 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined || type ? body : JSON.stringify(body),
    });
  } catch {
    throw new Problem(0, { title: t('common.no_connection'), detail: t('common.no_connection_detail') });
  }
  if (response.status === 204) return null;
  if (accept && response.ok) return response.blob();
  const answerType = response.headers.get('Content-Type') || '';
  const data = answerType.includes('json') ? await response.json().catch(() => ({})) : {};
  if (response.ok) return data;
  const problem = new Problem(response.status, data);
  if (response.status === 401 && !path.startsWith('/api/v1/auth/') && path !== '/api/v1/me') {
    // Said once, by the handler ("your session has ended"), not again by
    // the action that ran into it.
    problem.sessionEnded = true;
    unauthorizedHandler(problem);
  }
  throw problem;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body, query }),
  put: (path, body, query) => request('PUT', path, { body, query }),
  patch: (path, body, query) => request('PATCH', path, { body, query }),
  del: (path, query) => request('DELETE', path, { query }),
  // A file (File or Blob) as the request body, with its media type.
  upload: (path, file, type, query) => request('POST', path, { body: file, type, query }),
  // A JSON body in, a file of the `accept` type (a Blob) out: a preview image.
  postFor: (accept, path, body) => request('POST', path, { body, accept }),
};

// Every page of a list (for small reference lists only: organizations, projects, users).
export async function getAll(path, query = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(path, { ...query, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
