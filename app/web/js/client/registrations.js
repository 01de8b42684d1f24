// Who is registered for a workshop, with which role and status.
import { api, apiPath, getAll } from '../api.js';

export const listRegistrations = (workshopId) => getAll(apiPath`workshops/${workshopId}/registrations`);

export const register = (workshopId, body) => api.post(apiPath`workshops/${workshopId}/registrations`, body);

export const updateRegistration = (workshopId, id, changes) => api.patch(apiPath`workshops/${workshopId}/registrations/${id}`, changes);

export const deleteRegistration = (workshopId, id) => api.del(apiPath`workshops/${workshopId}/registrations/${id}`);
