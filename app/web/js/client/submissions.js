// Reports as sent to donors: frozen when submitted, never changed, and
// compared with today's figures on request.
import { api, apiPath } from '../api.js';
import { present } from '../query.js';

// params: the report's, as strings, without the empty ones.
export function submitReport(report, params, note) {
  const sent = Object.fromEntries(present(params).map(([k, v]) => [k, String(v)]));
  return api.post(apiPath`reports/submissions`, { report, params: sent, note });
}

export const listSubmissions = () => api.get(apiPath`reports/submissions`);

export const submissionUrl = (id) => apiPath`reports/submissions/${id}`;

export const getSubmissionChanges = (id) => api.get(apiPath`reports/submissions/${id}/changes`);
