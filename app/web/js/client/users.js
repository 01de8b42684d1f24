// User accounts (administrators).
import { api, apiPath, getAll } from '../api.js';

export const listAllUsers = () => getAll(apiPath`users`);

export const createUser = (body) => api.post(apiPath`users`, body);

// changes: {disabled} or {password}.
export const updateUser = (id, changes) => api.patch(apiPath`users/${id}`, changes);
