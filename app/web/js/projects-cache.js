// Projects for pickers and labels: few, so loaded once per page load.
import { getAll } from './api.js';

let cache = null;

export function projects() {
  cache ??= getAll('/api/v1/projects').catch((problem) => {
    cache = null;
    throw problem;
  });
  return cache;
}

export function forgetProjects() {
  cache = null;
}

export function projectOptions(list) {
  return list.map((p) => [p.id, `${p.code} — ${p.title}`]);
}
