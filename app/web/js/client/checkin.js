// Participants in the loop: personal links and badges, and self check-in for
// a session (its window, its live count and the QR code the screen shows).
import { api, apiPath, url } from '../api.js';

export const listLinks = (workshopId) => api.get(apiPath`workshops/${workshopId}/links`);

// Issues a link to everyone registered who has none -> {issued}.
export const issueMissingLinks = (workshopId) => api.post(apiPath`workshops/${workshopId}/links`);

// Issues (again: the old link and code stop working) one registration's link.
export const issueLink = (workshopId, registrationId) => api.post(apiPath`workshops/${workshopId}/registrations/${registrationId}/link`);

export const badgesUrl = (workshopId) => url(apiPath`workshops/${workshopId}/badges`, { format: 'html' });

export const checkinState = (workshopId, sessionId) => api.get(apiPath`workshops/${workshopId}/sessions/${sessionId}/checkin`);

export const openCheckin = (workshopId, sessionId, times) => api.post(apiPath`workshops/${workshopId}/sessions/${sessionId}/checkin`, times);

export const closeCheckin = (workshopId, sessionId) => api.del(apiPath`workshops/${workshopId}/sessions/${sessionId}/checkin`);

// The QR code as the screen shows it now (SVG text); null when check-in is
// not open.
export async function checkinQr(workshopId, sessionId) {
  const response = await fetch(apiPath`workshops/${workshopId}/sessions/${sessionId}/checkin/qr.svg`, {
    credentials: 'same-origin', cache: 'no-store',
  });
  return response.ok ? response.text() : null;
}
