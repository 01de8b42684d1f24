// Hash routes ("#/workshops/12?tab=x") so the server only ever serves "/".
// A view is an async function ({params, query, root}) that fills root.
import { queryString } from './query.js';

const routes = [];
let renderHook = null;

// pattern: '/workshops/:id'
export function route(pattern, view) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ regex: new RegExp(`^${source}$`), names, view });
}

// The current location: {path: '/workshops/12', query: URLSearchParams}.
export function location() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(qs) };
}

export function match(path) {
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
      return { view: r.view, params };
    }
  }
  return null;
}

// '#/workshops' + {status: 'held'} -> '#/workshops?status=held' (empty values dropped)
export function href(path, query) {
  const qs = queryString(query);
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path, query) {
  const target = href(path, query);
  if (target === window.location.hash) renderHook?.();
  else window.location.hash = target;
}

// Renders the current hash now and on every change.
export function startRouter(render) {
  renderHook = render;
  window.addEventListener('hashchange', render);
  render();
}
