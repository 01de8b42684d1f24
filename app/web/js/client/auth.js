// The session: who is signed in (from the cookie), signing in and out.
import { api, apiPath } from '../api.js';

export const getMe = () => api.get(apiPath`me`);

export const logIn = (username, password) => api.post(apiPath`auth/login`, { username, password });

export const logOut = () => api.post(apiPath`auth/logout`);

// The user's own language ('en', 'zh', or null to follow the browser).
export const setMyLanguage = (language) => api.patch(apiPath`me`, { language });
