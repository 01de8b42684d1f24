// The attendance report: one workshop's marks per session, attendance rate,
// participant-days, by role, organization, gender and province.
import { columnChart } from '../chart.js';
import { getWorkshop, listWorkshops } from '../client/workshops.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { addDays, formatDate, formatDateRange, formatNumber, formatPercent, label, today } from '../format.js';
import { section, table } from '../ui.js';
import { statusBadge } from './home.js';
import { figures, periodFields, reportPage, thresholdField } from './report-page.js';
import { countsSection, genderChart } from './report-totals.js';

export async function attendanceReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || addDays(now, -365),
    to: query.get('to') || addDays(now, 60),
    workshop_id: query.get('workshop_id'),
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const list = await listWorkshops({ from: values.from, to: values.to, limit: 500 });
  const choices = list.items.filter((w) => w.status !== 'cancelled');
  if (values.workshop_id && !choices.some((w) => String(w.id) === values.workshop_id)) {
    const picked = await getWorkshop(values.workshop_id).catch(() => null);
    if (picked) choices.unshift(picked);
  }
  await reportPage(root, {
    title: 'Attendance report',
    intro: 'Pick a workshop (the list shows those in the period).',
    formFields: [
      periodFields(values, ['Workshops from', 'Workshops to']),
      field({
        name: 'workshop_id', label: 'Workshop', type: 'select', blank: 'Choose a workshop…', value: values.workshop_id, class: 'wide',
        options: choices.map((w) => [w.id, `${w.title} — ${formatDateRange(w.start_date, w.end_date, w.dates_estimated)}`]),
      }),
      thresholdField(values),
    ],
    ready: Boolean(values.workshop_id),
    report: 'attendance',
    params: { workshop_id: values.workshop_id, completion_threshold: values.completion_threshold },
    fileStem: `attendance-${values.workshop_id}`,
    draw: drawAttendance,
  });
}

const BREAKDOWN = [['Registered', 'registered'], ['People trained', 'people_trained'], ['Participant-days', 'participant_days'], ['Completed', 'completed']];

function breakdown(title, rows, nameOf) {
  return countsSection(title, rows, nameOf, BREAKDOWN);
}

function drawAttendance(r) {
  const w = r.workshop;
  const t = r.totals;
  return h('div', { class: 'report' },
    h('h2', {}, h('a', { href: `#/workshops/${w.id}` }, w.title)),
    h('p', { class: 'muted' }, [formatDateRange(w.start_date, w.end_date, w.dates_estimated), w.city].filter(Boolean).join(' · '), ' ', statusBadge(w.status)),
    figures([
      ['Participants registered', formatNumber(t.participants_registered)], ['People trained', formatNumber(t.people_trained)],
      ['Attendance rate', formatPercent(t.attendance_rate)], ['Participant-days', formatNumber(t.participant_days)],
      [`Completed (${r.completion_threshold}% of sessions)`, formatNumber(t.completed)], ['Trainers and other roles', formatNumber(t.trainers)],
    ]),
    h('p', { class: 'muted' }, 'Participants only; trainers, speakers, organizers and observers are counted apart. The attendance rate is the mean of the sessions’ rates.'),
    h('div', { class: 'charts' },
      r.sessions.length ? columnChart('Participants present or late, per session', r.sessions.map((s) => ({ label: formatDate(s.date).replace(/ \d{4}$/, ''), value: s.present + s.late }))) : null,
      genderChart(r)),
    section('Sessions', table([
      { label: 'Date', cell: (s) => formatDate(s.date), class: 'nowrap' },
      { label: 'Title', cell: (s) => s.title || '', rowHeader: false },
      { label: 'Present', cell: (s) => formatNumber(s.present), numeric: true },
      { label: 'Late', cell: (s) => formatNumber(s.late), numeric: true },
      { label: 'Excused', cell: (s) => formatNumber(s.excused), numeric: true },
      { label: 'Absent', cell: (s) => formatNumber(s.absent), numeric: true },
      { label: 'No mark', cell: (s) => formatNumber(s.unmarked), numeric: true },
      { label: 'Attendance rate', cell: (s) => formatPercent(s.attendance_rate), numeric: true },
      { label: 'Trainers and others present', cell: (s) => formatNumber(s.trainers_present), numeric: true },
    ], r.sessions)),
    section('By role', table([
      { label: 'Role', cell: (x) => label('registration_role', x.role) },
      { label: 'Registered', cell: (x) => formatNumber(x.registered), numeric: true },
      { label: 'Attended', cell: (x) => formatNumber(x.attended), numeric: true },
    ], r.by_role)),
    breakdown('Participants by organization', r.by_organization, (o) => o.name || 'No organization'),
    breakdown('Participants by gender', r.by_gender, (g) => label('gender', g.gender) || 'Unknown'),
    breakdown('Participants by province', r.by_province, (p) => p.province || 'Unknown'));
}
