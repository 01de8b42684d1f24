// Reports: attendance (one workshop), funder (one funder, a period) and the
// programme summary. Figures come from the server as they are; charts show
// what is easier seen than read; downloads in every format the API offers.
import { api, url } from '../api.js';
import { barChart, columnChart } from '../chart.js';
import { h, mount } from '../dom.js';
import { field, fields, form, showProblem } from '../form.js';
import { addDays, formatAmount, formatDate, formatDateRange, formatMonthShort, formatNumber, formatPercent, label, today } from '../format.js';
import { organizationPicker, orgById } from '../orgs.js';
import { reportFormats } from '../server-features.js';
import { navigate } from '../router.js';
import { currentUser, isFunder } from '../session.js';
import { empty, loading, pageHeader, section, table } from '../ui.js';
import { statusBadge } from './home.js';

const FORMAT_LABELS = {
  json: 'Download JSON', csv: 'Download CSV', html: 'Open printable page (HTML)', xlsx: 'Download Excel workbook',
};

async function downloads(path, params, fileStem) {
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
async function reportPage(root, { title, intro, formFields, values, ready, path, params, draw, fileStem }) {
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
    mount(out, await downloads(path, params, fileStem), await draw(report, values));
  } catch (problem) {
    mount(out);
    showProblem(paramsForm, problem);
  }
}

export async function reportsView({ root }) {
  const card = (title, text, target) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: target }, title)), h('p', {}, text));
  mount(root, pageHeader('Reports'),
    h('ul', { class: 'cards' },
      isFunder() ? null : card('Attendance', 'One workshop: marks per session, attendance rate, participant-days, by organization, gender and province.', '#/reports/attendance'),
      card('Funder', 'What one funder’s money did in a period: projects, workshops held, people trained, participant-days.', '#/reports/funder'),
      isFunder() ? null : card('Programme summary', 'All projects in a period: workshops by month, kind, city and status.', '#/reports/summary')));
}

// --- attendance --------------------------------------------------------------

export async function attendanceReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || addDays(now, -365),
    to: query.get('to') || addDays(now, 60),
    workshop_id: query.get('workshop_id'),
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
    ],
    values,
    ready: Boolean(values.workshop_id),
    path: '/api/v1/reports/attendance',
    params: { workshop_id: values.workshop_id },
    fileStem: `attendance-${values.workshop_id}`,
    draw: drawAttendance,
  });
}

function breakdown(title, rows, nameOf) {
  return section(title, table([
    { label: title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), cell: nameOf },
    { label: 'Registered', cell: (r) => formatNumber(r.registered), numeric: true },
    { label: 'Attended', cell: (r) => formatNumber(r.attended), numeric: true },
    { label: 'Attendance rate', cell: (r) => formatPercent(r.attendance_rate), numeric: true },
    { label: 'Participant-days', cell: (r) => formatNumber(r.participant_days), numeric: true },
  ], rows));
}

function drawAttendance(r) {
  const w = r.workshop;
  return h('div', { class: 'report' },
    h('h2', {}, h('a', { href: `#/workshops/${w.id}` }, w.title)),
    h('p', { class: 'muted' }, [formatDateRange(w.start_date, w.end_date, w.dates_estimated), w.city].filter(Boolean).join(' · '), ' ', statusBadge(w.status)),
    figures([
      ['Registered', formatNumber(r.registered)], ['Attended', formatNumber(r.attended)],
      ['Attendance rate', formatPercent(r.attendance_rate)], ['Participant-days', formatNumber(r.participant_days)],
    ]),
    h('div', { class: 'charts' },
      r.sessions.length ? columnChart('Present or late, per session', r.sessions.map((s) => ({ label: formatDate(s.date).replace(/ \d{4}$/, ''), value: s.present + s.late }))) : null,
      r.by_gender.length ? barChart('Attended, by gender', r.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.attended }))) : null),
    section('Sessions', table([
      { label: 'Date', cell: (s) => formatDate(s.date), class: 'nowrap' },
      { label: 'Title', cell: (s) => s.title || '', rowHeader: false },
      { label: 'Present', cell: (s) => formatNumber(s.present), numeric: true },
      { label: 'Late', cell: (s) => formatNumber(s.late), numeric: true },
      { label: 'Excused', cell: (s) => formatNumber(s.excused), numeric: true },
      { label: 'Absent', cell: (s) => formatNumber(s.absent), numeric: true },
      { label: 'No mark', cell: (s) => formatNumber(s.unmarked), numeric: true },
    ], r.sessions)),
    breakdown('By organization', r.by_organization, (o) => o.name || 'No organization'),
    breakdown('By gender', r.by_gender, (g) => label('gender', g.gender) || 'Unknown'),
    breakdown('By province', r.by_province, (p) => p.province || 'Unknown'));
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
  };
  const funder = own ? null : await orgById(Number(values.organization_id)).catch(() => null);
  await reportPage(root, {
    title: 'Funder report',
    intro: 'What one funder’s money did in a period: aggregates only, no names.',
    formFields: [
      own ? null : organizationPicker({ label: 'Funder', value: funder, class: 'wide' }),
      field({ name: 'from', label: 'From', type: 'date', value: values.from }),
      field({ name: 'to', label: 'To', type: 'date', value: values.to }),
    ],
    values,
    ready: Boolean(values.organization_id),
    path: '/api/v1/reports/funder',
    params: values,
    fileStem: `funder-${values.organization_id}-${values.from}-${values.to}`,
    draw: drawFunder,
  });
}

function workshopTable(list) {
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
    { label: 'Named attendees', cell: (w) => formatNumber(w.named_attendees), numeric: true },
    { label: 'Reported headcount', cell: (w) => formatNumber(w.reported_participants), numeric: true },
    { label: 'Participant-days', cell: (w) => formatNumber(w.participant_days), numeric: true },
  ], list, { emptyText: 'None.' });
}

function funderTotals(t) {
  return figures([
    ['Workshops held', formatNumber(t.workshops)],
    ['Participants', formatNumber(t.participants.total)],
    ['Named attendees', formatNumber(t.participants.named_attendees)],
    ['Reported headcount', formatNumber(t.participants.reported_headcount)],
    ['Participant-days', formatNumber(t.participant_days)],
  ]);
}

function drawFunder(r) {
  const t = r.totals;
  const uncertain = r.dates_uncertain;
  return h('div', { class: 'report' },
    h('h2', {}, `${r.organization.name}, ${formatDate(r.period.from)} – ${formatDate(r.period.to)}`),
    funderTotals(t),
    h('div', { class: 'charts' },
      t.by_gender.length ? barChart('People trained, by gender', t.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.count }))) : null),
    section('Projects funded', table([
      { label: 'Code', cell: (p) => p.code },
      { label: 'Title', cell: (p) => p.title },
      { label: 'Role', cell: (p) => label('project_role', p.role) },
      // Funding held by a sub-organization names it (once the server says which).
      r.projects.some((p) => p.organization_name) ? { label: 'Held by', cell: (p) => p.organization_name || '' } : null,
      { label: 'Amount', cell: (p) => formatAmount(p.amount, p.currency), numeric: true },
    ].filter(Boolean), r.projects, { emptyText: 'This organization funds no project.' })),
    section('Workshops held in the period', workshopTable(r.workshops),
      t.trainer_institutions.length ? h('p', {}, h('strong', {}, 'Trainer institutions: '), t.trainer_institutions.join('; ')) : null,
      t.agencies_reached.length ? h('p', {}, h('strong', {}, 'Agencies reached: '), t.agencies_reached.join('; ')) : null),
    section('Workshops with unknown or estimated dates',
      h('p', { class: 'muted' }, 'Counted apart: their dates cannot place them in the period with certainty.'),
      uncertain.workshops.length ? [funderTotals(uncertain.totals), workshopTable(uncertain.workshops)] : empty('None.')));
}

// --- programme summary --------------------------------------------------------

export async function summaryReportView({ query, root }) {
  const now = today();
  const values = { from: query.get('from') || `${now.slice(0, 4)}-01-01`, to: query.get('to') || now };
  await reportPage(root, {
    title: 'Programme summary',
    intro: 'Every project in a period.',
    formFields: [
      field({ name: 'from', label: 'From', type: 'date', value: values.from }),
      field({ name: 'to', label: 'To', type: 'date', value: values.to }),
    ],
    values,
    ready: true,
    path: '/api/v1/reports/summary',
    params: values,
    fileStem: `summary-${values.from}-${values.to}`,
    draw: drawSummary,
  });
}

function countTable(title, rows, key, nameOf) {
  return section(title, table([
    { label: title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), cell: (r) => nameOf(r[key]) },
    { label: 'Workshops', cell: (r) => formatNumber(r.workshops), numeric: true },
  ], rows));
}

function drawSummary(r) {
  const months = r.by_month.filter((m) => m.month);
  return h('div', { class: 'report' },
    h('h2', {}, `${formatDate(r.period.from)} – ${formatDate(r.period.to)}`),
    figures([
      ['Workshops', formatNumber(r.workshops)],
      ['Participants', formatNumber(r.participants.total)],
      ['Named attendees', formatNumber(r.participants.named_attendees)],
      ['Reported headcount', formatNumber(r.participants.reported_headcount)],
      ['Participant-days', formatNumber(r.participant_days)],
      ['Held, dates unknown', formatNumber(r.undated_held_workshops)],
    ]),
    h('div', { class: 'charts' },
      months.length ? columnChart('Workshops by month', months.map((m) => ({ label: formatMonthShort(m.month), value: m.workshops }))) : null,
      // participant_days per month and by_gender: shown once the server reports them
      months.length && months[0].participant_days !== undefined
        ? columnChart('Participant-days by month', months.map((m) => ({ label: formatMonthShort(m.month), value: m.participant_days }))) : null,
      r.by_gender?.length ? barChart('People trained, by gender', r.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.count }))) : null),
    h('div', { class: 'two-col' },
      countTable('By project', r.by_project, 'project_code', (v) => v || 'No project'),
      countTable('By kind', r.by_kind, 'kind', (v) => label('workshop_kind', v) || 'Unknown'),
      countTable('By city', r.by_city, 'city', (v) => v || 'Unknown'),
      countTable('By status', r.by_status, 'status', (v) => label('workshop_status', v) || 'Unknown')));
}
