// Words and values the evaluation screens share: the stages, a
// questionnaire's title and an item's text in the interface's language, the
// instants of the stages' dates as a datetime-local field holds them, and the
// figures as a reader expects them (percent, points, a gain, a 1-5 mean).
import { h } from '../dom.js';
import { label } from '../format.js';
import { language, locale } from '../i18n.js';

export const STAGES = ['pre', 'post', 'reaction', 'follow_up'];

// The kind of questionnaire each stage takes (the same knowledge test before and after).
export const KIND_OF_STAGE = { pre: 'knowledge_test', post: 'knowledge_test', reaction: 'reaction', follow_up: 'follow_up' };

export const stageName = (stage) => label('stage', stage);

// In Chinese, the Chinese title where there is one.
export function questionnaireTitle(q) {
  if (!q) return '';
  return language() === 'zh' && q.native_title ? q.native_title : q.title;
}

// "Pre-test — Knowledge of document examination"
// (the stage alone where the title says the same: "Reaction survey").
export function evaluationName(evaluation, questionnaire) {
  const stage = stageName(evaluation.stage);
  const title = questionnaireTitle(questionnaire);
  return !title || title.toLowerCase() === stage.toLowerCase() ? stage : `${stage} — ${title}`;
}

// An item's (or an option's) text in the interface's language, the other
// language's beneath it, smaller.
export function bilingual(thing, { other = true } = {}) {
  const zh = language() === 'zh';
  const main = (zh ? thing.native_text : thing.text) || thing.text || thing.native_text || '';
  const second = (zh ? thing.text : thing.native_text) || '';
  const mainNode = h('span', { lang: zh || /\p{Script=Han}/u.test(main) ? 'zh-CN' : null }, main);
  if (!other || !second || second === main) return [mainNode];
  return [mainNode, h('span', { class: 'other-script', lang: zh ? 'en' : 'zh-CN' }, second)];
}

// The item's text as one string, in the interface's language.
export function itemText(item) {
  return (language() === 'zh' ? item.native_text : item.text) || item.text || item.native_text || '';
}

// --- instants and datetime-local fields (the browser's time zone) ---------------

// "2026-12-07T01:00:00Z" -> "2026-12-07T09:00" in UTC+8; '' for null.
export function toLocalInput(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

// "2026-12-07T09:00" (local) -> "2026-12-07T01:00:00Z"; null when empty; the
// text itself when it is no date (the server says what is wrong with it).
export function fromLocalInput(value) {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// --- figures ----------------------------------------------------------------------

const number = (options) => new Intl.NumberFormat(locale(), options);

// 62.5 (a percent) -> "62.5%"; '—' for null.
export function percent(value) {
  return value === null || value === undefined ? '—' : number({ style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

// 20.83 percentage points -> "+20.8"; '—' for null.
export function signedPoints(value) {
  return value === null || value === undefined ? '—' : number({ maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

// A fraction such as a normalized gain: 0.4545 -> "0.45".
export function fraction(value) {
  return value === null || value === undefined ? '—' : number({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

// A mean on the 1-5 scale: 4.25 -> "4.25", 4 -> "4.0".
export function scaleMean(value) {
  return value === null || value === undefined ? '—' : number({ minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}
