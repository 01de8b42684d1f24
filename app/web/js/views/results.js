// A project's results framework: the logframe (results and their indicators,
// counted from attendance or entered by hand), the results report for a period
// with downloads, and the evidence behind a counted actual (the forms:
// results-forms.js).
import { organizations } from '../client/organizations.js';
import { getProject } from '../client/projects.js';
import { getIndicatorEvidence, getResultsReport, listIndicators, listResults, resultsReportUrl } from '../client/results.js';
import { h, mount } from '../dom.js';
import { clearProblem, field, fields, form, showProblem } from '../form.js';
import { formatDate, formatDateRange, formatNumber, formatPercent, label, listText, today } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, empty, linkButton, loading, notifyProblem, pageHeader, section, table } from '../ui.js';
import { downloads } from './report-page.js';
import { indicatorDialog, removeIndicator, removeResult, resultDialog, valuesDialog } from './results-forms.js';
import { inLang, orgShown, personName } from './names.js';
import { projectTitle } from './projects.js';
import {
  LEVEL_RANK, baselineText, byCode, disaggregationName, indicatorName, levelName, measureName, number, resultName, sourceText,
} from './results-terms.js';

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
    pageHeader(t('web.results.title', { code: project.code }), {
      subtitle: projectTitle(project),
      actions: [
        linkButton(t('web.project.back_to_project'), `#/projects/${id}`),
        canWrite() ? button(t('web.results.add_result'), () => resultDialog(ctx, {}), { kind: 'primary' }) : null,
      ].filter(Boolean),
    }),
    section(t('web.results.logframe'), logframe(ctx)),
    section(t('web.results.report'), reportForm(id, period), reportBox));
  await drawReport(reportBox, id, period);
}

function logframe(ctx) {
  if (!ctx.ordered.length) {
    return empty(canWrite() ? t('web.results.none_yet_add') : t('web.results.none_yet'));
  }
  return h('ol', { class: 'logframe' }, ctx.ordered.map((r) => h('li', { class: ['logframe-result', `depth-${Math.min(r.depth, 4)}`] },
    h('div', { class: 'logframe-head' },
      h('h3', {}, h('span', { class: ['badge', 'badge-level', `badge-${r.level}`] }, levelName(r.level)), ' ', inLang([r.code, r.title].filter(Boolean).join(' '))),
      canWrite() ? h('div', { class: 'row-actions' },
        button(t('web.results.add_indicator'), () => indicatorDialog(ctx, r, {}), { 'aria-label': t('web.results.add_indicator_label', { name: resultName(r) }) }),
        button(t('common.edit'), () => resultDialog(ctx, r), { 'aria-label': t('web.results.edit_named', { name: resultName(r) }) }),
        button(t('common.delete'), (e) => removeResult(ctx, r, e.currentTarget), { kind: 'link', 'aria-label': t('web.results.delete_named', { name: resultName(r) }) })) : null),
    indicatorTable(ctx, r))));
}

function indicatorTable(ctx, r) {
  const list = [...(ctx.indicators.get(r.id) || [])].sort(byCode);
  if (!list.length) return h('p', { class: 'muted' }, t('web.results.no_indicator'));
  const columns = [
    { label: t('web.results.indicator'), cell: (i) => [inLang(indicatorName(i)), h('span', { class: 'cell-note' }, sourceText(i))], class: 'cell-wide' },
    { label: t('web.results.baseline'), cell: (i) => baselineText(i), class: 'nowrap' },
    { label: t('web.results.targets'), cell: (i) => (i.targets.length ? i.targets.map((x) => h('span', { class: 'cell-note' }, t('web.results.target_by', { value: number(x.value, i.measure), end: formatDate(x.period_end), start: formatDate(x.period_start) }))) : '—') },
    { label: t('web.results.broken_down_by'), cell: (i) => listText(i.disaggregations.map(disaggregationName)) || '—' },
  ];
  if (canWrite()) {
    columns.push({
      label: t('common.actions'),
      cell: (i) => h('div', { class: 'row-actions' },
        i.source === 'manual' ? button(t('web.results.enter_values'), () => valuesDialog(ctx, i), { 'aria-label': t('web.results.enter_values_of', { name: indicatorName(i) }) }) : null,
        button(t('common.edit'), () => indicatorDialog(ctx, r, i), { 'aria-label': t('web.results.edit_named', { name: indicatorName(i) }) }),
        button(t('common.delete'), (e) => removeIndicator(ctx, i, e.currentTarget), { kind: 'link', 'aria-label': t('web.results.delete_named', { name: indicatorName(i) }) })),
    });
  }
  return table(columns, list);
}

// --- the report ---------------------------------------------------------------------

function reportForm(id, period) {
  return form({
    submitLabel: t('web.results.show_report'),
    failLabel: t('web.results.no_report'),
    class: 'report-form',
    onSubmit: async (v) => navigate(`/projects/${id}/results`, v),
  }, fields(
    field({ name: 'from', label: t('common.from'), type: 'date', value: period.from }),
    field({ name: 'to', label: t('common.to'), type: 'date', value: period.to })));
}

async function drawReport(box, id, period) {
  const paramsForm = box.parentElement.querySelector('form.report-form');
  mount(box, loading(t('web.results.preparing')));
  let report;
  try {
    report = await getResultsReport(id, period);
  } catch (problem) {
    mount(box);
    showProblem(paramsForm, problem);
    return;
  }
  clearProblem(paramsForm);
  const orgsByName = await organizationsByName();
  const evidence = h('div', {});
  const indicatorCount = report.results.reduce((n, r) => n + r.indicators.length, 0);
  mount(box,
    downloads((format) => resultsReportUrl(id, { ...period, format }), `results-${report.project.code}-${period.from}-${period.to}`),
    h('h3', {}, t('web.results.report_heading', { code: report.project.code, period: formatDateRange(report.period.from, report.period.to) })),
    indicatorCount ? reportTable(report, orgsByName, (i, btn) => showEvidence(evidence, i, report.period, btn)) : empty(t('web.results.report_no_indicator')),
    h('p', { class: 'muted' }, t('web.results.report_note')),
    evidence);
}

// "Sex: Female 1 · Male 1": a group's key is a gender, an organization's name
// or a province as recorded (null: not recorded).
function breakdownText(indicator, orgsByName) {
  const keyText = (by, key) => {
    if (key === null || key === undefined || key === '') return t('common.unknown');
    if (by === 'sex') return label('gender', key);
    if (by === 'organization') return orgShown(orgsByName.get(key)) || key;
    return key;
  };
  const parts = Object.entries(indicator.disaggregated || {}).filter(([, list]) => list.length);
  return parts.map(([by, list]) => h('span', { class: 'cell-note' },
    t('web.results.breakdown', {
      by: disaggregationName(by),
      groups: list.map((x) => t('web.results.breakdown_group', { key: keyText(by, x.key), value: number(x.value, indicator.measure) })).join(' · '),
    })));
}

// "39 of 100 (39%)" under the actual, with a bar: how far the period's
// target is reached (none without a target).
function progress(i) {
  if (i.actual === null || i.actual === undefined || !i.target) return null;
  const share = i.actual / i.target;
  const text = t('report.results.progress', {
    actual: number(i.actual, i.measure), target: number(i.target, i.measure), share: formatPercent(share),
  });
  return h('span', { class: ['cell-note', 'progress'] },
    h('meter', { min: 0, max: 1, value: Math.min(share, 1), 'aria-hidden': 'true' }), ' ', text);
}

function reportTable(report, orgsByName, onEvidence) {
  const evidenceColumn = canWrite();
  const span = evidenceColumn ? 6 : 5;
  // A row group per result: its heading row, then its indicators.
  const groups = report.results.map((r) => h('tbody', { class: `depth-${Math.min(r.depth, 4)}` },
    h('tr', { class: ['result-row', `depth-${Math.min(r.depth, 4)}`] },
      h('th', { scope: 'rowgroup', colspan: span }, h('span', { class: ['badge', 'badge-level', `badge-${r.level}`] }, levelName(r.level)), ' ', inLang([r.code, r.title].filter(Boolean).join(' ')))),
    r.indicators.map((i) => h('tr', { class: ['indicator-row', `depth-${Math.min(r.depth, 4)}`], dataset: { indicator: String(i.id) } },
      h('th', { scope: 'row' }, inLang(indicatorName(i)), h('span', { class: 'cell-note' }, sourceText(i))),
      h('td', { class: ['num', 'nowrap'] }, baselineText(i)),
      h('td', { class: 'num' }, number(i.target, i.measure)),
      h('td', { class: ['num', 'actual'] }, number(i.actual, i.measure), progress(i), i.comment ? h('span', { class: 'cell-note' }, inLang(i.comment)) : null),
      h('td', { class: 'cell-wide' }, breakdownText(i, orgsByName)),
      evidenceColumn ? h('td', {}, i.source === 'attendance'
        ? button(t('web.results.show_evidence'), (e) => onEvidence(i, e.currentTarget), { kind: 'link', 'aria-label': t('web.results.show_evidence_for', { name: indicatorName(i) }) })
        : '') : null))));
  const headings = [
    t('web.results.result_indicator'), t('web.results.baseline_year_heading'), t('web.results.target'), t('web.results.actual'),
    t('web.results.broken_down'), evidenceColumn ? t('web.results.evidence') : null,
  ].filter(Boolean);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'results-report' },
    h('thead', {}, h('tr', {}, headings.map((text, k) => h('th', { scope: 'col', class: k >= 1 && k <= 3 ? ['num', 'nowrap'] : null }, text)))),
    groups));
}

// Reports name organizations by their (English) name: the records, to show them in this language.
async function organizationsByName() {
  return new Map([...(await organizations()).values()].map((o) => [o.name, o]));
}

async function showEvidence(box, i, period, btn) {
  await busy(btn, async () => {
    let e;
    let orgsByName;
    try {
      [e, orgsByName] = await Promise.all([getIndicatorEvidence(i.id, period), organizationsByName()]);
    } catch (problem) {
      notifyProblem(problem, t('web.results.no_evidence'));
      return;
    }
    const panel = section(t('web.results.evidence_for', { name: indicatorName(i) }),
      h('p', { class: 'muted' }, t('web.results.evidence_summary', {
        measure: measureName(i.measure), value: number(i.actual, i.measure), from: formatDate(e.period.from), to: formatDate(e.period.to),
      })),
      h('h3', {}, t('web.results.evidence_workshops', { n: e.workshops.length })),
      table([
        { label: t('web.results.workshop'), cell: (w) => h('a', { href: `#/workshops/${w.workshop_id}` }, inLang(w.title)), class: 'cell-wide' },
        { label: t('common.dates'), cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
        { label: t('common.city'), cell: (w) => inLang(w.city), class: 'nowrap' },
        { label: t('common.kind'), cell: (w) => label('workshop_kind', w.kind), class: 'nowrap' },
        { label: t('web.results.measure.people_trained'), cell: (w) => formatNumber(w.people_trained), numeric: true },
        { label: t('web.results.measure.participant_days'), cell: (w) => formatNumber(w.participant_days), numeric: true },
        { label: t('web.results.completed'), cell: (w) => formatNumber(w.completed), numeric: true },
      ], e.workshops, { emptyText: t('web.results.no_workshop_counted') }),
      h('h3', {}, t('web.results.evidence_people', { n: e.people.length })),
      table([
        { label: t('web.people.name'), cell: (p) => h('a', { href: `#/people/${p.person_id}` }, inLang(personName(p))), class: 'nowrap' },
        { label: t('web.person.field.gender'), cell: (p) => label('gender', p.gender) || t('common.unknown'), class: 'nowrap' },
        { label: t('web.person.field.organization'), cell: (p) => inLang(orgShown(orgsByName.get(p.organization)) || p.organization || '') },
        { label: t('web.person.field.province'), cell: (p) => inLang(p.province || '') },
        { label: t('web.results.workshops'), cell: (p) => formatNumber(p.workshops), numeric: true },
        { label: t('web.results.measure.participant_days'), cell: (p) => formatNumber(p.participant_days), numeric: true },
        { label: t('web.results.completed'), cell: (p) => formatNumber(p.completed), numeric: true },
      ], e.people, { emptyText: t('web.results.no_person_counted') }));
    panel.classList.add('evidence');
    mount(box, panel);
    const heading = panel.querySelector('h2');
    heading.tabIndex = -1;
    heading.focus();
  });
}
