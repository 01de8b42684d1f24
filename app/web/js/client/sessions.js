// A workshop's sessions (one attendance sheet each).
import { api, apiPath, getAll } from '../api.js';

export const listSessions = (workshopId) => getAll(apiPath`workshops/${workshopId}/sessions`);

export const addSession = (workshopId, body) => api.post(apiPath`workshops/${workshopId}/sessions`, body);

export const updateSession = (workshopId, id, changes) => api.patch(apiPath`workshops/${workshopId}/sessions/${id}`, changes);

export const deleteSession = (workshopId, id) => api.del(apiPath`workshops/${workshopId}/sessions/${id}`);
