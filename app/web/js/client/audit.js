// The audit trail (administrators): who changed what and when.
import { api, apiPath } from '../api.js';

export const listAudit = (params) => api.get(apiPath`audit`, params);
