// The programme summary: every project, or one, in a period, by month,
// project, kind and city.
import { columnChart } from '../chart.js';
import { listAllProjects } from '../client/projects.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatDate, formatMonthShort, label, projectOptions, today } from '../format.js';
import { t } from '../i18n.js';
import { periodFields, reportPage, thresholdField } from './report-page.js';
import {
  countsSection, definitions, figureLabel, genderChart, organizationNamer, totalsFigures, uncertainSection,
} from './report-totals.js';

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
    title: t('report.summary.title'),
    intro: t('web.report.summary.intro'),
    formFields: [
      periodFields(values),
      field({
        name: 'project_id', label: t('report.column.project'), type: 'select', blank: t('web.report.summary.all_projects'),
        value: values.project_id, options: projectOptions(projects),
      }),
      thresholdField(values),
    ],
    ready: true,
    report: 'summary',
    params: values,
    fileStem: `summary-${values.from}-${values.to}`,
    draw: drawSummary,
  });
}

function countTable(title, column, rows, key, nameOf) {
  return countsSection(title, column, rows, (r) => nameOf(r[key]), [
    [figureLabel('workshops_held'), 'workshops'], [figureLabel('people_trained'), 'people_trained'],
    [figureLabel('participant_days'), 'participant_days'],
  ]);
}

async function drawSummary(r) {
  const totals = r.totals;
  const months = r.by_month.filter((m) => m.month);
  const nameOf = await organizationNamer();
  return h('div', { class: 'report' },
    h('h2', {}, t('report.period', { from: formatDate(r.period.from), to: formatDate(r.period.to) })),
    totalsFigures(totals),
    h('p', { class: 'muted' }, t('web.report.summary.not_counted', { n: r.not_yet_held })),
    definitions(r.completion_threshold),
    h('div', { class: 'charts' },
      months.length
        ? columnChart(t('web.report.summary.chart_workshops'), months.map((m) => ({ label: formatMonthShort(m.month), value: m.workshops })))
        : null,
      months.length
        ? columnChart(t('web.report.summary.chart_days'), months.map((m) => ({ label: formatMonthShort(m.month), value: m.participant_days })))
        : null,
      genderChart(totals)),
    months.length ? h('p', { class: 'muted' }, t('report.summary.by_month_note')) : null,
    h('div', { class: 'two-col' },
      countTable(t('report.summary.by_project'), t('report.column.project'), r.by_project, 'project_code',
        (v) => v || t('web.report.summary.no_project')),
      countTable(t('report.summary.by_kind'), t('common.kind'), r.by_kind, 'kind', (v) => label('workshop_kind', v) || t('common.unknown')),
      countTable(t('report.summary.by_city'), t('common.city'), r.by_city, 'city', (v) => v || t('common.unknown')),
      countTable(t('report.summary.by_month'), t('report.column.month'), r.by_month, 'month',
        (v) => (v ? formatMonthShort(v) : t('common.unknown')))),
    uncertainSection(r.dates_uncertain, nameOf));
}
