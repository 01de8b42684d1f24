// The forms of a project's results framework: a result, an indicator (counted
// from attendance or from evaluations, or entered by hand, with its targets),
// the values entered by hand, and deleting either. The server holds every
// rule; refusals are explained on the form that was sent.
import {
  createIndicator, createResult, deleteIndicator, deleteResult, getIndicatorValues, setIndicatorValues, updateIndicator, updateResult,
} from '../client/results.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, uid } from '../dom.js';
import { field, fields, form } from '../form.js';
import { t } from '../i18n.js';
import { button, notify, notifyProblem, openDialog } from '../ui.js';
import {
  disaggregations, indicatorName, kinds as workshopKinds, levels, measures, resultName, sources,
} from './results-terms.js';

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
  return openDialog(editing ? t('web.results.edit_named', { name: resultName(r) }) : t('web.results.add_result_to', { code: ctx.project.code }), (close) => form({
    submitLabel: editing ? t('web.results.save_result') : t('web.results.add_result'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      const body = { level: values.level, code: values.code, title: values.title, parent_id: values.parent_id };
      const saved = editing ? await updateResult(r.id, body) : await createResult(ctx.project.id, body);
      notify(t(editing ? 'web.results.result_saved' : 'web.results.result_added', { name: resultName(saved) }));
      close(saved);
      ctx.reload();
    },
  },
  fields(
    field({ name: 'level', label: t('web.results.level_label'), type: 'select', options: levels(), value: r.level || (ctx.ordered.length ? 'outcome' : 'impact') }),
    field({ name: 'code', label: t('web.results.code'), value: r.code, hint: t('web.results.result_code_hint') }),
    field({ name: 'title', label: t('common.title'), value: r.title, class: 'wide' }),
    field({
      name: 'parent_id', label: t('web.results.sits_under'), type: 'select', blank: t('web.results.top_of_logframe'), numeric: true, value: r.parent_id, class: 'wide',
      options: parents.map((x) => [x.id, `${'\u00a0\u00a0'.repeat(x.depth)}${resultName(x)}`]),
    }))));
}

export function removeResult(ctx, r, btn) {
  return confirmThenRun(btn, { question: t('web.results.delete_result_confirm', { name: resultName(r) }), confirmLabel: t('web.results.delete_result') }, async () => {
    await deleteResult(r.id);
    notify(t('web.results.result_deleted', { name: resultName(r) }));
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
      field({ name: 'period_start', label: t('web.results.period_start'), type: 'date', value: row.period_start }),
      field({ name: 'period_end', label: t('web.results.period_end'), type: 'date', value: row.period_end }),
      field({ name: 'value', label: valueLabel, type: 'number', step: 'any', min: 0, value: row.value }),
      ...extra.map((spec) => field({ ...spec, value: row[spec.name] })),
    ];
    const line = h('div', { class: 'period-row' }, fields(parts),
      button(t('web.results.remove_row'), () => {
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
  const source = field({ name: 'source', label: t('web.results.source_label'), type: 'select', options: sources(), value: i.source || 'attendance', class: 'wide' });
  const measure = field({ name: 'measure', label: t('web.results.measure_label'), type: 'select', options: [], class: 'wide' });
  const threshold = field({ name: 'completion_threshold', label: t('web.results.completion_threshold'), type: 'number', min: 1, max: 100, step: 1, value: i.completion_threshold, hint: t('web.results.completion_threshold_hint') });
  const kinds = checkboxes(t('web.results.kinds_counted'), 'filter.kinds', workshopKinds(), filter.kinds || []);
  const breakdown = checkboxes(t('web.results.break_down_by'), 'disaggregations', disaggregations(), i.disaggregations || []);
  const legend = h('legend', {});
  const counted = h('fieldset', { class: 'counted' }, legend,
    fields(measure, threshold),
    kinds,
    field({ name: 'filter.topics', label: t('web.results.topics'), type: 'list', rows: 2, value: filter.topics || [], hint: t('web.results.topics_hint') }),
    breakdown);
  const targets = periodRows({ legend: t('web.results.targets'), prefix: 'targets', rows: i.targets || [], valueLabel: t('web.results.target_value'), addLabel: t('web.results.add_target') });
  // Counted from attendance or from evaluations: each offers its own
  // measures (the one chosen under the other is kept for going back), both
  // narrow the workshops alike; the completion threshold and the breakdowns
  // are attendance's only.
  const chosen = { attendance: 'people_trained', evaluation: 'satisfaction_mean' };
  if (i.measure && (i.source === 'attendance' || i.source === 'evaluation')) chosen[i.source] = i.measure;
  let shown = null;
  const showCounted = () => {
    const from = source.read();
    counted.hidden = from !== 'attendance' && from !== 'evaluation';
    if (counted.hidden) return;
    if (from !== shown) {
      if (shown) chosen[shown] = measure.read();
      measure.control.replaceChildren(...measures(from).map(([value, text]) => h('option', { value }, text)));
      measure.control.value = chosen[from];
      shown = from;
    }
    legend.textContent = t(from === 'evaluation' ? 'web.results.counting_evaluation' : 'web.results.counting');
    threshold.hidden = from !== 'attendance';
    breakdown.hidden = from !== 'attendance';
  };
  source.control.addEventListener('change', showCounted);
  showCounted();
  return openDialog(editing ? t('web.results.edit_named', { name: indicatorName(i) }) : t('web.results.add_indicator_to', { name: resultName(result) }), (close) => form({
    submitLabel: editing ? t('web.results.save_indicator') : t('web.results.add_indicator'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      const isCounted = values.source === 'attendance' || values.source === 'evaluation';
      const fromAttendance = values.source === 'attendance';
      const body = {
        code: values.code, title: values.title, source: values.source,
        measure: isCounted ? values.measure : null,
        filter: isCounted ? { kinds: kinds.readChecked(), topics: values['filter.topics'], workshop_ids: filter.workshop_ids || [] } : { kinds: [], topics: [], workshop_ids: [] },
        completion_threshold: fromAttendance ? values.completion_threshold : null,
        baseline_value: values.baseline_value, baseline_year: values.baseline_year,
        targets: targets.read(),
        disaggregations: fromAttendance ? breakdown.readChecked() : [],
      };
      const saved = editing ? await updateIndicator(i.id, body) : await createIndicator(result.id, body);
      notify(t(editing ? 'web.results.indicator_saved' : 'web.results.indicator_added', { name: indicatorName(saved) }));
      close(saved);
      ctx.reload();
    },
  },
  fields(
    field({ name: 'code', label: t('web.results.code'), value: i.code, hint: t('web.results.indicator_code_hint') }),
    field({ name: 'title', label: t('common.title'), value: i.title, class: 'wide' }),
    source),
  counted,
  fields(
    field({ name: 'baseline_value', label: t('web.results.baseline_value'), type: 'number', step: 'any', min: 0, value: i.baseline_value }),
    field({ name: 'baseline_year', label: t('web.results.baseline_year'), type: 'number', step: 1, value: i.baseline_year })),
  targets));
}

export function removeIndicator(ctx, i, btn) {
  return confirmThenRun(btn, { question: t('web.results.delete_indicator_confirm', { name: indicatorName(i) }), confirmLabel: t('web.results.delete_indicator') }, async () => {
    await deleteIndicator(i.id);
    notify(t('web.results.indicator_deleted', { name: indicatorName(i) }));
    ctx.reload();
  });
}

export async function valuesDialog(ctx, i) {
  let values;
  try {
    values = await getIndicatorValues(i.id);
  } catch (problem) {
    notifyProblem(problem, t('web.results.values_not_loaded'));
    return;
  }
  const rows = periodRows({
    legend: t('web.results.values_per_period'), prefix: '', rows: values.length ? values : [{}], valueLabel: t('web.results.value'), addLabel: t('web.results.add_period'),
    extra: [{ name: 'comment', label: t('web.results.comment'), class: 'wide' }],
  });
  await openDialog(t('web.results.values_of', { name: indicatorName(i) }), (close) => form({
    submitLabel: t('web.results.save_values'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async () => {
      const saved = await setIndicatorValues(i.id, rows.read());
      notify(t('web.results.values_saved', { name: indicatorName(i), n: saved?.length ?? 0 }));
      close(saved);
      ctx.reload();
    },
  }, rows));
}
