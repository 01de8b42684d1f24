// A project's results framework: results, their indicators, the values
// entered by hand, the evidence behind a counted actual, and the results
// report for a period.
import { api, apiPath, getAll, url } from '../api.js';

export const listResults = (projectId) => getAll(apiPath`projects/${projectId}/results`);

export const createResult = (projectId, body) => api.post(apiPath`projects/${projectId}/results`, body);

export const updateResult = (id, body) => api.patch(apiPath`results/${id}`, body);

export const deleteResult = (id) => api.del(apiPath`results/${id}`);

export const listIndicators = (resultId) => getAll(apiPath`results/${resultId}/indicators`);

export const createIndicator = (resultId, body) => api.post(apiPath`results/${resultId}/indicators`, body);

export const updateIndicator = (id, body) => api.patch(apiPath`indicators/${id}`, body);

export const deleteIndicator = (id) => api.del(apiPath`indicators/${id}`);

export const getIndicatorValues = (id) => api.get(apiPath`indicators/${id}/values`);

// rows: [{period_start, period_end, value, comment}], replacing them all.
export const setIndicatorValues = (id, rows) => api.put(apiPath`indicators/${id}/values`, rows);

export const getIndicatorEvidence = (id, period) => api.get(apiPath`indicators/${id}/evidence`, period);

export const getResultsReport = (projectId, period) => api.get(apiPath`projects/${projectId}/results/report`, period);

export const resultsReportUrl = (projectId, params) => url(apiPath`projects/${projectId}/results/report`, params);
