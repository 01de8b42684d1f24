// The words of a project's results framework, shared by its page and its forms:
// levels, sources, measures, and how a result, an indicator and a value read.
import { formatNumber, label } from '../format.js';

export const LEVELS = [['impact', 'Impact'], ['outcome', 'Outcome'], ['output', 'Output']];
export const LEVEL_RANK = { impact: 0, outcome: 1, output: 2 };
export const SOURCES = [['attendance', 'Counted from attendance'], ['manual', 'Entered by hand']];
export const MEASURES = [
  ['people_trained', 'People trained'], ['participations', 'Participations'], ['participant_days', 'Participant-days'],
  ['people_completed', 'People who completed'], ['workshops_held', 'Workshops held'], ['female_share', 'Share of women (%)'],
  ['agencies_reached', 'Agencies reached'],
];
export const DISAGGREGATIONS = [['sex', 'Sex'], ['organization', 'Organization'], ['province', 'Province']];
export const KINDS = Object.entries({
  training: 'Training', workshop: 'Workshop', seminar: 'Seminar', study_tour: 'Study tour', conference: 'Conference', meeting: 'Meeting',
});

export const levelName = (level) => LEVELS.find(([v]) => v === level)?.[1] || label('', level);
export const measureName = (m) => MEASURES.find(([v]) => v === m)?.[1] || label('', m);
export const resultName = (r) => [levelName(r.level), r.code, '—', r.title].filter(Boolean).join(' ');
export const indicatorName = (i) => [i.code, i.title].filter(Boolean).join(' ');

// "1.10" after "1.9": codes compare as numbers where they are numbers.
export const byCode = (a, b) => (a.code || '').localeCompare(b.code || '', 'en', { numeric: true }) || a.id - b.id;

export function number(n, measure) {
  if (n === null || n === undefined) return '—';
  return measure === 'female_share' ? `${formatNumber(n)}%` : formatNumber(n);
}

export function sourceText(i) {
  return i.source === 'manual' ? 'Entered by hand' : `Counted: ${measureName(i.measure)}`;
}

export function baselineText(i) {
  if (i.baseline_value === null || i.baseline_value === undefined) return '—';
  return `${number(i.baseline_value, i.measure)}${i.baseline_year ? ` (${i.baseline_year})` : ''}`;
}
