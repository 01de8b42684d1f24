// The check-in screen, for the projector: a large QR code that changes every
// 15 seconds (each code is good for 15 to 30 s, so a photo of it soon stops
// working), the session, a live count and what a coordinator should look at.
// Participants scan it with WeChat or the camera; their phones open /c/....
import { checkinQr, checkinState, closeCheckin, openCheckin } from '../client/checkin.js';
import { listSessions } from '../client/sessions.js';
import { getWorkshop } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n.js';
import { canWrite } from '../session.js';
import { busy, button, empty, linkButton, pageHeader } from '../ui.js';
import { inLang } from './names.js';
import { sessionDay } from './workshop-sessions.js';

const REFRESH_MS = 5000; // well inside a code's 15 to 30 s of life

// "08:00" of "2026-12-07T00:00:00Z" where the workshop is (the server's
// time zone, not the browser's), with the date when it is not the session's.
function clock(iso, sessionDate, timeZone) {
  if (!iso) return '';
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return day === sessionDate ? time : `${formatDate(day)} ${time}`;
}

export async function checkinScreenView({ params, root }) {
  const id = Number(params.id);
  const sessionId = Number(params.sid);
  const [workshop, sessions] = await Promise.all([getWorkshop(id), listSessions(id)]);
  const session = sessions.find((s) => s.id === sessionId);
  const back = linkButton(t('web.checkin.back'), `#/workshops/${id}`);
  if (!session) {
    mount(root, pageHeader(t('web.checkin.title'), { actions: [back] }), empty(t('web.checkin.no_session')));
    return;
  }
  const when = [sessionDay(session.date), session.start_time ? `${session.start_time}${session.end_time ? `–${session.end_time}` : ''}` : null,
    session.title].filter(Boolean).join(' · ');

  const how = h('p', { class: 'checkin-how' }, t('web.checkin.how'));
  const qr = h('div', { class: 'checkin-qr', role: 'img', 'aria-label': t('checkin.qr_label') });
  const count = h('p', { class: 'checkin-count', 'aria-live': 'polite' });
  const times = h('p', { class: 'checkin-times' });
  const flags = h('div', { class: 'checkin-flags', 'aria-live': 'polite' });
  const controls = h('div', { class: 'checkin-controls' });
  const screen = h('section', { class: 'checkin-screen', 'aria-labelledby': 'checkin-heading' },
    h('div', { class: 'checkin-side' },
      h('h2', { id: 'checkin-heading', class: 'checkin-session' }, inLang(workshop.title)),
      h('p', { class: 'checkin-when' }, when),
      how,
      count, times, flags, controls),
    qr);

  let timer = null;
  let drawing = false; // one refresh at a time: an older code never paints over a newer
  const stop = () => { clearInterval(timer); timer = null; };
  // Live regions are told only of what changed, not every refresh.
  const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };

  const drawQr = async (open) => {
    const text = open ? await checkinQr(id, sessionId) : null;
    if (!text) {
      qr.replaceChildren(h('p', { class: 'checkin-closed' }, t('web.checkin.closed_qr')));
      return;
    }
    const image = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    image.setAttribute('aria-hidden', 'true');
    qr.replaceChildren(document.importNode(image, true));
  };

  const draw = async () => {
    if (!screen.isConnected && timer) { // the coordinator went elsewhere
      stop();
      return;
    }
    const state = await checkinState(id, sessionId);
    setText(count, t('web.checkin.count', { n: state.checked_in, total: state.registered }));
    setText(times, state.opens_at
      ? t(state.open ? 'web.checkin.open_until' : 'web.checkin.window', {
        opens: clock(state.opens_at, session.date, state.time_zone),
        closes: clock(state.closes_at, session.date, state.time_zone),
        late: clock(state.late_after, session.date, state.time_zone),
        // A session without times is never late: no late time to tell.
        never_late: String(state.late_after >= state.closes_at),
      })
      : t('web.checkin.not_open'));
    // On the projector, how many: the names are the grid's to show.
    const flagged = state.flags.length
      ? t('web.checkin.flags', { phones: state.flags.length, people: state.flagged_people.length }) : '';
    if (flags.textContent !== flagged) {
      flags.replaceChildren(...(flagged ? [h('p', { class: 'checkin-flag' }, flagged)] : []));
    }
    if (canWrite() && controls.dataset.open !== String(state.open)) {
      controls.dataset.open = String(state.open);
      controls.replaceChildren(state.open
        ? button(t('web.checkin.close'), (e) => busy(e.currentTarget, async () => {
          await closeCheckin(id, sessionId); // the screen says so: no notice over the code
          await draw();
        }))
        : button(t('web.checkin.open'), (e) => busy(e.currentTarget, async () => {
          await openCheckin(id, sessionId);
          await draw();
        }), { kind: 'primary' }),
      button(t('web.checkin.full_screen'), () => screen.requestFullscreen?.()));
    }
    how.hidden = !state.open;
    await drawQr(state.open);
  };
  const refresh = async () => {
    if (drawing) return;
    drawing = true;
    try {
      await draw();
    } catch {
      // Offline, or signed out: no stale code left on the projector.
      qr.replaceChildren(h('p', { class: 'checkin-closed' }, t('web.checkin.offline')));
    } finally {
      drawing = false;
    }
  };

  mount(root, pageHeader(t('web.checkin.title'), { actions: [back] }), screen);
  await draw();
  timer = setInterval(refresh, REFRESH_MS);
}
