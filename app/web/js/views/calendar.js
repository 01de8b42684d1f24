// Calendar: a month of sessions, and the feed address to subscribe to from a
// calendar client (Outlook, Thunderbird, phones).
import { getCalendar, issueFeedToken, listFeedTokens, revokeFeedToken } from '../client/calendar.js';
import { h, mount } from '../dom.js';
import { WEEKDAYS, addDays, addMonths, formatDate, formatInstant, formatMonth, lastDayOfMonth, startOfWeek, today } from '../format.js';
import { href } from '../router.js';
import { busy, button, linkButton, notify, notifyProblem, pageHeader, section, table } from '../ui.js';

export async function calendarView({ query, root }) {
  const now = today();
  const month = /^\d{4}-\d{2}$/.test(query.get('month') || '') ? query.get('month') : now.slice(0, 7);
  const first = startOfWeek(`${month}-01`);
  const last = addDays(startOfWeek(lastDayOfMonth(month)), 6);
  const page = await getCalendar({ from: first, to: last });
  const tokens = await feedTokens();
  const byDate = new Map();
  for (const s of page.items) byDate.set(s.date, [...(byDate.get(s.date) || []), s]);

  const weeks = [];
  for (let day = first; day <= last; day = addDays(day, 7)) weeks.push(day);
  const grid = h('div', { class: 'table-wrap' }, h('table', { class: 'month' },
    h('caption', {}, `Sessions in ${formatMonth(month)}`),
    h('thead', {}, h('tr', {}, WEEKDAYS.map((d) => h('th', { scope: 'col' }, d)))),
    h('tbody', {}, weeks.map((weekStart) => h('tr', {}, [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const day = addDays(weekStart, i);
      const sessions = byDate.get(day) || [];
      return h('td', { class: [day.slice(0, 7) !== month ? 'other-month' : '', day === now ? 'today' : ''].join(' ') },
        h('span', { class: 'day-number' },
          h('span', { 'aria-hidden': 'true' }, String(Number(day.slice(8)))),
          h('span', { class: 'visually-hidden' }, formatDate(day))),
        sessions.length ? h('ul', {}, sessions.map((s) => h('li', { class: `cal-${s.workshop.status}` },
          h('a', { href: `#/workshops/${s.workshop.id}`, title: [s.workshop.title, s.workshop.city].filter(Boolean).join(', ') },
            s.start_time ? `${s.start_time} ` : '', s.workshop.title)))) : null);
    }))))));

  mount(root,
    pageHeader('Calendar', { subtitle: formatMonth(month) }),
    h('nav', { class: 'month-nav', 'aria-label': 'Months' },
      linkButton('Previous month', href('/calendar', { month: addMonths(month, -1) })),
      linkButton('This month', href('/calendar')),
      linkButton('Next month', href('/calendar', { month: addMonths(month, 1) }))),
    grid,
    section('Subscribe from your calendar', feedPanel(() => tokens.redraw()), tokens));
}

// The feed addresses already issued, to revoke one that leaked; `redraw`
// shows a newly issued one.
async function feedTokens() {
  const box = h('div', {});
  const draw = async () => {
    const tokens = await listFeedTokens();
    mount(box, h('h3', {}, 'Feed addresses issued'), table([
      { label: 'Issued', cell: (t) => formatInstant(t.created_at) },
      { label: 'Last used', cell: (t) => (t.last_used_at ? formatInstant(t.last_used_at) : 'Never') },
      {
        label: 'Actions',
        cell: (t) => button('Revoke', (e) => busy(e.currentTarget, async () => {
          try {
            await revokeFeedToken(t.id);
            await draw();
            notify('Feed address revoked: calendars using it stop updating.');
          } catch (problem) {
            notifyProblem(problem, 'Not revoked');
          }
        }), { kind: 'danger', 'aria-label': `Revoke the feed address issued ${formatInstant(t.created_at)}` }),
      },
    ], tokens, { emptyText: 'None issued.' }));
  };
  await draw();
  box.redraw = draw;
  return box;
}

function feedPanel(onIssued) {
  const out = h('div', {});
  return h('div', {},
    h('p', {}, 'Get a private address for the workshops feed and add it to Outlook, Thunderbird or a phone as an internet calendar. It is valid for a year and can only read the calendar.'),
    button('Get feed address', async (event) => busy(event.currentTarget, async () => {
      try {
        const answer = await issueFeedToken();
        const address = new URL(answer.feed_path, window.location.origin).href;
        const input = h('input', { id: 'feed-address', type: 'text', readOnly: true, value: address });
        mount(out, h('div', { class: 'field' },
          h('label', { for: 'feed-address' }, 'Feed address'),
          h('div', { class: 'copy-row' }, input, button('Copy address', async () => {
            input.select();
            try {
              await navigator.clipboard.writeText(address);
              notify('Feed address copied.');
            } catch {
              notify('Select the address and copy it with Ctrl+C.', 'info');
            }
          })),
          h('p', { class: 'hint' }, `Valid until ${formatDate(answer.expires_at.slice(0, 10))}. Keep it private: anyone with it can read the calendar.`)));
        notify('Feed address ready.');
        await onIssued();
        input.focus();
        input.select();
      } catch (problem) {
        notifyProblem(problem, 'No feed address');
      }
    }), { kind: 'primary' }),
    out);
}
