// What this server offers, read once from its OpenAPI document: routes that
// arrive in later versions (a person's workshops, merge) and report formats
// (xlsx) appear in the app without asking for a route that is not there.
import { api } from './api.js';

let doc = null;

function openapi() {
  doc ??= api.get('/api/v1/openapi.json').catch(() => ({ paths: {}, components: {} }));
  return doc;
}

// hasRoute('post', '/api/v1/people/{id}/merge')
export async function hasRoute(method, path) {
  const paths = (await openapi()).paths || {};
  return Boolean(paths[path] && paths[path][method.toLowerCase()]);
}

export async function reportFormats() {
  const enumeration = (await openapi()).components?.parameters?.ReportFormat?.schema?.enum;
  return enumeration || ['json', 'csv', 'html'];
}

// The query parameters a route accepts: hasParam('get', '/api/v1/workshops', 'q').
export async function hasParam(method, path, name) {
  const document = await openapi();
  const operation = document.paths?.[path]?.[method.toLowerCase()];
  const parameters = operation?.parameters || [];
  return parameters.some((p) => {
    const resolved = p.$ref ? p.$ref.split('/').slice(1).reduce((node, key) => node?.[key], document) : p;
    return resolved?.name === name && resolved?.in === 'query';
  });
}
