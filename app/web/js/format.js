// How values are shown: dates as "2 Mar 2026", enum values as words.
// Dates travel as YYYY-MM-DD strings and are handled without time zones.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

// "2 Mar 2026"; '' for null.
export function formatDate(iso) {
  if (!iso) return '';
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

// "Mon 2 Mar"
export function formatDay(iso) {
  const { m, d } = parts(iso);
  return `${WEEKDAYS[weekday(iso)]} ${d} ${MONTHS[m - 1]}`;
}

// "March 2026" from "2026-03"
export function formatMonth(ym) {
  if (!ym) return 'Unknown';
  const [y, m] = ym.split('-').map(Number);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

// "Mar 2026" from "2026-03", for chart axes.
export function formatMonthShort(ym) {
  if (!ym) return '?';
  const [y, m] = ym.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

// "23–25 Nov 2026", "30 Nov – 2 Dec 2026", "Dates unknown"; "(estimated)" when flagged.
export function formatDateRange(start, end, estimated = false) {
  let text;
  if (!start && !end) return 'Dates unknown';
  if (!start || !end || start === end) {
    text = formatDate(start || end);
  } else {
    const a = parts(start);
    const b = parts(end);
    if (a.y === b.y && a.m === b.m) text = `${a.d}–${b.d} ${MONTHS[b.m - 1]} ${b.y}`;
    else if (a.y === b.y) text = `${a.d} ${MONTHS[a.m - 1]} – ${b.d} ${MONTHS[b.m - 1]} ${b.y}`;
    else text = `${formatDate(start)} – ${formatDate(end)}`;
  }
  return estimated ? `${text} (estimated)` : text;
}

// An RFC 3339 instant in the reader's local time: "24 Nov 2026, 14:32".
export function formatInstant(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

// 'zh' for text in Chinese characters (fonts and screen readers follow lang), else null.
export function langOf(text) {
  return /\p{Script=Han}/u.test(text || '') ? 'zh' : null;
}

// ['a', 'b', 'c'] -> "a, b and c"
export function listText(items) {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// 1, 'person' -> "1 person"; 3, 'person', 'people' -> "3 people"; '100+' as it is.
export function count(n, one, many = `${one}s`) {
  return `${typeof n === 'number' ? formatNumber(n) : n} ${n === 1 ? one : many}`;
}

export function formatNumber(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString('en');
}

export function formatPercent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

export function formatAmount(amount, currency) {
  if (amount === null || amount === undefined) return '';
  return `${Number(amount).toLocaleString('en')}${currency ? ` ${currency}` : ''}`;
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

export const LABELS = {
  organization_kind: {
    government: 'Government', intergovernmental: 'Intergovernmental', academic: 'Academic',
    ngo: 'NGO', private: 'Private sector', other: 'Other',
  },
  project_role: {
    lead_funder: 'Lead funder', co_funder: 'Co-funder', implementer: 'Implementer',
    counterpart: 'Counterpart',
  },
  workshop_kind: {
    training: 'Training', workshop: 'Workshop', seminar: 'Seminar', study_tour: 'Study tour',
    conference: 'Conference', meeting: 'Meeting',
  },
  workshop_status: { planned: 'Planned', confirmed: 'Confirmed', held: 'Held', cancelled: 'Cancelled' },
  workshop_role: {
    organizer: 'Organizer', co_organizer: 'Co-organizer', host: 'Host', supporter: 'Supporter',
    trainer: 'Trainer', participating: 'Participating agency',
  },
  gender: { female: 'Female', male: 'Male', other: 'Other', undisclosed: 'Undisclosed' },
  registration_role: {
    participant: 'Participant', trainer: 'Trainer', speaker: 'Speaker', organizer: 'Organizer',
    observer: 'Observer',
  },
  registration_status: {
    invited: 'Invited', registered: 'Registered', attended: 'Attended', no_show: 'No-show',
    cancelled: 'Cancelled',
  },
  attendance: { present: 'Present', late: 'Late', excused: 'Excused', absent: 'Absent' },
  user_role: { admin: 'Administrator', coordinator: 'Coordinator', viewer: 'Viewer', funder: 'Funder' },
  audit_action: {
    create: 'Created', update: 'Updated', delete: 'Deleted', replace: 'Replaced', erase: 'Erased',
  },
  conflict_kind: {
    person: 'Person booked twice', venue: 'Venue booked twice',
    trainer_institution: 'Trainer institution in two cities',
  },
  severity: { conflict: 'Conflict', warning: 'Warning' },
  duplicate_reason: {
    same_native_name_and_organization: 'Same Chinese name in the same organization',
    same_name_and_organization: 'Same name in the same organization',
    same_email: 'Same email', same_phone: 'Same phone',
  },
};

// "lead_funder" -> "Lead funder"; unknown values are humanized, never shown raw.
export function label(kind, value) {
  if (value === null || value === undefined || value === '') return '';
  const known = LABELS[kind] && LABELS[kind][value];
  if (known) return known;
  const text = String(value).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// [[value, label], ...] for a <select>.
export function options(kind) {
  return Object.entries(LABELS[kind]);
}

// A project as a choice in a <select>: [id, 'CBMM — Title'].
export function projectOptions(list) {
  return list.map((p) => [p.id, `${p.code} — ${p.title}`]);
}
