// The words of a project's results framework, shared by its page and its forms:
// levels, sources, measures, breakdowns, and how a result, an indicator and a
// value read. The words themselves are the catalog's web.results.* entries
// (成果框架: 影响/成果/产出, 指标, 基线, 目标值, 实际值, 分类统计).
import { formatNumber, formatPercent, options } from '../format.js';
import { t } from '../i18n.js';
import { fraction, scaleMean } from './evaluation-terms.js';

// Each group's values, in the order the forms offer them, with their words' keys.
const TERMS = {
  level: { impact: 'web.results.level.impact', outcome: 'web.results.level.outcome', output: 'web.results.level.output' },
  source: { attendance: 'web.results.source.attendance', evaluation: 'web.results.source.evaluation', manual: 'web.results.source.manual' },
  measure: {
    people_trained: 'web.results.measure.people_trained',
    participations: 'web.results.measure.participations',
    participant_days: 'web.results.measure.participant_days',
    people_completed: 'web.results.measure.people_completed',
    workshops_held: 'web.results.measure.workshops_held',
    female_share: 'web.results.measure.female_share',
    agencies_reached: 'web.results.measure.agencies_reached',
    satisfaction_mean: 'web.results.measure.satisfaction_mean',
    satisfied_share: 'web.results.measure.satisfied_share',
    improved_share: 'web.results.measure.improved_share',
    normalized_gain: 'web.results.measure.normalized_gain',
    mastery_share: 'web.results.measure.mastery_share',
    response_rate: 'web.results.measure.response_rate',
  },
  disaggregation: {
    sex: 'web.results.disaggregation.sex',
    organization: 'web.results.disaggregation.organization',
    province: 'web.results.disaggregation.province',
  },
};
export const LEVEL_RANK = { impact: 0, outcome: 1, output: 2 };

// The measures each counted source offers.
const MEASURES_OF = {
  attendance: ['people_trained', 'participations', 'participant_days', 'people_completed', 'workshops_held', 'female_share', 'agencies_reached'],
  evaluation: ['satisfaction_mean', 'satisfied_share', 'improved_share', 'normalized_gain', 'mastery_share', 'response_rate'],
};
// The measures whose values are percentages (0-100).
const PERCENT_MEASURES = new Set(['female_share', 'satisfied_share', 'improved_share', 'mastery_share', 'response_rate']);

// "outcome" -> "Outcome" / "成果"; an unknown value as it is.
function term(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = TERMS[group][value];
  return key ? t(key) : String(value);
}

const choices = (group) => Object.keys(TERMS[group]).map((v) => [v, term(group, v)]);

// [[value, label]] for the forms' selects and checkboxes, in the interface's language.
export const levels = () => choices('level');
export const sources = () => choices('source');
// A counted source's measures (attendance's by default).
export const measures = (source = 'attendance') => (MEASURES_OF[source] || []).map((m) => [m, term('measure', m)]);
export const disaggregations = () => choices('disaggregation');
export const kinds = () => options('workshop_kind');

export const levelName = (level) => term('level', level);
export const measureName = (m) => term('measure', m);
export const disaggregationName = (by) => term('disaggregation', by);
// "Outcome 1 — Border officers apply ..."
export const resultName = (r) => t('web.results.result_name', { level: levelName(r.level), has_code: r.code ? 'yes' : 'no', code: r.code || '', title: r.title || '' });
export const indicatorName = (i) => [i.code, i.title].filter(Boolean).join(' ');

// "1.10" after "1.9": codes compare as numbers where they are numbers.
export const byCode = (a, b) => (a.code || '').localeCompare(b.code || '', 'en', { numeric: true }) || a.id - b.id;

// A value of an indicator: shares (of women, satisfied, improved...) in
// percent, a normalized gain as a fraction with two decimals, else a number.
export function number(n, measure) {
  if (n === null || n === undefined) return '—';
  if (PERCENT_MEASURES.has(measure)) return formatPercent(Number(n) / 100);
  if (measure === 'normalized_gain') return fraction(Number(n));
  if (measure === 'satisfaction_mean') return scaleMean(Number(n));
  return formatNumber(n);
}

export function sourceText(i) {
  if (i.source === 'manual') return term('source', 'manual');
  return t(i.source === 'evaluation' ? 'web.results.counted_evaluation' : 'web.results.counted', { measure: measureName(i.measure) });
}

// "0 (2025)"
export function baselineText(i) {
  if (i.baseline_value === null || i.baseline_value === undefined) return '—';
  const value = number(i.baseline_value, i.measure);
  return i.baseline_year ? t('web.results.baseline_in', { value, year: String(i.baseline_year) }) : value;
}
