// How values are shown, in the interface's language: dates as "2 Mar 2026"
// or "2026年3月2日", numbers and percentages by the locale, enum values by
// their catalog label. Dates travel as YYYY-MM-DD strings and are handled
// without time zones (formatted as UTC noon of that day).
import { language, locale, t } from './i18n.js';

function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

function dateOf(iso) {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function dateFormat(options) {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...options });
}

// "2 Mar 2026", "2026年3月2日"; '' for null.
export function formatDate(iso) {
  if (!iso) return '';
  return dateFormat({ day: 'numeric', month: language() === 'zh' ? 'long' : 'short', year: 'numeric' }).format(dateOf(iso));
}

// "Mon 2 Mar", "3月2日周一"
export function formatDay(iso) {
  return dateFormat({ weekday: 'short', day: 'numeric', month: language() === 'zh' ? 'long' : 'short' }).format(dateOf(iso));
}

// The names of the week's days, Monday first (the week starts on Monday in
// both languages).
export function weekdayNames() {
  const f = dateFormat({ weekday: 'short' });
  return [0, 1, 2, 3, 4, 5, 6].map((i) => f.format(dateOf(addDays('2024-01-01', i)))); // a Monday
}

// "March 2026", "2026年3月" from "2026-03"
export function formatMonth(ym) {
  if (!ym) return t('common.unknown');
  return dateFormat({ month: 'long', year: 'numeric' }).format(dateOf(`${ym}-01`));
}

// "Mar 2026", "2026年3月" from "2026-03", for chart axes.
export function formatMonthShort(ym) {
  if (!ym) return '?';
  return dateFormat({ month: language() === 'zh' ? 'long' : 'short', year: 'numeric' }).format(dateOf(`${ym}-01`));
}

// "23–25 Nov 2026", "2026年11月23日至25日", "Dates unknown"; "(estimated)" when flagged.
export function formatDateRange(start, end, estimated = false) {
  if (!start && !end) return t('common.dates_unknown');
  let text;
  if (!start || !end || start === end) {
    text = formatDate(start || end);
  } else if (language() === 'zh') {
    // Intl writes "2026/12/3 – 2026/12/7" for zh-CN; a reader writes 2026年12月3日至7日.
    const a = parts(start);
    const b = parts(end);
    const tail = a.y !== b.y ? `${b.y}年${b.m}月${b.d}日` : a.m !== b.m ? `${b.m}月${b.d}日` : `${b.d}日`;
    text = `${a.y}年${a.m}月${a.d}日至${tail}`;
  } else {
    const f = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' });
    text = f.formatRange(dateOf(start), dateOf(end));
  }
  return estimated ? t('common.estimated_dates', { dates: text }) : text;
}

// An RFC 3339 instant in the reader's local time: "24 Nov 2026, 14:32".
export function formatInstant(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric', month: language() === 'zh' ? 'long' : 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(when);
}

// 'zh' for text in Chinese characters (fonts and screen readers follow lang), else null.
export function langOf(text) {
  return /\p{Script=Han}/u.test(text || '') ? 'zh' : null;
}

// ['a', 'b', 'c'] -> "a, b and c", "a、b和c"
export function listText(items) {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items.map(String));
}

export function formatNumber(n) {
  return n === null || n === undefined ? '' : new Intl.NumberFormat(locale()).format(Number(n));
}

// 0.875 -> "87.5%"; '—' for null.
export function formatPercent(rate) {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function formatAmount(amount, currency) {
  if (amount === null || amount === undefined) return '';
  const n = new Intl.NumberFormat(locale()).format(Number(amount));
  return currency ? `${n} ${currency}` : n;
}

// --- calendar arithmetic on YYYY-MM-DD -------------------------------------

export function toIso(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function today() {
  return toIso(new Date());
}

function utc(iso) {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(iso, n) {
  const t = utc(iso);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// 0 = Monday ... 6 = Sunday
export function weekday(iso) {
  return (utc(iso).getUTCDay() + 6) % 7;
}

export function startOfWeek(iso) {
  return addDays(iso, -weekday(iso));
}

export function addMonths(ym, n) {
  const [y, m] = ym.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function lastDayOfMonth(ym) {
  return addDays(`${addMonths(ym, 1)}-01`, -1);
}

// --- enum values as words ---------------------------------------------------

// The values of each enumeration, in the order a <select> offers them; their
// labels are the catalog's "enum.KIND.VALUE".
export const ENUMS = {
  organization_kind: ['government', 'intergovernmental', 'academic', 'ngo', 'private', 'other'],
  project_role: ['lead_funder', 'co_funder', 'implementer', 'counterpart'],
  workshop_kind: ['training', 'workshop', 'seminar', 'study_tour', 'conference', 'meeting'],
  workshop_status: ['planned', 'confirmed', 'held', 'cancelled'],
  workshop_role: ['organizer', 'co_organizer', 'host', 'supporter', 'trainer', 'participating'],
  gender: ['female', 'male', 'other', 'undisclosed'],
  registration_role: ['participant', 'trainer', 'speaker', 'organizer', 'observer'],
  registration_status: ['invited', 'registered', 'attended', 'no_show', 'cancelled'],
  attendance: ['present', 'late', 'excused', 'absent'],
  user_role: ['admin', 'coordinator', 'viewer', 'funder'],
  audit_action: ['create', 'update', 'delete', 'replace', 'erase', 'merge', 'distinct', 'issue', 'open', 'close', 'checkin', 'answer', 'revoke'],
  conflict_kind: ['person', 'venue', 'trainer_institution'],
  severity: ['conflict', 'warning'],
  duplicate_reason: ['same_native_name_and_organization', 'same_name_and_organization', 'same_email', 'same_phone'],
  questionnaire_kind: ['reaction', 'knowledge_test', 'follow_up'],
  item_type: ['likert5', 'single_choice', 'score', 'text'],
  stage: ['pre', 'post', 'reaction', 'follow_up'],
  certificate_kind: ['attendance', 'completion'],
};

// "lead_funder" -> "Lead funder" / "主要资助方".
export function label(kind, value) {
  if (value === null || value === undefined || value === '') return '';
  return t(`enum.${kind}.${value}`);
}

// [[value, label], ...] for a <select>.
export function options(kind) {
  return ENUMS[kind].map((value) => [value, label(kind, value)]);
}

// A project as a choice in a <select>: [id, 'CBMM — Title'].
export function projectOptions(list) {
  return list.map((p) => [p.id, `${p.code} — ${p.title}`]);
}
