// A workshop's page: details and lifecycle, partner institutions, sessions,
// registrations, the sign-in grid and its double bookings; its evaluation
// (questionnaires, answers, figures) and its certificates (issued, the
// register, revoked) are screens of their own, one click away.
import { attendanceGridUrl, getAttendance } from '../client/attendance.js';
import { organizationsWith } from '../client/organizations.js';
import { projects } from '../client/projects.js';
import { listRegistrations } from '../client/registrations.js';
import { reportUrl } from '../client/reports.js';
import { deleteWorkshop, getWorkshop, listWorkshopConflicts, updateWorkshop, workshopIcsUrl } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { formatDateRange, label } from '../format.js';
import { t, tParts } from '../i18n.js';
import { canWrite } from '../session.js';
import { busy, button, details, errorBox, linkButton, loading, notify, notifyProblem, pageHeader, section } from '../ui.js';
import { attendanceGrid } from './attendance-grid.js';
import { conflictKey, conflictList, takeMade } from './conflicts.js';
import { importPanel } from './workshop-import.js';
import { inLang, orgShown } from './names.js';
import { statusBadge } from './home.js';
import { partnersSection } from './workshop-partners.js';
import { registrationsSection } from './workshop-registrations.js';
import { sessionsSection } from './workshop-sessions.js';
import { certificateDetails } from './workshop-form.js';

// The status each button moves to, and its catalog key.
const LIFECYCLE = [['confirmed', 'web.workshop.confirm'], ['held', 'web.workshop.mark_held'], ['cancelled', 'web.workshop.cancel']];

export async function workshopView({ params, query, root }) {
  const id = Number(params.id);
  const [workshop, projectList] = await Promise.all([getWorkshop(id), projects()]);
  const project = projectList.find((p) => p.id === workshop.project_id);

  const head = h('div', {});
  const people = { registrations: h('div', {}, loading()), grid: h('div', {}, loading()), conflicts: h('div', {}, loading()) };

  // Registrations, the grid and conflicts all follow the registered people
  // and the sessions, so they are reloaded together.
  let names = new Map(); // person id -> {full_name, native_name}, for the registrations and conflicts
  // A change on this page that makes a double booking says so there and
  // then: the ones not drawn before are announced and marked new. Answers
  // how many there are.
  let drawn = null;
  const drawConflicts = async (conflicts) => {
    const made = drawn ? null : new Set(takeMade(id).map(conflictKey)); // by the form, just before
    const fresh = conflicts.items.filter((c) => (drawn ? !drawn.has(conflictKey(c)) : made.has(conflictKey(c))));
    drawn = new Set(conflicts.items.map(conflictKey));
    mount(people.conflicts,
      fresh.length ? h('p', { class: 'conflicts-created', role: 'alert' }, t('web.conflicts.created', { n: fresh.length })) : null,
      await conflictList(conflicts.items, names, { fresh }));
    return fresh.length;
  };
  const refreshPeople = async () => {
    try {
      const [matrix, registrations, conflicts] = await Promise.all([
        getAttendance(id),
        listRegistrations(id),
        listWorkshopConflicts(id),
      ]);
      // Each person's organization, by name: two people of one name are
      // told apart by it in the registrations and the grid.
      const orgs = await organizationsWith(matrix.rows.map((r) => r.organization_id));
      for (const r of matrix.rows) r.organization = orgShown(orgs.get(r.organization_id)) || null;
      names = new Map(matrix.rows.map((r) => [r.person_id, r]));
      mount(people.registrations, await registrationsSection(id, registrations, names, refreshPeople),
        canWrite() ? importPanel(id, { kind: 'registrations', onDone: refreshPeople }) : null);
      mount(people.grid, attendanceGrid(id, matrix),
        canWrite() ? importPanel(id, { kind: 'attendance', onDone: refreshPeople }) : null);
      return await drawConflicts(conflicts);
    } catch (problem) {
      for (const el of Object.values(people)) mount(el, errorBox(problem));
      return 0;
    }
  };
  // The conflicts alone (after a partner or status change): the forms above
  // keep what is typed in them.
  const refreshConflicts = async () => {
    try {
      return await drawConflicts(await listWorkshopConflicts(id));
    } catch (problem) {
      mount(people.conflicts, errorBox(problem));
      return 0;
    }
  };

  // Above the grid: a workshop that does not take attendance yet says so
  // before the first click, with the move that lets it.
  const gridNotice = h('div', {});
  const drawGridNotice = (w) => mount(gridNotice, marksNotice(w, moved));
  const moved = (saved) => Promise.all([drawHead(saved), drawGridNotice(saved), refreshConflicts()]);

  const drawHead = (w) => mount(head,
    pageHeader(w.title, {
      subtitle: [project ? project.code : '', label('workshop_kind', w.kind), formatDateRange(w.start_date, w.end_date, w.dates_estimated), w.city]
        .filter(Boolean).join(' · '),
      // Taking attendance is one tap from here, first among the actions (on a
      // phone the grid is far down the page).
      actions: canWrite() ? [linkButton(t('web.workshop.take_attendance'), `#/workshops/${id}/attendance`, { kind: 'primary' }),
        linkButton(t('web.workshop.evaluation'), `#/workshops/${id}/evaluation`),
        linkButton(t('web.workshop.certificates'), `#/workshops/${id}/certificates`),
        linkButton(t('web.workshop.edit_details'), `#/workshops/${id}/edit`)]
        : [linkButton(t('web.workshop.evaluation'), `#/workshops/${id}/evaluation`), linkButton(t('web.workshop.certificates'), `#/workshops/${id}/certificates`)],
    }),
    // A new status changes the conflicts too (a cancelled workshop has none).
    lifecycle(w, moved),
    h('nav', { class: 'links', 'aria-label': t('web.workshop.documents') },
      h('a', { href: reportUrl('attendance', { workshop_id: id, format: 'html' }), target: '_blank', rel: 'noopener' }, t('web.workshop.attendance_report')),
      h('a', { href: `#/reports/attendance?workshop_id=${id}` }, t('web.workshop.attendance_figures')),
      h('a', { href: attendanceGridUrl(id, 'html'), target: '_blank', rel: 'noopener' }, t('web.workshop.print_sheets')),
      h('a', { href: attendanceGridUrl(id, 'xlsx'), download: `sign-in-grid-${id}.xlsx` }, t('web.workshop.download_grid_xlsx')),
      h('a', { href: attendanceGridUrl(id, 'csv'), download: `sign-in-grid-${id}.csv` }, t('web.workshop.download_grid_csv')),
      h('a', { href: workshopIcsUrl(id), download: `workshop-${id}.ics` }, t('web.workshop.add_to_calendar'))),
    h('div', { class: 'columns' }, section(t('web.workshop.details'), details([
      [t('common.status'), statusBadge(w.status)],
      [t('web.workshop.project'), project ? h('a', { href: `#/projects/${project.id}` }, `${project.code} — ${project.title}`) : ''],
      ...certificateDetails(w),
      [t('common.kind'), label('workshop_kind', w.kind)],
      [t('common.dates'), formatDateRange(w.start_date, w.end_date, w.dates_estimated)],
      [t('common.city'), inLang(w.city)], [t('web.workshop.province'), inLang(w.province)],
      [t('web.workshop.country'), w.country], [t('web.workshop.venue'), inLang(w.venue)],
      [t('web.workshop.capacity'), w.capacity], [t('web.workshop.reported_participants'), w.reported_participants],
      [t('web.workshop.topics'), w.topics.length ? h('ul', { class: 'plain' }, w.topics.map((topic) => h('li', {}, inLang(topic)))) : null],
      [t('web.workshop.summary'), inLang(w.summary)], [t('common.notes'), inLang(w.notes)], [t('web.workshop.source'), inLang(w.source)],
    ]), canWrite() ? h('div', { class: 'danger-zone' }, button(t('web.workshop.delete'), (e) => remove(e.currentTarget), { kind: 'danger' })) : null),
    partners));

  const remove = (btn) => deleteFromPage(btn, {
    question: t('web.workshop.delete_question', { title: workshop.title }), confirmLabel: t('web.workshop.delete'),
    remove: () => deleteWorkshop(id), deleted: t('web.workshop.deleted'), back: '/workshops',
  });

  const partners = section(t('web.workshop.partners'), await partnersSection(id, refreshConflicts));
  drawHead(workshop);
  drawGridNotice(workshop);
  const conflictsSection = section(t('web.workshop.conflicts'), people.conflicts);
  conflictsSection.id = 'conflicts';
  mount(root,
    head,
    conflictsSection,
    section(t('web.workshop.sessions'), await sessionsSection(id, refreshPeople)),
    section(t('web.workshop.registrations'), people.registrations),
    h('section', { class: 'panel', id: 'attendance', 'aria-labelledby': 'attendance-title' },
      h('h2', { id: 'attendance-title' }, t('web.workshop.sign_in_grid')), gridNotice, people.grid));
  await refreshPeople();
  const target = query.get('section');
  if (target === 'attendance' || target === 'conflicts') {
    document.getElementById(target)?.scrollIntoView();
    root.dataset.scrolled = '';
  }
}

// Marks are saved only for a confirmed or held workshop: a planned one
// offers to confirm it (when it may), a cancelled one says it takes none.
function marksNotice(workshop, moved) {
  if (workshop.status === 'planned') {
    const reason = h('p', { class: 'refusal', role: 'alert', hidden: true });
    return h('div', { class: 'marks-notice', role: 'note' },
      h('p', {}, t('web.workshop.marks_need_confirmed')),
      canWrite() && (workshop.allowed_transitions || []).includes('confirmed')
        ? button(t('web.workshop.confirm_for_marks'), (event) => busy(event.currentTarget, async () => {
          try {
            const saved = await updateWorkshop(workshop.id, { status: 'confirmed' });
            notify(t('web.workshop.status_now', { status: saved.status, status_label: label('workshop_status', saved.status) }));
            await moved(saved);
          } catch (problem) {
            reason.textContent = problem.detail || problem.title;
            reason.hidden = false;
          }
        }), { kind: 'primary' })
        : null,
      reason);
  }
  if (workshop.status === 'cancelled') {
    return h('div', { class: 'marks-notice', role: 'note' }, h('p', {}, t('web.workshop.marks_cancelled')));
  }
  return null;
}

// Confirm / Mark held / Cancel: a PATCH of the status. Only the moves the
// workshop allows now (`allowed_transitions`) are offered; the server's
// reason is shown if it still refuses.
function lifecycle(workshop, redraw) {
  if (!canWrite()) return null;
  const allowed = new Set(workshop.allowed_transitions || []);
  const reason = h('p', { class: 'refusal', role: 'alert', hidden: true });
  const bar = h('div', { class: 'lifecycle' },
    h('span', { class: 'lifecycle-label' }, tParts('web.workshop.status_is', { status: statusBadge(workshop.status) })),
    LIFECYCLE.filter(([status]) => allowed.has(status)).map(([status, key]) => button(t(key), async (event) => {
      const btn = event.currentTarget;
      await busy(btn, async () => {
        try {
          const saved = await updateWorkshop(workshop.id, { status });
          notify(t('web.workshop.status_now', { status: saved.status, status_label: label('workshop_status', saved.status) }));
          await redraw(saved);
        } catch (problem) {
          reason.textContent = t('web.workshop.move_refused', { action: t(key), reason: problem.detail || problem.title });
          reason.hidden = false;
          notifyProblem(problem, t('web.workshop.move_refused_short', { action: t(key) }));
        }
      });
    }, { kind: status === 'cancelled' ? 'danger' : 'secondary' })));
  return h('div', { class: 'lifecycle-wrap' }, bar, reason);
}
