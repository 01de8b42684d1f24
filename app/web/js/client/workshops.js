// Workshops: the records, their partner institutions, their double bookings
// and their calendar file.
import { api, apiPath } from '../api.js';
import { recordCalls } from './records.js';

export const {
  list: listWorkshops, get: getWorkshop, create: createWorkshop, update: updateWorkshop, remove: deleteWorkshop,
} = recordCalls('workshops');

export const listWorkshopConflicts = (id) => api.get(apiPath`workshops/${id}/conflicts`);

// Every double booking between workshops in a range (from today on by
// default), each once.
export const listConflicts = ({ from, to } = {}) => api.get(apiPath`conflicts`, { from, to });

// Partners (organization and role) are one set, replaced as a whole.
export const getWorkshopPartners = (id) => api.get(apiPath`workshops/${id}/organizations`);

export const setWorkshopPartners = (id, partners) => api.put(apiPath`workshops/${id}/organizations`, partners);

export const workshopIcsUrl = (id) => apiPath`workshops/${id}.ics`;
