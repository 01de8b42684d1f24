// The programme summary: every project, or one, in a period, by month,
// project, kind and city.
import { columnChart } from '../chart.js';
import { listAllProjects } from '../client/projects.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatDate, formatMonthShort, formatNumber, label, projectOptions, today } from '../format.js';
import { periodFields, reportPage, thresholdField } from './report-page.js';
import { countsSection, definitions, genderChart, totalsFigures, uncertainSection } from './report-totals.js';

export async function summaryReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || `${now.slice(0, 4)}-01-01`,
    to: query.get('to') || now,
    project_id: query.get('project_id') || '',
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const projects = await listAllProjects();
  await reportPage(root, {
    title: 'Programme summary',
    intro: 'Every project, or one, in a period.',
    formFields: [
      periodFields(values),
      field({ name: 'project_id', label: 'Project', type: 'select', blank: 'All projects', value: values.project_id, options: projectOptions(projects) }),
      thresholdField(values),
    ],
    ready: true,
    report: 'summary',
    params: values,
    fileStem: `summary-${values.from}-${values.to}`,
    draw: drawSummary,
  });
}

const COUNTS = [['Workshops held', 'workshops'], ['People trained', 'people_trained'], ['Participant-days', 'participant_days']];

function countTable(title, rows, key, nameOf) {
  return countsSection(title, rows, (r) => nameOf(r[key]), COUNTS);
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
