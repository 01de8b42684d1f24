// Reports: attendance (one workshop), funder (one funder, a period) and the
// programme summary. Figures come from the server as they are; charts show
// what is easier seen than read; downloads in every format the API offers.
import { api, getAll, url } from '../api.js';
import { barChart, columnChart } from '../chart.js';
import { h, mount } from '../dom.js';
import { field, fields, form, showProblem } from '../form.js';
import { addDays, formatAmount, formatDate, formatDateRange, formatInstant, formatMonthShort, formatNumber, formatPercent, label, today } from '../format.js';
import { organizationPicker, orgById } from '../orgs.js';
import { reportFormats } from '../server-features.js';
import { navigate } from '../router.js';
import { canWrite, currentUser, isFunder } from '../session.js';
import { button, empty, loading, notify, pageHeader, section, table } from '../ui.js';
import { statusBadge } from './home.js';

const FORMAT_LABELS = {
  json: 'Download JSON', csv: 'Download CSV', html: 'Open printable page (HTML)', xlsx: 'Download Excel workbook',
};

// Links to the report in every format the server offers (shared with the results report).
export async function downloads(path, params, fileStem) {
  const list = await reportFormats();
  return h('nav', { class: 'downloads', 'aria-label': 'Downloads' },
    list.map((format) => {
      const target = url(path, { ...params, format });
      return format === 'html'
        ? h('a', { class: 'btn btn-secondary', href: target, target: '_blank', rel: 'noopener' }, FORMAT_LABELS.html)
        : h('a', { class: 'btn btn-secondary', href: target, download: `${fileStem}.${format}` }, FORMAT_LABELS[format] || `Download ${format.toUpperCase()}`);
    }));
}

function figures(pairs) {
  return h('dl', { class: 'figures' }, pairs.map(([name, value]) => h('div', { class: 'figure' }, h('dt', {}, name), h('dd', {}, value))));
}

// Renders the parameter form, then the report below it; a refused request
// (bad dates, unknown id) is explained on the form.
async function reportPage(root, { title, intro, formFields, values, ready, path, params, draw, fileStem, submit }) {
  const out = h('div', {});
  const paramsForm = form({
    submitLabel: 'Show report',
    failLabel: 'No report.',
    class: 'report-form',
    onSubmit: async (v) => navigate(window.location.hash.slice(1).split('?')[0], v),
  }, fields(formFields));
  mount(root, pageHeader(title, { subtitle: intro }), paramsForm, out);
  if (!ready) return;
  mount(out, loading('Preparing the report…'));
  try {
    const report = await api.get(path, params);
    mount(out, await downloads(path, params, fileStem), submit && canWrite() ? submitForm(submit, params) : null, await draw(report, values));
  } catch (problem) {
    mount(out);
    showProblem(paramsForm, problem);
  }
}

// Freezes the report as sent to a donor (POST /api/v1/reports/submissions).
function submitForm(report, params) {
  const sent = h('p', { class: 'submitted', role: 'status' });
  return h('div', { class: 'submit-report' },
    form({
      submitLabel: 'Submit to donor',
      failLabel: 'Not submitted.',
      heading: 'Submit to donor',
      onSubmit: async (v, el) => {
        const body = { report, params: Object.fromEntries(Object.entries(params).filter(([, x]) => x !== null && x !== undefined && x !== '').map(([k, x]) => [k, String(x)])), note: v.note || null };
        const s = await api.post('/api/v1/reports/submissions', body);
        el.reset();
        notify(`Report submitted (submission ${s.id}); it is kept exactly as sent.`);
        mount(sent, `Submitted as submission ${s.id}, SHA-256 ${s.sha256.slice(0, 12)}… `, h('a', { href: '#/reports/submissions' }, 'See all submissions'));
      },
    }, fields([field({ name: 'note', label: 'Note (to whom, why)', type: 'textarea', rows: 2, class: 'wide' })])),
    sent);
}

export async function reportsView({ root }) {
  const card = (title, text, target) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: target }, title)), h('p', {}, text));
  mount(root, pageHeader('Reports'),
    h('ul', { class: 'cards' },
      isFunder() ? null : card('Attendance', 'One workshop: marks per session, attendance rate, participant-days, by organization, gender and province.', '#/reports/attendance'),
      card('Funder', 'What one funder’s money did in a period: projects, workshops held, people trained, participant-days.', '#/reports/funder'),
      card('Submissions', 'Reports as sent to donors, kept exactly as sent, with the figures that changed since.', '#/reports/submissions'),
      isFunder() ? null : card('Programme summary', 'All projects in a period: workshops by month, kind, city and status.', '#/reports/summary')));
}

// --- attendance --------------------------------------------------------------

export async function attendanceReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || addDays(now, -365),
    to: query.get('to') || addDays(now, 60),
    workshop_id: query.get('workshop_id'),
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const list = await api.get('/api/v1/workshops', { from: values.from, to: values.to, limit: 500 });
  const choices = list.items.filter((w) => w.status !== 'cancelled');
  if (values.workshop_id && !choices.some((w) => String(w.id) === values.workshop_id)) {
    const picked = await api.get(`/api/v1/workshops/${values.workshop_id}`).catch(() => null);
    if (picked) choices.unshift(picked);
  }
  await reportPage(root, {
    title: 'Attendance report',
    intro: 'Pick a workshop (the list shows those in the period).',
    formFields: [
      field({ name: 'from', label: 'Workshops from', type: 'date', value: values.from }),
      field({ name: 'to', label: 'Workshops to', type: 'date', value: values.to }),
      field({
        name: 'workshop_id', label: 'Workshop', type: 'select', blank: 'Choose a workshop…', value: values.workshop_id, class: 'wide',
        options: choices.map((w) => [w.id, `${w.title} — ${formatDateRange(w.start_date, w.end_date, w.dates_estimated)}`]),
      }),
      thresholdField(values),
    ],
    values,
    ready: Boolean(values.workshop_id),
    path: '/api/v1/reports/attendance',
    params: { workshop_id: values.workshop_id, completion_threshold: values.completion_threshold },
    fileStem: `attendance-${values.workshop_id}`,
    draw: drawAttendance,
  });
}

// Completion: the share of sessions a participant must attend (API default 80).
function thresholdField(values) {
  return field({ name: 'completion_threshold', label: 'Completion threshold (% of sessions)', type: 'number', value: values.completion_threshold, min: 1, max: 100, step: 1 });
}

function breakdown(title, rows, nameOf) {
  return section(title, table([
    { label: title.replace(/^Participants by /, '').replace(/^./, (c) => c.toUpperCase()), cell: nameOf },
    { label: 'Registered', cell: (r) => formatNumber(r.registered), numeric: true },
    { label: 'People trained', cell: (r) => formatNumber(r.people_trained), numeric: true },
    { label: 'Participant-days', cell: (r) => formatNumber(r.participant_days), numeric: true },
    { label: 'Completed', cell: (r) => formatNumber(r.completed), numeric: true },
  ], rows));
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
      r.by_gender.length ? barChart('People trained, by gender', r.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.people_trained }))) : null),
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

// --- funder ------------------------------------------------------------------

export async function funderReportView({ query, root }) {
  const now = today();
  // A funder user sees its own organization's report only (and may not list organizations).
  const own = isFunder() ? currentUser().organization_id : null;
  const values = {
    organization_id: own || query.get('organization_id'),
    from: query.get('from') || `${now.slice(0, 4)}-01-01`,
    to: query.get('to') || now,
    include_children: query.get('include_children') || 'true',
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const funder = own ? null : await orgById(Number(values.organization_id)).catch(() => null);
  await reportPage(root, {
    title: 'Funder report',
    intro: 'What one funder’s money did in a period: aggregates only, no names.',
    formFields: [
      own ? null : organizationPicker({ label: 'Funder', value: funder, class: 'wide' }),
      field({ name: 'from', label: 'From', type: 'date', value: values.from }),
      field({ name: 'to', label: 'To', type: 'date', value: values.to }),
      field({
        name: 'include_children', label: 'Projects funded by organizations below it', type: 'select', value: values.include_children,
        options: [['true', 'Included'], ['false', 'Left out']],
      }),
      thresholdField(values),
    ],
    values,
    ready: Boolean(values.organization_id),
    path: '/api/v1/reports/funder',
    params: values,
    fileStem: `funder-${values.organization_id}-${values.from}-${values.to}`,
    draw: drawFunder,
    submit: 'funder',
  });
}

// Counted figures for workshops with named participants, the reported
// headcount for those without: columns nobody in the list has are left out,
// so the table stays narrow enough to read.
function workshopTable(list) {
  const named = list.some((w) => w.participants_registered > 0 || w.trainers > 0);
  const reported = list.some((w) => w.reported_headcount !== null);
  return table([
    {
      label: 'Workshop',
      cell: (w) => [
        isFunder() ? w.title : h('a', { href: `#/workshops/${w.workshop_id}` }, w.title),
        w.trainer_institutions.length ? h('span', { class: 'cell-note' }, `Trainers: ${w.trainer_institutions.join('; ')}`) : null,
        w.participating_agencies.length ? h('span', { class: 'cell-note' }, `Agencies: ${w.participating_agencies.join('; ')}`) : null,
      ],
      class: 'cell-wide',
    },
    { label: 'Project', cell: (w) => w.project_code },
    { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
    { label: 'City', cell: (w) => w.city || '' },
    { label: 'Kind', cell: (w) => label('workshop_kind', w.kind) },
    ...(named ? [
      { label: 'People trained', cell: (w) => formatNumber(w.people_trained), numeric: true },
      { label: 'Participant-days', cell: (w) => formatNumber(w.participant_days), numeric: true },
      { label: 'Completed', cell: (w) => formatNumber(w.completed), numeric: true },
      { label: 'Attendance rate', cell: (w) => formatPercent(w.attendance_rate), numeric: true },
      { label: 'Trainers', cell: (w) => formatNumber(w.trainers), numeric: true },
    ] : []),
    ...(reported ? [
      { label: 'Reported headcount', cell: (w) => formatNumber(w.reported_headcount), numeric: true },
      { label: 'Estimated participant-days', cell: (w) => formatNumber(w.estimated_participant_days), numeric: true },
    ] : []),
  ], list, { emptyText: 'None.' });
}

// The totals every report shows (definitions: README, Reports).
function totalsFigures(t) {
  return figures([
    ['Workshops held', formatNumber(t.workshops)],
    ['People trained', formatNumber(t.people_trained)],
    ['Participant-days', formatNumber(t.participant_days)],
    ['Completed a workshop', formatNumber(t.people_completed)],
    ['Attendance rate', formatPercent(t.attendance_rate)],
    ['Trainers and other roles', formatNumber(t.trainers)],
    ['Reported headcount', formatNumber(t.reported_headcount)],
    ['Participants (trained + reported)', formatNumber(t.participants)],
    ['Estimated participant-days', formatNumber(t.estimated_participant_days)],
    ['Agencies reached', formatNumber(t.agencies_reached.length)],
  ]);
}

function definitions(threshold) {
  return h('p', { class: 'muted' },
    `Only held workshops count. People trained: participants marked present or late at least once (trainers and other roles apart). Completed: present or late in at least ${threshold}% of a workshop’s sessions. Reported headcounts of workshops without a named list, and their estimated participant-days, are shown apart.`);
}

function genderChart(t) {
  return t.by_gender.length ? barChart('People trained, by gender', t.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.people_trained }))) : null;
}

function uncertainSection(uncertain) {
  return section('Workshops with unknown or estimated dates',
    h('p', { class: 'muted' }, 'Counted apart: their dates cannot place them in the period with certainty.'),
    uncertain.workshops.length ? [totalsFigures(uncertain.totals), workshopTable(uncertain.workshops)] : empty('None.'));
}

function drawFunder(r) {
  const t = r.totals;
  const uncertain = r.dates_uncertain;
  return h('div', { class: 'report' },
    h('h2', {}, `${r.organization.name}, ${formatDate(r.period.from)} – ${formatDate(r.period.to)}`),
    totalsFigures(t),
    definitions(r.completion_threshold),
    h('div', { class: 'charts' }, genderChart(t)),
    section('Projects funded', table([
      { label: 'Code', cell: (p) => p.code },
      { label: 'Title', cell: (p) => p.title },
      { label: 'Role', cell: (p) => label('project_role', p.role) },
      { label: 'Funder', cell: (p) => p.funder.name },
      { label: 'Amount', cell: (p) => formatAmount(p.amount, p.currency), numeric: true },
    ].filter(Boolean), r.projects, { emptyText: 'This organization funds no project.' })),
    section('Workshops held in the period', workshopTable(r.workshops),
      t.trainer_institutions.length ? h('p', {}, h('strong', {}, 'Trainer institutions: '), t.trainer_institutions.join('; ')) : null,
      t.agencies_reached.length ? h('p', {}, h('strong', {}, 'Agencies reached: '), t.agencies_reached.join('; ')) : null),
    uncertainSection(uncertain));
}

// --- programme summary --------------------------------------------------------

export async function summaryReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || `${now.slice(0, 4)}-01-01`,
    to: query.get('to') || now,
    project_id: query.get('project_id') || '',
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const projects = await getAll('/api/v1/projects');
  await reportPage(root, {
    title: 'Programme summary',
    intro: 'Every project, or one, in a period.',
    formFields: [
      field({ name: 'from', label: 'From', type: 'date', value: values.from }),
      field({ name: 'to', label: 'To', type: 'date', value: values.to }),
      field({
        name: 'project_id', label: 'Project', type: 'select', blank: 'All projects', value: values.project_id,
        options: projects.map((p) => [p.id, `${p.code} — ${p.title}`]),
      }),
      thresholdField(values),
    ],
    values,
    ready: true,
    path: '/api/v1/reports/summary',
    params: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    fileStem: `summary-${values.from}-${values.to}`,
    draw: drawSummary,
  });
}

function countTable(title, rows, key, nameOf) {
  return section(title, table([
    { label: title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), cell: (r) => nameOf(r[key]) },
    { label: 'Workshops held', cell: (r) => formatNumber(r.workshops), numeric: true },
    { label: 'People trained', cell: (r) => formatNumber(r.people_trained), numeric: true },
    { label: 'Participant-days', cell: (r) => formatNumber(r.participant_days), numeric: true },
  ], rows));
}

function drawSummary(r) {
  const t = r.totals;
  const months = r.by_month.filter((m) => m.month);
  return h('div', { class: 'report' },
    h('h2', {}, `${formatDate(r.period.from)} – ${formatDate(r.period.to)}`),
    totalsFigures(t),
    h('p', { class: 'muted' }, `Planned or confirmed workshops in the period, not counted: ${formatNumber(r.not_yet_held)}.`),
    definitions(r.completion_threshold),
    h('div', { class: 'charts' },
      months.length ? columnChart('Workshops held by month', months.map((m) => ({ label: formatMonthShort(m.month), value: m.workshops }))) : null,
      months.length ? columnChart('Participant-days by month', months.map((m) => ({ label: formatMonthShort(m.month), value: m.participant_days }))) : null,
      genderChart(t)),
    h('div', { class: 'two-col' },
      countTable('By project', r.by_project, 'project_code', (v) => v || 'No project'),
      countTable('By kind', r.by_kind, 'kind', (v) => label('workshop_kind', v) || 'Unknown'),
      countTable('By city', r.by_city, 'city', (v) => v || 'Unknown'),
      countTable('By month', r.by_month, 'month', (v) => (v ? formatMonthShort(v) : 'Unknown'))),
    uncertainSection(r.dates_uncertain));
}

// --- submissions ----------------------------------------------------------------

function paramsText(params) {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ');
}

async function showChanges(s, out) {
  mount(out, loading('Comparing with today’s figures…'));
  const { changes } = await api.get(`/api/v1/reports/submissions/${s.id}/changes`);
  const value = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  mount(out, section(`Changes since submission ${s.id}`, table([
    { label: 'Figure', cell: (c) => h('code', {}, c.path) },
    { label: 'As submitted', cell: (c) => value(c.submitted) },
    { label: 'Today', cell: (c) => value(c.current) },
  ], changes, { emptyText: 'No figure has changed since it was submitted.' })));
}

export async function submissionsView({ root }) {
  const { items } = await api.get('/api/v1/reports/submissions');
  const changes = h('div', { class: 'submission-changes' });
  mount(root,
    pageHeader('Submitted reports', { subtitle: 'Reports as sent to donors: each is kept exactly as sent and never changed.' }),
    section('Submissions', table([
      { label: 'Submitted', cell: (s) => formatInstant(s.submitted_at) },
      { label: 'Report', cell: (s) => (s.report === 'funder' ? 'Funder report' : 'Results report') },
      { label: 'Parameters', cell: (s) => paramsText(s.params) },
      { label: 'Note', cell: (s) => s.note || '' },
      { label: 'By', cell: (s) => s.submitted_by },
      { label: 'SHA-256', cell: (s) => h('code', { title: s.sha256 }, `${s.sha256.slice(0, 12)}…`) },
      {
        label: 'Open',
        cell: (s) => h('div', { class: 'row-actions' },
          h('a', { class: 'btn btn-secondary', href: url(`/api/v1/reports/submissions/${s.id}`), target: '_blank', rel: 'noopener' }, `Frozen JSON ${s.id}`),
          button(`Changes ${s.id}`, () => showChanges(s, changes))),
      },
    ], items, { emptyText: 'No report has been submitted yet.' })),
    changes);
}
