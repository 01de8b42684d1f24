// A project's results framework: the logframe (results and their indicators,
// counted from attendance or entered by hand), the results report for a period
// with downloads, and the evidence behind a counted actual. The server holds
// every rule; refusals are explained on the form that was sent.
import { api, getAll } from '../api.js';
import { h, mount, uid } from '../dom.js';
import { clearProblem, field, fields, form, showProblem } from '../form.js';
import { formatDate, formatDateRange, formatNumber, label, today } from '../format.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, confirmAction, empty, linkButton, loading, notify, notifyProblem, openDialog, pageHeader, section, table } from '../ui.js';
import { downloads } from './reports.js';

const LEVELS = [['impact', 'Impact'], ['outcome', 'Outcome'], ['output', 'Output']];
const LEVEL_RANK = { impact: 0, outcome: 1, output: 2 };
const SOURCES = [['attendance', 'Counted from attendance'], ['manual', 'Entered by hand']];
const MEASURES = [
  ['people_trained', 'People trained'], ['participations', 'Participations'], ['participant_days', 'Participant-days'],
  ['people_completed', 'People who completed'], ['workshops_held', 'Workshops held'], ['female_share', 'Share of women (%)'],
  ['agencies_reached', 'Agencies reached'],
];
const DISAGGREGATIONS = [['sex', 'Sex'], ['organization', 'Organization'], ['province', 'Province']];
const KINDS = Object.entries({
  training: 'Training', workshop: 'Workshop', seminar: 'Seminar', study_tour: 'Study tour', conference: 'Conference', meeting: 'Meeting',
});

const levelName = (level) => LEVELS.find(([v]) => v === level)?.[1] || label('', level);
const measureName = (m) => MEASURES.find(([v]) => v === m)?.[1] || label('', m);
const resultName = (r) => [levelName(r.level), r.code, '—', r.title].filter(Boolean).join(' ');
const indicatorName = (i) => [i.code, i.title].filter(Boolean).join(' ');

// "1.10" after "1.9": codes compare as numbers where they are numbers.
const byCode = (a, b) => (a.code || '').localeCompare(b.code || '', 'en', { numeric: true }) || a.id - b.id;

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

function number(n, measure) {
  if (n === null || n === undefined) return '—';
  return measure === 'female_share' ? `${formatNumber(n)}%` : formatNumber(n);
}

function sourceText(i) {
  return i.source === 'manual' ? 'Entered by hand' : `Counted: ${measureName(i.measure)}`;
}

// --- the page -------------------------------------------------------------------

export async function projectResultsView({ params, query, root }) {
  const id = Number(params.id);
  const year = today().slice(0, 4);
  const period = { from: query.get('from') || `${year}-01-01`, to: query.get('to') || `${year}-12-31` };
  const [project, results] = await Promise.all([
    api.get(`/api/v1/projects/${id}`),
    getAll(`/api/v1/projects/${id}/results`),
  ]);
  const ordered = logframeOrder(results);
  const indicators = new Map(await Promise.all(ordered.map(async (r) => [r.id, await getAll(`/api/v1/results/${r.id}/indicators`)])));
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

function baselineText(i) {
  if (i.baseline_value === null || i.baseline_value === undefined) return '—';
  return `${number(i.baseline_value, i.measure)}${i.baseline_year ? ` (${i.baseline_year})` : ''}`;
}

// --- results ----------------------------------------------------------------------

function resultDialog(ctx, r) {
  const editing = Boolean(r.id);
  // A result sits under one of a higher level, never under itself or what sits under it.
  const below = new Set();
  if (editing) {
    below.add(r.id);
    for (const x of ctx.ordered) if (below.has(x.parent_id)) below.add(x.id);
  }
  const parents = ctx.ordered.filter((x) => !below.has(x.id) && x.level !== 'output');
  return openDialog(editing ? `Edit ${resultName(r)}` : `Add a result to ${ctx.project.code}`, (close) => form({
    submitLabel: editing ? 'Save result' : 'Add result',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      const body = { level: values.level, code: values.code, title: values.title, parent_id: values.parent_id };
      const saved = editing ? await api.patch(`/api/v1/results/${r.id}`, body) : await api.post(`/api/v1/projects/${ctx.project.id}/results`, body);
      notify(`${resultName(saved)} ${editing ? 'saved' : 'added'}.`);
      close(saved);
      ctx.reload();
    },
  },
  fields(
    field({ name: 'level', label: 'Level', type: 'select', options: LEVELS, value: r.level || (ctx.ordered.length ? 'outcome' : 'impact') }),
    field({ name: 'code', label: 'Code', value: r.code, hint: 'e.g. 1.2; orders the logframe' }),
    field({ name: 'title', label: 'Title', value: r.title, class: 'wide' }),
    field({
      name: 'parent_id', label: 'Sits under', type: 'select', blank: 'Nothing (top of the logframe)', numeric: true, value: r.parent_id, class: 'wide',
      options: parents.map((x) => [x.id, `${'\u00a0\u00a0'.repeat(x.depth)}${resultName(x)}`]),
    }))));
}

async function removeResult(ctx, r, btn) {
  if (!(await confirmAction(`Delete ${resultName(r)}?`, 'Delete result'))) return;
  await busy(btn, async () => {
    try {
      await api.del(`/api/v1/results/${r.id}`);
      notify(`${resultName(r)} deleted.`);
      ctx.reload();
    } catch (problem) {
      notifyProblem(problem, 'Not deleted');
    }
  });
}

// --- indicators -------------------------------------------------------------------

// Rows of period fields (targets, values) that can be added and removed. The
// fields are named after the body's path ("targets[1].value", "[0].comment") so
// the server's errors land next to them.
function periodRows({ legend, prefix, rows, extra = [], valueLabel, addLabel }) {
  const list = h('div', { class: 'period-rows' });
  const addRow = (row = {}) => {
    const parts = [
      field({ name: 'period_start', label: 'Period start', type: 'date', value: row.period_start }),
      field({ name: 'period_end', label: 'Period end', type: 'date', value: row.period_end }),
      field({ name: 'value', label: valueLabel, type: 'number', step: 'any', min: 0, value: row.value }),
      ...extra.map((spec) => field({ ...spec, value: row[spec.name] })),
    ];
    const line = h('div', { class: 'period-row' }, fields(parts),
      button('Remove this row', () => {
        line.remove();
        name();
      }, { kind: 'link' }));
    line.parts = parts;
    list.append(line);
    name();
    return line;
  };
  // Renames the fields after the rows that will be sent.
  const name = () => {
    [...list.children].forEach((line, k) => {
      for (const part of line.parts) part.dataset.field = `${prefix}[${k}].${part.dataset.name ??= part.dataset.field}`;
    });
  };
  for (const row of rows) addRow(row);
  const box = h('fieldset', { class: 'period-set' }, h('legend', {}, legend), list,
    button(addLabel, () => addRow().parts[0].control.focus()));
  box.read = () => {
    // Rows left wholly empty are dropped (and the rest renamed to match).
    for (const line of [...list.children]) {
      if (line.parts.every((p) => p.read() === null || p.read() === '')) line.remove();
    }
    name();
    return [...list.children].map((line) => Object.fromEntries(line.parts.map((p) => [p.dataset.name, p.read()])));
  };
  return box;
}

function checkboxes(legend, name, choices, checked) {
  const boxes = choices.map(([value, text]) => field({ name: `${name}:${value}`, label: text, type: 'checkbox', value: checked.includes(value) }));
  const set = h('fieldset', { class: 'checkboxes', dataset: { field: name } }, h('legend', {}, legend),
    h('p', { class: 'field-error', id: uid('checkboxes-error'), hidden: true }), h('div', { class: 'checkbox-row' }, boxes));
  set.control = boxes[0].control;
  set.readChecked = () => choices.filter((_, k) => boxes[k].read()).map(([value]) => value);
  return set;
}

function indicatorDialog(ctx, result, i) {
  const editing = Boolean(i.id);
  const filter = i.filter || {};
  const source = field({ name: 'source', label: 'Source', type: 'select', options: SOURCES, value: i.source || 'attendance' });
  const kinds = checkboxes('Workshop kinds counted (none ticked: all)', 'filter.kinds', KINDS, filter.kinds || []);
  const breakdown = checkboxes('Break down by', 'disaggregations', DISAGGREGATIONS, i.disaggregations || []);
  const counted = h('fieldset', { class: 'counted' }, h('legend', {}, 'Counting from attendance'),
    fields(
      field({ name: 'measure', label: 'Measure', type: 'select', options: MEASURES, value: i.measure || 'people_trained' }),
      field({ name: 'completion_threshold', label: 'Completion threshold (%)', type: 'number', min: 1, max: 100, step: 1, value: i.completion_threshold, hint: 'Share of sessions that counts as completed (default 80); for People who completed' })),
    kinds,
    field({ name: 'filter.topics', label: 'Topics (one a line)', type: 'list', rows: 2, value: filter.topics || [], hint: 'Only workshops on one of these topics; empty: all' }),
    breakdown);
  const targets = periodRows({ legend: 'Targets', prefix: 'targets', rows: i.targets || [], valueLabel: 'Target value', addLabel: 'Add target' });
  const showCounted = () => {
    counted.hidden = source.read() !== 'attendance';
  };
  source.control.addEventListener('change', showCounted);
  showCounted();
  return openDialog(editing ? `Edit ${indicatorName(i)}` : `Add an indicator to ${resultName(result)}`, (close) => form({
    submitLabel: editing ? 'Save indicator' : 'Add indicator',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      const isCounted = values.source === 'attendance';
      const body = {
        code: values.code, title: values.title, source: values.source,
        measure: isCounted ? values.measure : null,
        filter: isCounted ? { kinds: kinds.readChecked(), topics: values['filter.topics'], workshop_ids: filter.workshop_ids || [] } : { kinds: [], topics: [], workshop_ids: [] },
        completion_threshold: isCounted ? values.completion_threshold : null,
        baseline_value: values.baseline_value, baseline_year: values.baseline_year,
        targets: targets.read(),
        disaggregations: isCounted ? breakdown.readChecked() : [],
      };
      const saved = editing ? await api.patch(`/api/v1/indicators/${i.id}`, body) : await api.post(`/api/v1/results/${result.id}/indicators`, body);
      notify(`Indicator ${indicatorName(saved)} ${editing ? 'saved' : 'added'}.`);
      close(saved);
      ctx.reload();
    },
  },
  fields(
    field({ name: 'code', label: 'Code', value: i.code, hint: 'e.g. 1.2a' }),
    field({ name: 'title', label: 'Title', value: i.title, class: 'wide' }),
    source),
  counted,
  fields(
    field({ name: 'baseline_value', label: 'Baseline value', type: 'number', step: 'any', min: 0, value: i.baseline_value }),
    field({ name: 'baseline_year', label: 'Baseline year', type: 'number', step: 1, value: i.baseline_year })),
  targets));
}

async function removeIndicator(ctx, i, btn) {
  if (!(await confirmAction(`Delete indicator ${indicatorName(i)}?`, 'Delete indicator'))) return;
  await busy(btn, async () => {
    try {
      await api.del(`/api/v1/indicators/${i.id}`);
      notify(`Indicator ${indicatorName(i)} deleted.`);
      ctx.reload();
    } catch (problem) {
      notifyProblem(problem, 'Not deleted');
    }
  });
}

async function valuesDialog(ctx, i) {
  let values;
  try {
    values = await api.get(`/api/v1/indicators/${i.id}/values`);
  } catch (problem) {
    notifyProblem(problem, 'Values not loaded');
    return;
  }
  const rows = periodRows({
    legend: 'Values per period', prefix: '', rows: values.length ? values : [{}], valueLabel: 'Value', addLabel: 'Add period',
    extra: [{ name: 'comment', label: 'Comment', class: 'wide' }],
  });
  await openDialog(`Values of ${indicatorName(i)}`, (close) => form({
    submitLabel: 'Save values',
    cancel: button('Back', () => close(null)),
    onSubmit: async () => {
      const saved = await api.put(`/api/v1/indicators/${i.id}/values`, rows.read());
      notify(`Values of ${indicatorName(i)} saved: ${saved?.length ?? 0} ${saved?.length === 1 ? 'period' : 'periods'}.`);
      close(saved);
      ctx.reload();
    },
  }, rows));
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
  const path = `/api/v1/projects/${id}/results/report`;
  const paramsForm = box.parentElement.querySelector('form.report-form');
  mount(box, loading('Preparing the report…'));
  let report;
  try {
    report = await api.get(path, period);
  } catch (problem) {
    mount(box);
    showProblem(paramsForm, problem);
    return;
  }
  clearProblem(paramsForm);
  const evidence = h('div', {});
  const indicatorCount = report.results.reduce((n, r) => n + r.indicators.length, 0);
  mount(box,
    await downloads(path, period, `results-${report.project.code}-${period.from}-${period.to}`),
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
      e = await api.get(`/api/v1/indicators/${i.id}/evidence`, period);
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
