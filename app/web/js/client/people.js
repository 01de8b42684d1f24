// People: the records, a person's workshops, and erasing personal data.
import { api, apiPath } from '../api.js';
import { recordCalls } from './records.js';

export const {
  list: listPeople, get: getPerson, create: createPerson, update: updatePerson, remove: deletePerson,
} = recordCalls('people');

// Names and contacts replaced for good; what reports count is kept.
export const erasePerson = (id) => api.post(apiPath`people/${id}/erase`);

export const listPersonWorkshops = (id) => api.get(apiPath`people/${id}/workshops`);
