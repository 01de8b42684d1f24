// The calls every kind of record has at /api/v1/{kind}: a page of the list,
// one record, create, change, delete. changed(write): what a write goes
// through, e.g. to forget a cached list once it succeeds.
import { api, apiPath } from '../api.js';

export function recordCalls(kind, { changed = (write) => write } = {}) {
  return {
    list: (params) => api.get(apiPath`${kind}`, params),
    get: (id) => api.get(apiPath`${kind}/${id}`),
    create: (body) => changed(api.post(apiPath`${kind}`, body)),
    update: (id, changes) => changed(api.patch(apiPath`${kind}/${id}`, changes)),
    remove: (id) => changed(api.del(apiPath`${kind}/${id}`)),
  };
}
