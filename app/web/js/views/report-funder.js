// The funder report: what one funder's money did in a period, aggregates
// only; a funder user sees its own organization's and nothing else. It goes
// to donors, so its downloads come in both languages (the European
// Commission reads the English, the counterpart ministry the Chinese).
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatAmount, formatDate, label, today } from '../format.js';
import { t } from '../i18n.js';
import { organizationPicker, orgById } from '../orgs.js';
import { currentUser, isFunder } from '../session.js';
import { section, table } from '../ui.js';
import { periodFields, reportPage, thresholdField } from './report-page.js';
import {
  definitions, genderChart, namedList, organizationNamer, totalsFigures, uncertainSection, workshopTable,
} from './report-totals.js';

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
    title: t('web.report.funder.title'),
    intro: t('web.report.funder.intro'),
    formFields: [
      own ? null : organizationPicker({ label: t('report.column.funder'), value: funder, class: 'wide' }),
      periodFields(values),
      field({
        name: 'include_children', label: t('web.report.funder.children'), type: 'select', value: values.include_children,
        options: [['true', t('web.report.funder.included')], ['false', t('web.report.funder.left_out')]],
      }),
      thresholdField(values),
    ],
    ready: Boolean(values.organization_id),
    report: 'funder',
    params: values,
    fileStem: `funder-${values.organization_id}-${values.from}-${values.to}`,
    draw: drawFunder,
    submittable: true,
  });
}

async function drawFunder(r) {
  const totals = r.totals;
  const nameOf = await organizationNamer();
  return h('div', { class: 'report' },
    h('h2', {}, t('web.report.funder.heading', {
      name: nameOf(r.organization.name), period: t('report.period', { from: formatDate(r.period.from), to: formatDate(r.period.to) }),
    })),
    totalsFigures(totals),
    definitions(r.completion_threshold),
    h('div', { class: 'charts' }, genderChart(totals)),
    section(t('report.funder.projects'), table([
      { label: t('web.report.code'), cell: (p) => p.code },
      { label: t('common.title'), cell: (p) => p.title },
      { label: t('report.column.role'), cell: (p) => label('project_role', p.role) },
      { label: t('report.column.funder'), cell: (p) => nameOf(p.funder.name) },
      { label: t('report.column.amount'), cell: (p) => formatAmount(p.amount, p.currency), numeric: true },
    ], r.projects, { emptyText: t('web.report.funder.no_projects') })),
    section(t('report.section.in_period'), workshopTable(r.workshops, nameOf),
      namedList('trainer_institutions', totals.trainer_institutions, nameOf),
      namedList('agencies_reached', totals.agencies_reached, nameOf)),
    uncertainSection(r.dates_uncertain, nameOf));
}
