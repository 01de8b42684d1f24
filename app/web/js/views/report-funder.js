// The funder report: what one funder's money did in a period, aggregates
// only; a funder user sees its own organization's and nothing else.
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatAmount, formatDate, label, today } from '../format.js';
import { organizationPicker, orgById } from '../orgs.js';
import { currentUser, isFunder } from '../session.js';
import { section, table } from '../ui.js';
import { periodFields, reportPage, thresholdField } from './report-page.js';
import { definitions, genderChart, totalsFigures, uncertainSection, workshopTable } from './report-totals.js';

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
      periodFields(values),
      field({
        name: 'include_children', label: 'Projects funded by organizations below it', type: 'select', value: values.include_children,
        options: [['true', 'Included'], ['false', 'Left out']],
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
