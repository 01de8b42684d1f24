// Reports as sent to donors: frozen when submitted, never changed, and
// compared with today's figures on request.
import { api, apiPath } from '../api.js';
import { present, queryString } from '../query.js';

// params: the report's, without the empty ones (strings, numbers and
// booleans are all taken).
export function submitReport(report, params, note) {
  const sent = Object.fromEntries(present(params));
  return api.post(apiPath`reports/submissions`, { report, params: sent, note });
}

export const listSubmissions = () => api.get(apiPath`reports/submissions`);

// The frozen JSON; with { format: 'html' | 'xlsx', lang }, the page or workbook it was.
export const submissionUrl = (id, params = {}) => {
  const query = queryString(params);
  return apiPath`reports/submissions/${id}` + (query ? `?${query}` : '');
};

export const getSubmissionChanges = (id) => api.get(apiPath`reports/submissions/${id}/changes`);
