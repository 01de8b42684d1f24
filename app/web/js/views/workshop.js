// A workshop's page: details and lifecycle, partner institutions, sessions,
// registrations, the sign-in grid and its double bookings.
import { attendanceGridUrl, getAttendance } from '../client/attendance.js';
import { projects } from '../client/projects.js';
import { listRegistrations } from '../client/registrations.js';
import { reportUrl } from '../client/reports.js';
import { deleteWorkshop, getWorkshop, listWorkshopConflicts, updateWorkshop, workshopIcsUrl } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { formatDateRange, label } from '../format.js';
import { canWrite } from '../session.js';
import { busy, button, details, errorBox, linkButton, loading, notify, notifyProblem, pageHeader, section } from '../ui.js';
import { attendanceGrid } from './attendance-grid.js';
import { conflictList } from './conflicts.js';
import { importPanel } from './workshop-import.js';
import { statusBadge } from './home.js';
import { partnersSection } from './workshop-partners.js';
import { registrationsSection } from './workshop-registrations.js';
import { sessionsSection } from './workshop-sessions.js';

const LIFECYCLE = [['confirmed', 'Confirm'], ['held', 'Mark held'], ['cancelled', 'Cancel workshop']];

export async function workshopView({ params, query, root }) {
  const id = Number(params.id);
  const [workshop, projectList] = await Promise.all([getWorkshop(id), projects()]);
  const project = projectList.find((p) => p.id === workshop.project_id);

  const head = h('div', {});
  const people = { registrations: h('div', {}, loading()), grid: h('div', {}, loading()), conflicts: h('div', {}, loading()) };

  // Registrations, the grid and conflicts all follow the registered people
  // and the sessions, so they are reloaded together.
  let names = new Map(); // person id -> name, for the conflicts
  const drawConflicts = async (conflicts) => mount(people.conflicts, await conflictList(conflicts.items, names));
  const refreshPeople = async () => {
    try {
      const [matrix, registrations, conflicts] = await Promise.all([
        getAttendance(id),
        listRegistrations(id),
        listWorkshopConflicts(id),
      ]);
      names = new Map(matrix.rows.map((r) => [r.person_id, r.full_name]));
      mount(people.registrations, await registrationsSection(id, registrations, names, refreshPeople),
        canWrite() ? importPanel(id, { kind: 'registrations', onDone: refreshPeople }) : null);
      mount(people.grid, attendanceGrid(id, matrix),
        canWrite() ? importPanel(id, { kind: 'attendance', onDone: refreshPeople }) : null);
      await drawConflicts(conflicts);
    } catch (problem) {
      for (const el of Object.values(people)) mount(el, errorBox(problem));
    }
  };
  // The conflicts alone (after a partner or status change): the forms above
  // keep what is typed in them.
  const refreshConflicts = async () => {
    try {
      await drawConflicts(await listWorkshopConflicts(id));
    } catch (problem) {
      mount(people.conflicts, errorBox(problem));
    }
  };

  const drawHead = (w) => mount(head,
    pageHeader(w.title, {
      subtitle: [project ? project.code : '', label('workshop_kind', w.kind), formatDateRange(w.start_date, w.end_date, w.dates_estimated), w.city]
        .filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton('Edit details', `#/workshops/${id}/edit`)] : [],
    }),
    // A new status changes the conflicts too (a cancelled workshop has none).
    lifecycle(w, (saved) => Promise.all([drawHead(saved), refreshConflicts()])),
    h('nav', { class: 'links', 'aria-label': 'Documents' },
      h('a', { href: reportUrl('attendance', { workshop_id: id, format: 'html' }), target: '_blank', rel: 'noopener' }, 'Attendance report'),
      h('a', { href: `#/reports/attendance?workshop_id=${id}` }, 'Attendance figures and downloads'),
      h('a', { href: attendanceGridUrl(id, 'html'), target: '_blank', rel: 'noopener' }, 'Print sign-in sheets'),
      h('a', { href: attendanceGridUrl(id, 'xlsx'), download: `sign-in-grid-${id}.xlsx` }, 'Download grid (Excel)'),
      h('a', { href: attendanceGridUrl(id, 'csv'), download: `sign-in-grid-${id}.csv` }, 'Download grid (CSV)'),
      h('a', { href: workshopIcsUrl(id), download: `workshop-${id}.ics` }, 'Add to calendar (.ics)')),
    h('div', { class: 'columns' }, section('Details', details([
      ['Status', statusBadge(w.status)],
      ['Project', project ? h('a', { href: `#/projects/${project.id}` }, `${project.code} — ${project.title}`) : ''],
      ['Kind', label('workshop_kind', w.kind)],
      ['Dates', formatDateRange(w.start_date, w.end_date, w.dates_estimated)],
      ['City', w.city], ['Province', w.province], ['Country', w.country], ['Venue', w.venue],
      ['Capacity', w.capacity], ['Reported participants', w.reported_participants],
      ['Topics', w.topics.length ? h('ul', { class: 'plain' }, w.topics.map((t) => h('li', {}, t))) : null],
      ['Summary', w.summary], ['Notes', w.notes], ['Source', w.source],
    ]), canWrite() ? h('div', { class: 'danger-zone' }, button('Delete workshop', (e) => remove(e.currentTarget), { kind: 'danger' })) : null),
    partners));

  const remove = (btn) => deleteFromPage(btn, {
    question: `Delete “${workshop.title}”?`, confirmLabel: 'Delete workshop',
    remove: () => deleteWorkshop(id), deleted: 'Workshop deleted.', back: '/workshops',
  });

  const partners = section('Partner institutions', await partnersSection(id, refreshConflicts));
  drawHead(workshop);
  mount(root,
    head,
    section('Conflicts', people.conflicts),
    section('Sessions', await sessionsSection(id, refreshPeople)),
    section('Registrations', people.registrations),
    h('section', { class: 'panel', id: 'attendance', 'aria-labelledby': 'attendance-title' },
      h('h2', { id: 'attendance-title' }, 'Sign-in grid'), people.grid));
  await refreshPeople();
  if (query.get('section') === 'attendance') {
    document.getElementById('attendance')?.scrollIntoView();
  }
}

// Confirm / Mark held / Cancel: a PATCH of the status; the server decides
// which moves are allowed and its reason is shown when it refuses.
function lifecycle(workshop, redraw) {
  if (!canWrite()) return null;
  const reason = h('p', { class: 'refusal', role: 'alert', hidden: true });
  const bar = h('div', { class: 'lifecycle' },
    h('span', { class: 'lifecycle-label' }, 'Status: ', statusBadge(workshop.status)),
    LIFECYCLE.filter(([status]) => status !== workshop.status).map(([status, text]) => button(text, async (event) => {
      const btn = event.currentTarget;
      await busy(btn, async () => {
        try {
          const saved = await updateWorkshop(workshop.id, { status });
          notify(`Workshop is now ${label('workshop_status', saved.status).toLowerCase()}.`);
          await redraw(saved);
        } catch (problem) {
          reason.textContent = `${text}: refused. ${problem.detail || problem.title}`;
          reason.hidden = false;
          notifyProblem(problem, `${text} refused`);
        }
      });
    }, { kind: status === 'cancelled' ? 'danger' : 'secondary' })));
  return h('div', { class: 'lifecycle-wrap' }, bar, reason);
}
