// Home: this week's and next week's sessions, attendance still to take, and
// double bookings to resolve.
import { getAttendance } from '../client/attendance.js';
import { getCalendar } from '../client/calendar.js';
import { listConflicts } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { addDays, formatDate, formatDay, label, listText, startOfWeek, today } from '../format.js';
import { t } from '../i18n.js';
import { canWrite } from '../session.js';
import { empty, errorBox, linkButton, loading, pageHeader, section } from '../ui.js';
import { conflictList } from './conflicts.js';

// Bound on the per-workshop look-ups below (there is no single route for
// "attendance to take" yet).
const MAX_WORKSHOPS_CHECKED = 12;

export async function homeView({ root }) {
  const now = today();
  const weekStart = startOfWeek(now);
  const upcoming = getCalendar({ from: weekStart, to: addDays(weekStart, 13) });
  const recent = getCalendar({ from: addDays(now, -30), to: now });
  const weeks = h('div', {}, loading());
  const todo = h('div', {}, loading());
  const conflicts = h('div', {}, loading());
  mount(root,
    pageHeader(t('web.home.title'), {
      subtitle: t('web.home.today_is', { date: formatDate(now) }),
      actions: canWrite() ? [linkButton(t('web.workshops.new'), '#/workshops/new', { kind: 'primary' })] : [],
    }),
    h('div', { class: 'home-grid' },
      section(t('web.home.this_and_next_week'), weeks),
      h('div', {},
        section(t('web.home.attendance_to_take'), todo),
        section(t('web.home.conflicts_to_resolve'), conflicts))));

  upcoming.then((page) => mount(weeks,
    h('h3', {}, t('web.home.this_week')), dayList(page.items, weekStart, addDays(weekStart, 6)),
    h('h3', {}, t('web.home.next_week')), dayList(page.items, addDays(weekStart, 7), addDays(weekStart, 13))))
    .catch((problem) => mount(weeks, errorBox(problem)));
  // Every double booking from today on, however far ahead.
  listConflicts()
    .then((page) => conflictList(page.items, new Map(), { withWorkshop: true, emptyText: t('web.home.no_conflicts_ahead') }))
    .then((node) => mount(conflicts, node))
    .catch((problem) => mount(conflicts, errorBox(problem)));

  recent.then((page) => attendanceToTake(page.items, now))
    .then((node) => mount(todo, node))
    .catch((problem) => mount(todo, errorBox(problem)));
}

function dayList(sessions, from, to) {
  const inRange = sessions.filter((s) => s.date >= from && s.date <= to);
  if (!inRange.length) return empty(t('web.home.no_sessions'));
  const byDate = new Map();
  for (const s of inRange) byDate.set(s.date, [...(byDate.get(s.date) || []), s]);
  return h('ul', { class: 'day-list' }, [...byDate].map(([date, items]) => h('li', {},
    h('span', { class: 'day' }, formatDay(date)),
    h('ul', {}, items.map((s) => h('li', {},
      h('a', { href: `#/workshops/${s.workshop.id}` }, s.workshop.title),
      h('span', { class: 'muted' }, ' · ',
        [s.start_time && `${s.start_time}${s.end_time ? `–${s.end_time}` : ''}`, s.title, s.workshop.city, s.workshop.venue]
          .filter(Boolean).join(' · ')),
      ' ', statusBadge(s.workshop.status)))))));
}

export function statusBadge(status) {
  return h('span', { class: ['badge', `badge-${status}`] }, label('workshop_status', status));
}

// Confirmed or held workshops with sessions in the last 30 days that have no
// mark at all.
async function attendanceToTake(sessions, now) {
  const workshops = new Map();
  for (const s of sessions) {
    if (s.date <= now && (s.workshop.status === 'confirmed' || s.workshop.status === 'held')) {
      workshops.set(s.workshop.id, s.workshop);
    }
  }
  const ids = [...workshops.keys()].slice(0, MAX_WORKSHOPS_CHECKED);
  const matrices = await Promise.all(ids.map(getAttendance));
  const rows = [];
  for (const m of matrices) {
    if (!m.rows.length) continue;
    const unmarked = m.sessions.filter((s, i) => s.date <= now && m.rows.every((r) => r.marks[i] === null));
    if (unmarked.length) rows.push({ workshop: workshops.get(m.workshop_id), unmarked });
  }
  if (!rows.length) return empty(t('web.home.all_marked'));
  return h('ul', { class: 'todo-list' }, rows.map(({ workshop, unmarked }) => h('li', {},
    h('a', { href: `#/workshops/${workshop.id}?section=attendance` }, workshop.title),
    h('span', { class: 'muted' }, t('web.home.no_marks_for', { dates: listText(unmarked.map((s) => formatDate(s.date))) })))));
}
