// The reports (attendance, funder, summary), read as JSON or downloaded in
// any of the formats the server writes.
import { api, apiPath, url } from '../api.js';

export const REPORT_FORMATS = ['json', 'csv', 'html', 'xlsx'];

// name: 'attendance', 'funder' or 'summary'.
export const getReport = (name, params) => api.get(apiPath`reports/${name}`, params);

export const reportUrl = (name, params) => url(apiPath`reports/${name}`, params);
