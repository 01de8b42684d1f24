// A project's results framework: the logframe (results and their indicators,
// counted from attendance or entered by hand), the results report for a period
// with downloads, and the evidence behind a counted actual (the forms:
// results-forms.js).
import { getProject } from '../client/projects.js';
import { getIndicatorEvidence, getResultsReport, listIndicators, listResults, resultsReportUrl } from '../client/results.js';
import { h, mount } from '../dom.js';
import { clearProblem, field, fields, form, showProblem } from '../form.js';
import { formatDate, formatDateRange, formatNumber, label, today } from '../format.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, empty, linkButton, loading, notifyProblem, pageHeader, section, table } from '../ui.js';
import { downloads } from './report-page.js';
import { indicatorDialog, removeIndicator, removeResult, resultDialog, valuesDialog } from './results-forms.js';
import { LEVEL_RANK, baselineText, byCode, indicatorName, levelName, measureName, number, resultName, sourceText } from './results-terms.js';

// Results in logframe order, each with its depth: a parent, then what sits under it.
export function logframeOrder(results) {
  const ids = new Set(results.map((r) => r.id));
  const children = new Map();
  for (const r of results) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(r);
  }
  const sorted = (list) => [...list].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || byCode(a, b));
  const out = [];
  const walk = (parent, depth) => {
    for (const r of sorted(children.get(parent) || [])) {
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

// --- the page -------------------------------------------------------------------

export async function projectResultsView({ params, query, root }) {
  const id = Number(params.id);
  const year = today().slice(0, 4);
  const period = { from: query.get('from') || `${year}-01-01`, to: query.get('to') || `${year}-12-31` };
  const [project, results] = await Promise.all([
    getProject(id),
    listResults(id),
  ]);
  const ordered = logframeOrder(results);
  const indicators = new Map(await Promise.all(ordered.map(async (r) => [r.id, await listIndicators(r.id)])));
  const reload = () => navigate(window.location.hash.slice(1).split('?')[0], Object.fromEntries(query));
  const ctx = { project, ordered, indicators, reload };

  const reportBox = h('div', {});
  mount(root,
    pageHeader(`Results — ${project.code}`, {
      subtitle: project.title,
      actions: [
        linkButton('Back to the project', `#/projects/${id}`),
        canWrite() ? button('Add result', () => resultDialog(ctx, {}), { kind: 'primary' }) : null,
      ].filter(Boolean),
    }),
    section('Logframe', logframe(ctx)),
    section('Results report', reportForm(id, period), reportBox));
  await drawReport(reportBox, id, period);
}

function logframe(ctx) {
  if (!ctx.ordered.length) {
    return empty(canWrite() ? 'No result yet. Add the project’s impact, outcomes and outputs with “Add result”.' : 'No result recorded yet.');
  }
  return h('ol', { class: 'logframe' }, ctx.ordered.map((r) => h('li', { class: ['logframe-result', `depth-${Math.min(r.depth, 4)}`] },
    h('div', { class: 'logframe-head' },
      h('h3', {}, h('span', { class: ['badge', 'badge-level', `badge-${r.level}`] }, levelName(r.level)), ' ', [r.code, r.title].filter(Boolean).join(' ')),
      canWrite() ? h('div', { class: 'row-actions' },
        button('Add indicator', () => indicatorDialog(ctx, r, {}), { 'aria-label': `Add indicator to ${resultName(r)}` }),
        button('Edit', () => resultDialog(ctx, r), { 'aria-label': `Edit ${resultName(r)}` }),
        button('Delete', (e) => removeResult(ctx, r, e.currentTarget), { kind: 'link', 'aria-label': `Delete ${resultName(r)}` })) : null),
    indicatorTable(ctx, r))));
}

function indicatorTable(ctx, r) {
  const list = [...(ctx.indicators.get(r.id) || [])].sort(byCode);
  if (!list.length) return h('p', { class: 'muted' }, 'No indicator yet.');
  const columns = [
    { label: 'Indicator', cell: (i) => [indicatorName(i), h('span', { class: 'cell-note' }, sourceText(i))], class: 'cell-wide' },
    { label: 'Baseline', cell: (i) => baselineText(i), class: 'nowrap' },
    { label: 'Targets', cell: (i) => (i.targets.length ? i.targets.map((t) => h('span', { class: 'cell-note' }, `${number(t.value, i.measure)} by ${formatDate(t.period_end)} (from ${formatDate(t.period_start)})`)) : '—') },
    { label: 'Broken down by', cell: (i) => i.disaggregations.map((d) => label('', d)).join(', ') || '—' },
  ];
  if (canWrite()) {
    columns.push({
      label: 'Actions',
      cell: (i) => h('div', { class: 'row-actions' },
        i.source === 'manual' ? button('Enter values', () => valuesDialog(ctx, i), { 'aria-label': `Enter values of ${indicatorName(i)}` }) : null,
        button('Edit', () => indicatorDialog(ctx, r, i), { 'aria-label': `Edit ${indicatorName(i)}` }),
        button('Delete', (e) => removeIndicator(ctx, i, e.currentTarget), { kind: 'link', 'aria-label': `Delete ${indicatorName(i)}` })),
    });
  }
  return table(columns, list);
}

// --- the report ---------------------------------------------------------------------

function reportForm(id, period) {
  return form({
    submitLabel: 'Show report',
    failLabel: 'No report.',
    class: 'report-form',
    onSubmit: async (v) => navigate(`/projects/${id}/results`, v),
  }, fields(
    field({ name: 'from', label: 'From', type: 'date', value: period.from }),
    field({ name: 'to', label: 'To', type: 'date', value: period.to })));
}

async function drawReport(box, id, period) {
  const paramsForm = box.parentElement.querySelector('form.report-form');
  mount(box, loading('Preparing the report…'));
  let report;
  try {
    report = await getResultsReport(id, period);
  } catch (problem) {
    mount(box);
    showProblem(paramsForm, problem);
    return;
  }
  clearProblem(paramsForm);
  const evidence = h('div', {});
  const indicatorCount = report.results.reduce((n, r) => n + r.indicators.length, 0);
  mount(box,
    downloads((format) => resultsReportUrl(id, { ...period, format }), `results-${report.project.code}-${period.from}-${period.to}`),
    h('h3', {}, `${report.project.code}, ${formatDate(report.period.from)} – ${formatDate(report.period.to)}`),
    indicatorCount ? reportTable(report, (i, btn) => showEvidence(evidence, i, report.period, btn)) : empty('No indicator yet: the report lists a result’s indicators.'),
    h('p', { class: 'muted' }, 'Target: of the targets whose period lies within the report’s, the one ending last. Counted actuals: held workshops with exact dates in the period. Entered actuals: the value for the period, else the latest within it.'),
    evidence);
}

function breakdownText(indicator) {
  const parts = Object.entries(indicator.disaggregated || {}).filter(([, list]) => list.length);
  return parts.map(([by, list]) => h('span', { class: 'cell-note' },
    `${label('', by)}: ${list.map((x) => `${x.key ?? 'unknown'} ${number(x.value, indicator.measure)}`).join(' · ')}`));
}

function reportTable(report, onEvidence) {
  const evidenceColumn = canWrite();
  const span = evidenceColumn ? 6 : 5;
  // A row group per result: its heading row, then its indicators.
  const groups = report.results.map((r) => h('tbody', { class: `depth-${Math.min(r.depth, 4)}` },
    h('tr', { class: ['result-row', `depth-${Math.min(r.depth, 4)}`] },
      h('th', { scope: 'rowgroup', colspan: span }, h('span', { class: ['badge', 'badge-level', `badge-${r.level}`] }, levelName(r.level)), ' ', [r.code, r.title].filter(Boolean).join(' '))),
    r.indicators.map((i) => h('tr', { class: ['indicator-row', `depth-${Math.min(r.depth, 4)}`], dataset: { indicator: String(i.id) } },
      h('th', { scope: 'row' }, indicatorName(i), h('span', { class: 'cell-note' }, sourceText(i))),
      h('td', { class: 'num nowrap' }, baselineText(i)),
      h('td', { class: 'num' }, number(i.target, i.measure)),
      h('td', { class: 'num actual' }, number(i.actual, i.measure), i.comment ? h('span', { class: 'cell-note' }, i.comment) : null),
      h('td', {}, breakdownText(i)),
      evidenceColumn ? h('td', {}, i.source === 'attendance'
        ? button('Show evidence', (e) => onEvidence(i, e.currentTarget), { kind: 'link', 'aria-label': `Show evidence for ${indicatorName(i)}` })
        : '') : null))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'results-report' },
    h('thead', {}, h('tr', {},
      ['Result / indicator', 'Baseline (year)', 'Target', 'Actual', 'Broken down', evidenceColumn ? 'Evidence' : null].filter(Boolean)
        .map((t, k) => h('th', { scope: 'col', class: k >= 1 && k <= 3 ? 'num' : null }, t)))),
    groups));
}

async function showEvidence(box, i, period, btn) {
  await busy(btn, async () => {
    let e;
    try {
      e = await getIndicatorEvidence(i.id, period);
    } catch (problem) {
      notifyProblem(problem, 'No evidence');
      return;
    }
    const panel = section(`Evidence for ${indicatorName(i)}`,
      h('p', { class: 'muted' }, `${measureName(i.measure)}: ${number(i.actual, i.measure)}, from ${formatDate(e.period.from)} to ${formatDate(e.period.to)}.`),
      h('h3', {}, `Workshops (${e.workshops.length})`),
      table([
        { label: 'Workshop', cell: (w) => h('a', { href: `#/workshops/${w.workshop_id}` }, w.title), class: 'cell-wide' },
        { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
        { label: 'City', cell: (w) => w.city || '' },
        { label: 'Kind', cell: (w) => label('workshop_kind', w.kind) },
        { label: 'People trained', cell: (w) => formatNumber(w.people_trained), numeric: true },
        { label: 'Participant-days', cell: (w) => formatNumber(w.participant_days), numeric: true },
        { label: 'Completed', cell: (w) => formatNumber(w.completed), numeric: true },
      ], e.workshops, { emptyText: 'No workshop counted.' }),
      h('h3', {}, `People (${e.people.length})`),
      table([
        { label: 'Name', cell: (p) => h('a', { href: `#/people/${p.person_id}` }, p.full_name) },
        { label: 'Gender', cell: (p) => label('gender', p.gender) || 'Unknown' },
        { label: 'Organization', cell: (p) => p.organization || '' },
        { label: 'Province', cell: (p) => p.province || '' },
        { label: 'Workshops', cell: (p) => formatNumber(p.workshops), numeric: true },
        { label: 'Participant-days', cell: (p) => formatNumber(p.participant_days), numeric: true },
        { label: 'Completed', cell: (p) => formatNumber(p.completed), numeric: true },
      ], e.people, { emptyText: 'No person counted.' }));
    panel.classList.add('evidence');
    mount(box, panel);
    const heading = panel.querySelector('h2');
    heading.tabIndex = -1;
    heading.focus();
  });
}
