// The evaluation report's figures, drawn one way for the Reports → Evaluation
// screen and a workshop's Evaluation screen: per knowledge test the pre- and
// post-test means as a chart, the paired n and the gains; per questionnaire
// the response rate, the mean score or the satisfaction, and each item with
// how its answers spread; breakdowns by sex; the totals. Every figure with
// the number of people behind it; a breakdown of an anonymous questionnaire
// with fewer than 5 respondents is withheld, and said so in words.
import { pairedBars, stackedBar } from '../chart.js';
import { h } from '../dom.js';
import { formatNumber, label } from '../format.js';
import { t } from '../i18n.js';
import { section } from '../ui.js';
import {
  bilingual, evaluationName, fraction, itemText, percent, questionnaireTitle, scaleMean, signedPoints,
} from './evaluation-terms.js';
import { figures } from './report-page.js';

const dash = '—';
const missing = (v) => v === null || v === undefined;

// A figure and, under it, how many people it stands on.
function withN(value, n) {
  return [value, missing(n) ? null : h('span', { class: 'figure-n' }, t('web.report_evaluation.n', { n }))];
}

// Each figure's label and definition: the catalog's figure.* entries, the
// same the server prints under its reports (keys written whole: the
// catalogs' test finds them here).
const FIGURES = {
  response_rate: ['figure.response_rate.label', 'figure.response_rate.definition'],
  satisfaction_mean: ['figure.satisfaction_mean.label', 'figure.satisfaction_mean.definition'],
  satisfied_share: ['figure.satisfied_share.label', 'figure.satisfied_share.definition'],
  pre_mean: ['figure.pre_mean.label', 'figure.pre_mean.definition'],
  post_mean: ['figure.post_mean.label', 'figure.post_mean.definition'],
  paired_n: ['figure.paired_n.label', 'figure.paired_n.definition'],
  mean_gain: ['figure.mean_gain.label', 'figure.mean_gain.definition'],
  normalized_gain: ['figure.normalized_gain.label', 'figure.normalized_gain.definition'],
  improved_share: ['figure.improved_share.label', 'figure.improved_share.definition'],
  mastery_share: ['figure.mastery_share.label', 'figure.mastery_share.definition'],
};
const fig = (name) => t(FIGURES[name][0]);

// The words of the 1-5 scale, as the participants' forms show them.
const LIKERT = ['participant.eval.likert_1', 'participant.eval.likert_2', 'participant.eval.likert_3',
  'participant.eval.likert_4', 'participant.eval.likert_5'];

// report: the evaluation report's JSON, with at least one evaluation. Returns
// the nodes to mount. Options:
//   totals: draw the totals over every part (a workshop's screen leaves
//     them out);
//   inSection: drawn inside a section of another screen: each part a
//     subsection headed h3, no part headings of its own; else each part a
//     panel headed h2 under the report's part headings;
//   questionnaires: id -> questionnaire, to name a choice item's options and
//     tick the correct one (else "Option 2").
export function drawEvaluationFigures(report, { totals = true, inSection = false, questionnaires = new Map() } = {}) {
  const threshold = report.mastery_threshold;
  const titles = new Map(report.evaluations.map((e) => [e.workshop_id, e.workshop_title]));
  const several = titles.size > 1;
  const partHeading = (key) => (inSection ? null : h('h2', { class: 'report-part' }, t(key)));
  return [
    totals && report.totals ? totalsPart(report.totals, inSection) : null,
    definitions(threshold),
    report.learning.length ? partHeading('web.report_evaluation.learning') : null,
    report.learning.map((l) => learningPart(l, inSection, several ? titles.get(l.workshop_id) : null)),
    partHeading('web.report_evaluation.evaluations'),
    report.evaluations.map((e) => evaluationPart(e, inSection, several, questionnaires.get(e.questionnaire_id))),
  ];
}

// A part of the report: a panel of its own on the report's screen, a
// subsection of the Figures section on a workshop's screen.
function part(title, inSection, dataset, ...children) {
  const box = inSection ? h('section', { class: 'evaluation-part' }, h('h3', {}, title), children) : section(title, children);
  Object.assign(box.dataset, dataset);
  return box;
}

// The workshop a part is of, where the report covers several.
function workshopLink(id, title) {
  return title ? h('p', { class: 'muted' }, h('a', { href: `#/workshops/${id}` }, title)) : null;
}

const anonymousNote = (q) => (q.anonymous ? h('p', { class: 'muted' }, t('web.report_evaluation.anonymous_note')) : null);

function totalsPart(totals, inSection) {
  const pairs = [
    [t('web.report_evaluation.invited'), formatNumber(totals.invited)],
    [t('web.report_evaluation.responses'), formatNumber(totals.responses)],
    [fig('response_rate'), withN(percent(totals.response_rate), totals.invited)],
  ];
  if (!missing(totals.satisfaction_mean) || totals.satisfaction_n) {
    pairs.push(
      [fig('satisfaction_mean'), withN(scaleMean(totals.satisfaction_mean), totals.satisfaction_n)],
      [fig('satisfied_share'), withN(percent(totals.satisfied_share), totals.satisfaction_n)],
    );
  }
  if (totals.paired_n || !missing(totals.pre_mean) || !missing(totals.post_mean)) {
    pairs.push(
      [fig('paired_n'), formatNumber(totals.paired_n)],
      [fig('pre_mean'), withN(percent(totals.pre_mean), totals.paired_n)],
      [fig('post_mean'), withN(percent(totals.post_mean), totals.paired_n)],
      [fig('mean_gain'), withN(signedPoints(totals.mean_gain), totals.paired_n)],
      [fig('normalized_gain'), withN(fraction(totals.normalized_gain), totals.paired_n)],
      [fig('improved_share'), withN(percent(totals.improved_share), totals.paired_n)],
      [fig('mastery_share'), withN(percent(totals.mastery_share), totals.paired_n)],
    );
  }
  return part(t('web.report_evaluation.totals'), inSection, { part: 'totals' }, figures(pairs));
}

function definitions(threshold) {
  return h('details', { class: 'definitions' },
    h('summary', {}, t('report.definitions')),
    h('dl', { class: 'details' },
      Object.values(FIGURES).map(([name, definition]) => [h('dt', {}, t(name)), h('dd', {}, t(definition, { threshold }))]),
      h('dt', {}, t('web.report_evaluation.withheld_title')), h('dd', {}, t('web.report_evaluation.def.withheld'))));
}

function sexName(sex) {
  return label('gender', sex) || t('common.unknown');
}

// A breakdown by sex: a row per sex, a withheld one said so in words across its figures.
function bySexTable(caption, columns, rows) {
  if (!rows?.length) return null;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'by-sex' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('report.column.gender')),
        columns.map(([name]) => h('th', { scope: 'col', class: 'num' }, name)))),
      h('tbody', {}, rows.map((row) => h('tr', { dataset: { sex: row.sex }, class: row.suppressed ? 'withheld' : null },
        h('th', { scope: 'row' }, sexName(row.sex)),
        row.suppressed
          ? h('td', { colspan: columns.length, class: 'withheld-note' }, t('web.report_evaluation.withheld'))
          : columns.map(([, cell]) => h('td', { class: 'num' }, cell(row))))))));
}

// One knowledge test before and after: the chart, the figures, by sex.
function learningPart(l, inSection, workshopTitle) {
  // The bars are of the people who took both tests, as the gains and the
  // breakdown by sex are (everyone who took either when nobody took both).
  const paired = l.paired_n > 0 && !missing(l.paired_pre_mean);
  const groups = [paired
    ? { label: t('web.report_evaluation.everyone'), note: t('web.report_evaluation.n', { n: l.paired_n }), pairs: [l.paired_pre_mean, l.paired_post_mean] }
    : { label: t('web.report_evaluation.everyone'), note: t('web.report_evaluation.n_pre_post', { pre: l.pre_n, post: l.post_n }), pairs: [l.pre_mean, l.post_mean] }];
  for (const s of l.by_sex || []) {
    if (s.suppressed) continue;
    groups.push({ label: sexName(s.sex), note: t('web.report_evaluation.n', { n: s.paired_n }), pairs: [s.pre_mean, s.post_mean] });
  }
  const series = [t('web.report_evaluation.pre'), t('web.report_evaluation.post')];
  const withheld = (l.by_sex || []).filter((s) => s.suppressed);
  return part(t('web.report_evaluation.learning_heading', { title: questionnaireTitle(l) }), inSection, { part: 'learning' },
    workshopLink(l.workshop_id, workshopTitle),
    anonymousNote(l),
    h('div', { class: 'learning' },
      pairedBars(t(paired ? 'web.report_evaluation.pre_post_chart_paired' : 'web.report_evaluation.pre_post_chart'), series, groups, percent),
      figures([
        [fig('pre_mean'), withN(percent(l.pre_mean), l.pre_n)],
        [fig('post_mean'), withN(percent(l.post_mean), l.post_n)],
        [fig('paired_n'), formatNumber(l.paired_n)],
        [fig('mean_gain'), withN(signedPoints(l.mean_gain), l.paired_n)],
        [fig('normalized_gain'), withN(fraction(l.normalized_gain), l.paired_n)],
        [fig('improved_share'), withN(percent(l.improved_share), l.paired_n)],
        [fig('mastery_share'), withN(percent(l.mastery_share), l.paired_n)],
      ])),
    withheld.length ? h('p', { class: 'muted' }, t('web.report_evaluation.withheld_groups', { groups: withheld.map((s) => sexName(s.sex)).join(t('report.list_separator')) })) : null,
    bySexTable(t('web.report_evaluation.learning_by_sex'), [
      [fig('paired_n'), (s) => formatNumber(s.paired_n)],
      [fig('pre_mean'), (s) => percent(s.pre_mean)],
      [fig('post_mean'), (s) => percent(s.post_mean)],
      [fig('mean_gain'), (s) => signedPoints(s.mean_gain)],
      [fig('normalized_gain'), (s) => fraction(s.normalized_gain)],
      [fig('improved_share'), (s) => percent(s.improved_share)],
      [fig('mastery_share'), (s) => percent(s.mastery_share)],
    ], l.by_sex));
}

// One questionnaire at one stage: who answered, and what.
function evaluationPart(e, inSection, several, questionnaire) {
  const satisfaction = !missing(e.satisfaction_mean) || Boolean(e.satisfaction_n);
  const scored = e.kind === 'knowledge_test';
  const pairs = [
    [t('web.report_evaluation.invited'), formatNumber(e.invited)],
    [t('web.report_evaluation.responses'), formatNumber(e.responses)],
    [fig('response_rate'), withN(percent(e.response_rate), e.invited)],
  ];
  if (satisfaction) {
    pairs.push(
      [fig('satisfaction_mean'), withN(scaleMean(e.satisfaction_mean), e.satisfaction_n)],
      [fig('satisfied_share'), withN(percent(e.satisfied_share), e.satisfaction_n)],
    );
  }
  if (scored) pairs.push([t('web.report_evaluation.score_mean'), withN(percent(e.score_mean), e.responses)]);
  const sexColumns = [[t('web.report_evaluation.respondents'), (s) => formatNumber(s.n)]];
  if (satisfaction) {
    sexColumns.push(
      [fig('satisfaction_mean'), (s) => scaleMean(s.satisfaction_mean)],
      [fig('satisfied_share'), (s) => percent(s.satisfied_share)],
    );
  }
  if (scored) sexColumns.push([t('web.report_evaluation.score_mean'), (s) => percent(s.score_mean)]);
  return part(evaluationName(e, e), inSection, { evaluation: String(e.evaluation_id), stage: e.stage },
    workshopLink(e.workshop_id, several ? e.workshop_title : null),
    anonymousNote(e),
    figures(pairs),
    itemsTable(e, questionnaire),
    bySexTable(t('web.report_evaluation.by_sex'), sexColumns, e.by_sex));
}

// A swatch of a bar's colour and what it stands for.
const legendKey = (tone, text) => h('span', { class: 'chart-key' }, h('span', { class: ['chart-swatch', `dist-${tone}`] }), text);

// The items: each with its n, its mean and how the answers spread.
function itemsTable(e, questionnaire) {
  if (!e.items?.length) return null;
  const likert = e.items.some((i) => i.type === 'likert5' && i.n && !i.suppressed); // a bar to read the legend by
  const choice = e.items.some((i) => i.type === 'single_choice');
  const caption = t('web.report_evaluation.items');
  return [
    likert ? h('p', { class: 'dist-legend', 'aria-hidden': 'true' }, t('web.report_evaluation.likert_legend'), ' ',
      [1, 2, 3, 4, 5].map((v) => legendKey(`l${v}`, `${v} ${t(LIKERT[v - 1])}`))) : null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'items' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('web.report_evaluation.question')),
          h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.respondents')),
          h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.mean')),
          choice ? h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.correct_share')) : null,
          h('th', { scope: 'col' }, t('web.report_evaluation.distribution')))),
        h('tbody', {}, e.items.map((item) => h('tr', { dataset: { key: item.key } },
          h('th', { scope: 'row', class: 'cell-wide' }, h('span', { class: 'item-key' }, item.key), ' ', bilingual(item, { other: false }),
            h('span', { class: 'cell-note' }, label('item_type', item.type))),
          item.suppressed
            ? h('td', { colspan: choice ? 4 : 3, class: 'withheld-note' }, t('web.report_evaluation.withheld'))
            : [
              h('td', { class: 'num' }, formatNumber(item.n)),
              h('td', { class: 'num' }, item.type === 'likert5' || item.type === 'score' ? scaleMean(item.mean) : dash),
              choice ? h('td', { class: 'num' }, item.type === 'single_choice' ? percent(item.correct_share) : dash) : null,
              h('td', { class: 'distribution' }, distribution(item, questionnaire?.items?.find((i) => i.key === item.key))),
            ]))))),
  ];
}

// How an item's answers spread, as one bar: on the 1-5 scale (the legend
// above the table names its colours), or over the options, named beneath the
// bar (by their text and the correct one ticked where the questionnaire,
// asked, is at hand), every option counted even if nobody chose it. Nothing
// before anyone answered.
function distribution(item, asked) {
  if (!item.n || !item.distribution?.length || (item.type !== 'likert5' && item.type !== 'single_choice')) return '';
  const title = t('web.report_evaluation.distribution_of', { key: item.key });
  const counts = new Map(item.distribution.map((d) => [d.value, d.count]));
  if (item.type === 'likert5') {
    return stackedBar(title, [1, 2, 3, 4, 5].map((v) => ({ label: String(v), value: counts.get(v) || 0, tone: `l${v}` })));
  }
  const options = asked?.options || [];
  const values = [...new Set([...options.map((_, i) => i + 1), ...counts.keys()])].sort((a, b) => a - b);
  const parts = values.map((v) => ({
    label: options[v - 1] ? `${v} ${itemText(options[v - 1])}${asked.correct_option === v ? ' ✓' : ''}` : t('web.report_evaluation.option_n', { n: v }),
    value: counts.get(v) || 0,
    tone: `o${(v - 1) % 6}`,
  }));
  return [stackedBar(title, parts), h('div', { class: 'dist-legend', 'aria-hidden': 'true' }, parts.map((p) => legendKey(p.tone, p.label)))];
}
