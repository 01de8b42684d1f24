// Organizations, and the list of all of them by id that other screens name
// records with (every write here forgets it).
import { api, apiPath, getAll } from '../api.js';
import { cached } from '../cache.js';
import { recordCalls } from './records.js';

// All organizations by id, loaded once per page load (the list is short;
// records only carry organization_id).
export const organizations = cached(async () => new Map((await getAll(apiPath`organizations`)).map((o) => [o.id, o])));

export const {
  list: listOrganizations, get: getOrganization, create: createOrganization, update: updateOrganization, remove: deleteOrganization,
} = recordCalls('organizations', { changed: organizations.changedBy });

// Its people, roles and names move to the one kept; it is then deleted.
export const mergeOrganization = (id, intoId) => organizations.changedBy(api.post(apiPath`organizations/${id}/merge`, { into_id: intoId }));
