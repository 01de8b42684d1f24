// Sessions by date, and the private feed addresses a calendar client subscribes to.
import { api, apiPath } from '../api.js';

export const getCalendar = ({ from, to }) => api.get(apiPath`calendar`, { from, to });

// The addresses issued to the signed-in user (a page, or a bare list).
export async function listFeedTokens() {
  const answer = await api.get(apiPath`auth/calendar-tokens`);
  return answer.items || answer;
}

export const issueFeedToken = () => api.post(apiPath`auth/calendar-token`);

export const revokeFeedToken = (id) => api.del(apiPath`auth/calendar-tokens/${id}`);
