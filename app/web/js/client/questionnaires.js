// A project's questionnaires (reaction surveys, knowledge tests, follow-up
// surveys), each item in English and Chinese, reused across its workshops.
import { api, apiPath, getAll } from '../api.js';

// Every questionnaire of a project (a handful: one page holds them).
export const listQuestionnaires = (projectId) => getAll(apiPath`projects/${projectId}/questionnaires`);

export const getQuestionnaire = (id) => api.get(apiPath`questionnaires/${id}`);

export const createQuestionnaire = (projectId, body) => api.post(apiPath`projects/${projectId}/questionnaires`, body);

export const updateQuestionnaire = (id, body) => api.patch(apiPath`questionnaires/${id}`, body);

// Refused (409) while a workshop uses it.
export const deleteQuestionnaire = (id) => api.del(apiPath`questionnaires/${id}`);
