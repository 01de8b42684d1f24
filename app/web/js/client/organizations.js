// Organizations, and the list of all of them by id that other screens name
// records with (every write here forgets it).
import { api, apiPath, getAll } from '../api.js';
import { cached } from '../cache.js';
import { recordCalls } from './records.js';

// All organizations by id, loaded once per page load (the list is short;
// records only carry organization_id).
export const organizations = cached(async () => new Map((await getAll(apiPath`organizations`)).map((o) => [o.id, o])));

// The cached list, loaded again when it lacks one of `ids`: an organization
// made since it was loaded (by an import, another tab, another user) is
// then named too, not left blank.
export async function organizationsWith(ids) {
  const known = await organizations();
  if (ids.every((id) => !id || known.has(id))) return known;
  organizations.forget();
  return organizations();
}

export const {
  list: listOrganizations, get: getOrganization, create: createOrganization, update: updateOrganization, remove: deleteOrganization,
} = recordCalls('organizations', { changed: organizations.changedBy });

// Its people, roles and names move to the one kept; it is then deleted.
export const mergeOrganization = (id, intoId) => organizations.changedBy(api.post(apiPath`organizations/${id}/merge`, { into_id: intoId }));
