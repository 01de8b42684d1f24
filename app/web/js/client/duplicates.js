// People recorded twice: the pairs the server suspects, merging two records
// into one, and telling two people apart (the pair is then no longer listed).
import { api, apiPath } from '../api.js';

export const listDuplicates = (params) => api.get(apiPath`people/duplicates`, params);

export const listDuplicatesOf = (personId) => api.get(apiPath`people/${personId}/duplicates`);

// The merged record goes; its registrations and marks move to the kept one.
export const mergePeople = (mergedId, keptId) => api.post(apiPath`people/${mergedId}/merge`, { into_id: keptId });

export const markDistinct = (id, otherId) => api.post(apiPath`people/${id}/distinct`, { other_id: otherId });
