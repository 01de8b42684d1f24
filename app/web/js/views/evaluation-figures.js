// A workshop's evaluation figures, as the evaluation report counts them:
// per knowledge test the pre- and post-test means, the paired gain,
// normalized gain, share improved and share reaching mastery; per stage the
// response rate, the mean score or the satisfaction; per item its
// distribution as bars; each figure with its n, and by sex. A cell withheld
// (an anonymous questionnaire, fewer than 5 respondents) says so in words.
import { barChart } from '../chart.js';
import { reportUrl } from '../client/reports.js';
import { h } from '../dom.js';
import { formatNumber, label } from '../format.js';
import { t } from '../i18n.js';
import { empty, table } from '../ui.js';
import {
  bilingual, evaluationName, fraction, itemText, percent, questionnaireTitle, scaleMean, signedPoints,
} from './evaluation-terms.js';
import { downloads } from './report-page.js';

const nText = (n) => (n === null || n === undefined ? null : t('web.evaluation.n', { n }));

// [name, value, n] -> a figure with its n beneath.
function figureList(entries) {
  return h('dl', { class: 'figures evaluation-figures' }, entries.filter(Boolean).map(([name, value, n]) => h('div', { class: 'figure' },
    h('dt', {}, name),
    h('dd', {}, value, n !== null && n !== undefined ? h('span', { class: 'figure-n' }, nText(n)) : null))));
}

const withheld = () => h('span', { class: 'withheld' }, t('web.evaluation.withheld'));

// A breakdown by sex: columns [{label, cell}]; a withheld row says so once, across.
function bySexTable(caption, rows, columns) {
  if (!rows?.length) return null;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('web.evaluation.sex')),
        columns.map((c) => h('th', { scope: 'col', class: 'num' }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, label('gender', r.sex) || t('common.unknown')),
        r.suppressed
          ? h('td', { colspan: columns.length, class: 'withheld-cell' }, withheld())
          : columns.map((c) => h('td', { class: 'num' }, c.cell(r))))))));
}

// Knowledge gained: one knowledge test, before and after.
function learningPart(l, threshold) {
  const title = questionnaireTitle(l);
  const withN = (value, n) => (l.suppressed ? [withheld(), null] : [value, n]);
  return h('div', { class: 'evaluation-part', dataset: { part: 'learning' } },
    h('h3', {}, t('web.evaluation.learning_of', { title })),
    figureList([
      [t('web.evaluation.pre_mean'), ...withN(percent(l.pre_mean), l.pre_n)],
      [t('web.evaluation.post_mean'), ...withN(percent(l.post_mean), l.post_n)],
      [t('web.evaluation.paired'), formatNumber(l.paired_n), null],
      [t('web.evaluation.mean_gain'), ...withN(l.mean_gain === null || l.mean_gain === undefined ? '—'
        : t('web.evaluation.points', { value: signedPoints(l.mean_gain) }), l.paired_n)],
      [t('web.evaluation.normalized_gain'), ...withN(fraction(l.normalized_gain), l.paired_n)],
      [t('web.evaluation.improved_share'), ...withN(percent(l.improved_share), l.paired_n)],
      [t('web.evaluation.mastery_share', { threshold }), ...withN(percent(l.mastery_share), l.paired_n)],
    ]),
    l.pre_mean !== null && l.post_mean !== null && l.pre_mean !== undefined && l.post_mean !== undefined
      ? h('div', { class: 'charts' }, barChart(t('web.evaluation.pre_post_chart'), [
        { label: t('web.evaluation.pre_short'), value: oneDecimal(l.pre_mean) }, { label: t('web.evaluation.post_short'), value: oneDecimal(l.post_mean) }]))
      : null,
    bySexTable(t('web.evaluation.learning_by_sex'), l.by_sex, [
      { label: t('web.evaluation.paired'), cell: (r) => formatNumber(r.paired_n) },
      { label: t('web.evaluation.pre_mean'), cell: (r) => percent(r.pre_mean) },
      { label: t('web.evaluation.post_mean'), cell: (r) => percent(r.post_mean) },
      { label: t('web.evaluation.mean_gain'), cell: (r) => signedPoints(r.mean_gain) },
      { label: t('web.evaluation.normalized_gain'), cell: (r) => fraction(r.normalized_gain) },
      { label: t('web.evaluation.improved_share'), cell: (r) => percent(r.improved_share) },
      { label: t('web.evaluation.mastery_share', { threshold }), cell: (r) => percent(r.mastery_share) },
    ]));
}

const oneDecimal = (v) => Math.round(v * 10) / 10;

const LIKERT = ['participant.eval.likert_1', 'participant.eval.likert_2', 'participant.eval.likert_3',
  'participant.eval.likert_4', 'participant.eval.likert_5'];

// A text cut to what a chart's label holds (a Chinese character is as wide as two Latin ones).
function shortened(text, room = 22) {
  let used = 0;
  for (let i = 0; i < text.length; i += 1) {
    used += /\p{Script=Han}|[\uff00-\uffef\u3000-\u303f]/u.test(text[i]) ? 2 : 1;
    if (used > room) return `${text.slice(0, i - 1)}…`;
  }
  return text;
}

// The label of one answer on an item's bar chart: the scale's value and its
// word, or the option's number and text (the correct one marked).
function valueLabel(item, value, options) {
  if (item.type === 'likert5') return LIKERT[value - 1] ? `${value} ${t(LIKERT[value - 1])}` : String(value);
  const option = options?.[value - 1];
  return [String(value), option ? shortened(itemText(option)) : ''].filter(Boolean).join(' ') + (item.correct_option === value ? ' ✓' : '');
}

// Every value an item may take, those nobody chose at 0: 1 to 5, or each option.
function everyValue(item, full) {
  const counts = new Map(item.distribution.map((d) => [d.value, d.count]));
  const top = item.type === 'likert5' ? 5 : full?.options?.length || 0;
  const values = new Set([...Array.from({ length: top }, (_, i) => i + 1), ...counts.keys()]);
  return [...values].sort((a, b) => a - b).map((value) => ({ value, count: counts.get(value) || 0 }));
}

function itemCharts(e, questionnaire) {
  const charts = e.items.filter((item) => (item.type === 'likert5' || item.type === 'single_choice') && item.n && !item.suppressed).map((item) => {
    const full = questionnaire?.items?.find((i) => i.key === item.key);
    return barChart(`${item.key} · ${itemText(item)}`, everyValue(item, full).map((d) => ({
      label: valueLabel({ ...item, correct_option: full?.correct_option }, d.value, full?.options), value: d.count,
    })));
  });
  return charts.length ? h('div', { class: 'charts item-charts' }, charts) : null;
}

// One stage: who answered, and what.
function stagePart(e, questionnaire) {
  const knowledge = e.kind === 'knowledge_test';
  const items = e.items || [];
  return h('div', { class: 'evaluation-part', dataset: { stage: e.stage } },
    h('h3', {}, evaluationName(e, questionnaire || e), e.anonymous ? h('span', { class: 'badge' }, t('web.evaluation.anonymous')) : null),
    figureList([
      [t('web.evaluation.response_rate'), percent(e.response_rate), null],
      [t('web.evaluation.responses'), t('web.evaluation.of_invited', { n: e.responses, invited: e.invited }), null],
      knowledge ? [t('web.evaluation.score_mean'), percent(e.score_mean), e.responses] : null,
      e.satisfaction_n || e.satisfaction_mean !== null && e.satisfaction_mean !== undefined
        ? [t('web.evaluation.satisfaction_mean'), t('web.evaluation.of_five', { value: scaleMean(e.satisfaction_mean) }), e.satisfaction_n] : null,
      e.satisfaction_n || e.satisfied_share !== null && e.satisfied_share !== undefined
        ? [t('web.evaluation.satisfied_share'), percent(e.satisfied_share), e.satisfaction_n] : null,
    ]),
    items.length ? table([
      { label: t('web.evaluation.item'), cell: (i) => [h('span', { class: 'item-key' }, i.key), ' ', bilingual(i, { other: false })], rowHeader: true },
      { label: t('web.evaluation.answers_n'), cell: (i) => (i.suppressed ? withheld() : formatNumber(i.n)), numeric: true },
      { label: t('web.evaluation.item_mean'), cell: (i) => (i.suppressed ? '' : itemMean(i)), numeric: true },
      knowledge ? { label: t('web.evaluation.correct_share'), cell: (i) => (i.suppressed ? '' : percent(i.correct_share)), numeric: true } : null,
    ].filter(Boolean), items, { caption: t('web.evaluation.items_caption', { name: evaluationName(e, questionnaire || e) }) }) : null,
    itemCharts(e, questionnaire),
    bySexTable(t('web.evaluation.stage_by_sex'), e.by_sex, [
      { label: t('web.evaluation.responses'), cell: (r) => formatNumber(r.n) },
      knowledge ? { label: t('web.evaluation.score_mean'), cell: (r) => percent(r.score_mean) } : null,
      e.satisfaction_n ? { label: t('web.evaluation.satisfaction_mean'), cell: (r) => scaleMean(r.satisfaction_mean) } : null,
      e.satisfaction_n ? { label: t('web.evaluation.satisfied_share'), cell: (r) => percent(r.satisfied_share) } : null,
    ].filter(Boolean)));
}

// An item's mean: on the 1-5 scale, a score, or the option number (which
// means little: blank).
function itemMean(i) {
  if (i.mean === null || i.mean === undefined) return '—';
  if (i.type === 'likert5') return scaleMean(i.mean);
  if (i.type === 'score') return formatNumber(Math.round(i.mean * 100) / 100);
  return '';
}

// report: the evaluation report's JSON; questionnaires: id -> questionnaire
// (for the options' texts).
export function evaluationFiguresView(report, { workshopId, questionnaires = new Map() }) {
  const stages = report.evaluations || [];
  if (!stages.length) return empty(t('web.evaluation.no_figures'));
  return h('div', { class: 'report evaluation-report' },
    h('p', {}, h('a', { href: `#/reports/evaluation?workshop_id=${workshopId}` }, t('web.evaluation.full_report'))),
    downloads((format) => reportUrl('evaluation', { workshop_id: workshopId, format }), `evaluation-${workshopId}`),
    h('p', { class: 'muted' }, t('web.evaluation.figures_intro', { threshold: report.mastery_threshold })),
    (report.learning || []).map((l) => learningPart(l, report.mastery_threshold)),
    stages.map((e) => stagePart(e, questionnaires.get(e.questionnaire_id))));
}
