// Who is signed in. The session itself is an HttpOnly cookie the app never
// sees; the CSRF token it needs for writes comes from the login answer or /me.
import { setCsrfToken } from './api.js';
import { getMe, logIn, logOut } from './client/auth.js';

let user = null;

export function currentUser() {
  return user;
}

export function isAdmin() {
  return user?.role === 'admin';
}

// Which controls to offer; the server decides what is allowed.
export function canWrite() {
  return user?.role === 'admin' || user?.role === 'coordinator';
}

export function isFunder() {
  return user?.role === 'funder';
}

// Reads the session from the cookie (after a page load); null when signed out.
export async function restoreSession() {
  try {
    const me = await getMe();
    user = me;
    setCsrfToken(me.csrf_token);
  } catch (problem) {
    if (problem.status !== 401) throw problem;
    user = null;
    setCsrfToken(null);
  }
  return user;
}

export async function signIn(username, password) {
  const answer = await logIn(username, password);
  user = answer.user;
  setCsrfToken(answer.csrf_token);
  return user;
}

export async function signOut() {
  try {
    await logOut();
  } finally {
    forget();
  }
}

// The server ended the session (expired, revoked): forget it here too.
export function forget() {
  user = null;
  setCsrfToken(null);
}
