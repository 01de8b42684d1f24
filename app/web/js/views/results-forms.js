// The forms of a project's results framework: a result, an indicator (counted
// from attendance or entered by hand, with its targets), the values entered by
// hand, and deleting either. The server holds every rule; refusals are
// explained on the form that was sent.
import {
  createIndicator, createResult, deleteIndicator, deleteResult, getIndicatorValues, setIndicatorValues, updateIndicator, updateResult,
} from '../client/results.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, uid } from '../dom.js';
import { field, fields, form } from '../form.js';
import { button, notify, notifyProblem, openDialog } from '../ui.js';
import { DISAGGREGATIONS, KINDS, LEVELS, MEASURES, SOURCES, indicatorName, resultName } from './results-terms.js';

// --- results ----------------------------------------------------------------------

export function resultDialog(ctx, r) {
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
      const saved = editing ? await updateResult(r.id, body) : await createResult(ctx.project.id, body);
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

export function removeResult(ctx, r, btn) {
  return confirmThenRun(btn, { question: `Delete ${resultName(r)}?`, confirmLabel: 'Delete result' }, async () => {
    await deleteResult(r.id);
    notify(`${resultName(r)} deleted.`);
    ctx.reload();
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

export function indicatorDialog(ctx, result, i) {
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
      const saved = editing ? await updateIndicator(i.id, body) : await createIndicator(result.id, body);
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

export function removeIndicator(ctx, i, btn) {
  return confirmThenRun(btn, { question: `Delete indicator ${indicatorName(i)}?`, confirmLabel: 'Delete indicator' }, async () => {
    await deleteIndicator(i.id);
    notify(`Indicator ${indicatorName(i)} deleted.`);
    ctx.reload();
  });
}

export async function valuesDialog(ctx, i) {
  let values;
  try {
    values = await getIndicatorValues(i.id);
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
      const saved = await setIndicatorValues(i.id, rows.read());
      notify(`Values of ${indicatorName(i)} saved: ${saved?.length ?? 0} ${saved?.length === 1 ? 'period' : 'periods'}.`);
      close(saved);
      ctx.reload();
    },
  }, rows));
}
