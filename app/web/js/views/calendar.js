// Calendar: a month of sessions, and the feed address to subscribe to from a
// calendar client (Outlook, Google Calendar, phones): as a webcal:// link and
// with the steps to paste it by hand.
import { getCalendar, issueFeedToken, listFeedTokens, revokeFeedToken } from '../client/calendar.js';
import { listConflicts } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { addDays, addMonths, formatDate, formatInstant, formatMonth, lastDayOfMonth, startOfWeek, today, weekdayNames } from '../format.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { busy, button, linkButton, notify, notifyProblem, pageHeader, section, table } from '../ui.js';
import { conflictFlag, conflictMarks } from './conflicts.js';

export async function calendarView({ query, root }) {
  const now = today();
  const month = /^\d{4}-\d{2}$/.test(query.get('month') || '') ? query.get('month') : now.slice(0, 7);
  const first = startOfWeek(`${month}-01`);
  const last = addDays(startOfWeek(lastDayOfMonth(month)), 6);
  const [page, clashes] = await Promise.all([getCalendar({ from: first, to: last }), listConflicts({ from: first, to: last })]);
  const tokens = await feedTokens();
  const byDate = new Map();
  for (const s of page.items) byDate.set(s.date, [...(byDate.get(s.date) || []), s]);

  const weeks = [];
  for (let day = first; day <= last; day = addDays(day, 7)) weeks.push(day);
  const grid = h('div', { class: 'table-wrap' }, h('table', { class: 'month' },
    h('caption', {}, t('web.calendar.caption', { month: formatMonth(month) })),
    h('thead', {}, h('tr', {}, weekdayNames().map((d) => h('th', { scope: 'col' }, d)))),
    h('tbody', {}, weeks.map((weekStart) => h('tr', {}, [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const day = addDays(weekStart, i);
      const sessions = byDate.get(day) || [];
      const marks = sessions.length ? conflictMarks(clashes.items, day) : new Map();
      return h('td', { class: [day.slice(0, 7) !== month ? 'other-month' : '', day === now ? 'today' : ''].join(' ') },
        h('span', { class: 'day-number' },
          h('span', { 'aria-hidden': 'true' }, String(Number(day.slice(8)))),
          h('span', { class: 'visually-hidden' }, formatDate(day))),
        sessions.length ? h('ul', {}, sessions.map((s) => h('li', { class: `cal-${s.workshop.status}` },
          h('a', { href: `#/workshops/${s.workshop.id}`, title: s.workshop.city ? t('web.calendar.title_city', { title: s.workshop.title, city: s.workshop.city }) : s.workshop.title },
            s.start_time ? `${s.start_time} ` : '', s.workshop.title),
          conflictFlag(s.workshop.id, marks.get(s.workshop.id))))) : null);
    }))))));

  mount(root,
    pageHeader(t('nav.calendar'), { subtitle: formatMonth(month) }),
    h('nav', { class: 'month-nav', 'aria-label': t('web.calendar.months') },
      linkButton(t('web.calendar.previous_month'), href('/calendar', { month: addMonths(month, -1) })),
      linkButton(t('web.calendar.this_month'), href('/calendar')),
      linkButton(t('web.calendar.next_month'), href('/calendar', { month: addMonths(month, 1) }))),
    grid,
    section(t('web.calendar.subscribe'), feedPanel(() => tokens.redraw()), tokens));
}

// The feed addresses already issued, to revoke one that leaked; `redraw`
// shows a newly issued one.
async function feedTokens() {
  const box = h('div', {});
  const draw = async () => {
    const tokens = await listFeedTokens();
    mount(box, h('h3', {}, t('web.calendar.issued_title')), table([
      { label: t('web.calendar.issued'), cell: (token) => formatInstant(token.created_at) },
      { label: t('web.calendar.last_used'), cell: (token) => (token.last_used_at ? formatInstant(token.last_used_at) : t('web.calendar.never')) },
      {
        label: t('web.workshop.actions'),
        cell: (token) => button(t('web.calendar.revoke'), (e) => busy(e.currentTarget, async () => {
          try {
            await revokeFeedToken(token.id);
            await draw();
            notify(t('web.calendar.revoked'));
          } catch (problem) {
            notifyProblem(problem, t('web.calendar.not_revoked'));
          }
        }), { kind: 'danger', 'aria-label': t('web.calendar.revoke_label', { when: formatInstant(token.created_at) }) }),
      },
    ], tokens, { emptyText: t('web.calendar.none_issued') }));
  };
  await draw();
  box.redraw = draw;
  return box;
}

function feedPanel(onIssued) {
  const out = h('div', {});
  return h('div', {},
    h('p', {}, t('web.calendar.feed_intro')),
    button(t('web.calendar.get_address'), async (event) => busy(event.currentTarget, async () => {
      try {
        const answer = await issueFeedToken();
        const address = new URL(answer.feed_path, window.location.origin).href;
        const input = h('input', { id: 'feed-address', type: 'text', readOnly: true, value: address });
        mount(out, h('div', { class: 'field' },
          h('label', { for: 'feed-address' }, t('web.calendar.address')),
          h('div', { class: 'copy-row' }, input, button(t('web.calendar.copy'), async () => {
            input.select();
            try {
              await navigator.clipboard.writeText(address);
              notify(t('web.calendar.copied'));
            } catch {
              notify(t('web.calendar.copy_by_hand'), 'info');
            }
          })),
          h('p', { class: 'hint' }, t('web.calendar.valid_until', { date: formatDate(answer.expires_at.slice(0, 10)) }))),
        // The same address as webcal://: a calendar app opens it and offers
        // to subscribe, where a browser would only download the file.
        h('p', { class: 'webcal' },
          linkButton(t('web.calendar.open_in_app'), address.replace(/^https?:/, 'webcal:')),
          h('span', { class: 'hint' }, ` ${t('web.calendar.open_in_app_hint')}`)));
        notify(t('web.calendar.ready'));
        await onIssued();
        input.focus();
        input.select();
      } catch (problem) {
        notifyProblem(problem, t('web.calendar.no_address'));
      }
    }), { kind: 'primary' }),
    out,
    h('h3', {}, t('web.calendar.how_title')),
    h('ul', { class: 'how-to' }, h('li', {}, t('web.calendar.how_outlook')), h('li', {}, t('web.calendar.how_google'))));
}
