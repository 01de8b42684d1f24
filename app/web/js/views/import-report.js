// What an import did, or would do: the summary in words and every row with
// the person's names and all its problems; and the file it is of.
import { h } from '../dom.js';
import { formatDate, label, langOf, listText } from '../format.js';
import { t, tParts } from '../i18n.js';
import { notify, table } from '../ui.js';
import { personNameNodes, sentences } from './names.js';

// What the run does with a row.
const ACTIONS = {
  create_person: 'web.import.action.create_person',
  match_person: 'web.import.action.match_person',
  already_registered: 'web.import.action.already_registered',
  set_marks: 'web.import.action.set_marks',
  set_answers: 'web.import.action.set_answers',
  unchanged: 'web.import.action.unchanged',
  error: 'web.import.action.error',
  skipped: 'web.import.action.skipped',
};

// The file chosen in a file input; null, when none is, after asking for one
// (the input focused).
export function chosenFile(input) {
  const file = input.files[0];
  if (!file) {
    notify(t('web.import.choose_file'), 'error');
    input.focus();
  }
  return file || null;
}

// The summary's counts, in the order a coordinator reads them (the grid's
// rows that set marks are counted by the marks they change, below).
const COUNTED = [
  ['create_person', 'web.import.count.create_person'],
  ['match_person', 'web.import.count.match_person'],
  ['already_registered', 'web.import.count.already_registered'],
  ['unchanged', 'web.import.count.unchanged'],
];

// The columns as the list names them, for the problems of a row.
const FIELDS = {
  full_name: 'web.import.field.full_name',
  native_name: 'web.import.field.native_name',
  gender: 'web.import.field.gender',
  organization: 'web.import.field.organization',
  organization_id: 'web.import.field.organization',
  position: 'web.import.field.position',
  province: 'web.import.field.province',
  email: 'web.import.field.email',
  phone: 'web.import.field.phone',
  role: 'web.import.field.role',
  status: 'web.import.field.status',
  list_order: 'web.import.field.list_order',
  person_id: 'web.import.field.person_id',
};

// "Checked, nothing saved yet: 12 rows — 9 new people, 1 already known, 1
// duplicate within the file … and column 备注 ignored."
export function summaryText(summary, rows, { dryRun }) {
  const actions = summary.actions || {};
  const n = (action) => actions[action] ?? rows.filter((r) => r.action === action).length;
  // A person a second time in the file is answered "already registered": told apart here.
  const repeats = Math.min(summary.duplicates_in_file || 0, n('already_registered'));
  const counted = (action) => n(action) - (action === 'already_registered' ? repeats : 0);
  const parts = COUNTED.filter(([action]) => counted(action)).map(([action, key]) => t(key, { n: counted(action) }));
  if (repeats) parts.push(t('web.import.count.duplicates', { n: repeats }));
  if (summary.marks_changed) parts.unshift(t(dryRun ? 'web.import.count.marks_to_change' : 'web.import.count.marks_changed', { n: summary.marks_changed }));
  if (n('error')) parts.push(t(dryRun ? 'web.import.count.errors' : 'web.import.count.errors_left_out', { n: n('error') }));
  const unmatched = summary.unmatched_organizations?.length || 0;
  if (unmatched) parts.push(t('web.import.count.unmatched', { n: unmatched }));
  const created = summary.organizations_created;
  if (Array.isArray(created) && created.length) {
    parts.push(t(dryRun ? 'web.import.count.orgs_to_create' : 'web.import.count.orgs_created',
      { n: created.length, names: listText(created.map((o) => o.name)) }));
  }
  const unknown = summary.unknown_columns || [];
  if (unknown.length) parts.push(t('web.import.count.unknown_columns', { n: unknown.length, names: listText(unknown) }));
  const read = rows.filter((r) => r.action !== 'skipped').length;
  const skipped = n('skipped');
  let header = null;
  if (summary.header_row > 1) {
    header = skipped
      ? t('web.import.header_row_skipped', { row: String(summary.header_row), n: skipped })
      : t('web.import.header_row', { row: String(summary.header_row) });
  }
  const main = parts.length
    ? t(dryRun ? 'web.import.summary_checked_details' : 'web.import.summary_imported_details', { n: read, details: listText(parts) })
    : t(dryRun ? 'web.import.summary_checked' : 'web.import.summary_imported', { n: read });
  return sentences([main, header]);
}

// The rows in error, each in one line: in sight above a long table, and on a phone.
export function errorList(rows) {
  const bad = rows.filter((r) => r.action === 'error');
  if (!bad.length) return null;
  return h('div', { class: 'import-errors' },
    h('p', {}, h('strong', {}, t('web.import.rows_have_errors', { n: bad.length }))),
    h('ul', {}, bad.map((r) => {
      const row = r.list_order !== null && r.list_order !== undefined
        ? t('web.import.row_n_order', { row: String(r.row), order: String(r.list_order) })
        : t('web.import.row_n', { row: String(r.row) });
      const problems = (r.errors || []).map(errorText).join(t('web.import.problems_separator'));
      return h('li', {}, r.full_name || r.native_name
        ? tParts('web.import.error_line', { row, person: personCell(r), problems })
        : t('web.import.error_line_no_name', { row, problems }));
    })));
}

export function errorText(e) {
  if (typeof e === 'string') return e;
  if (!e.field) return e.message;
  const field = FIELDS[e.field] ? t(FIELDS[e.field]) : e.field;
  return t('web.import.field_problem', { field, message: e.message });
}

// unmatched: the agencies' names not recognised, marked in their rows.
export function rowsTable(rows, { unmatched = new Set(), caption = t('web.import.rows_caption'), emptyText = t('web.import.no_rows') } = {}) {
  const withNames = rows.some((r) => r.full_name || r.native_name);
  const withOrder = rows.some((r) => r.list_order !== null && r.list_order !== undefined);
  const withAgency = rows.some((r) => r.organization);
  const columns = [
    { label: t('web.import.col.row'), cell: (r) => String(r.row), numeric: true },
    withOrder ? { label: t('web.registrations.list_order'), cell: (r) => String(r.list_order ?? ''), numeric: true } : null,
    { label: withNames ? t('web.registrations.name') : t('web.registrations.person'), cell: (r) => personCell(r), rowHeader: true },
    withAgency ? {
      label: t('web.import.col.agency'),
      cell: (r) => (r.organization ? [h('span', { lang: langOf(r.organization) }, r.organization),
        unmatched.has(r.organization) ? h('span', { class: 'cell-note' }, t('web.import.not_recognised')) : null] : ''),
    } : null,
    { label: t('web.import.col.result'), cell: (r) => result(r, rows) },
    rows.some((r) => r.errors?.length) ? { label: t('web.import.col.problems'), cell: (r) => ((r.errors || []).length ? h('ul', { class: ['plain', 'problems'] }, r.errors.map((e) => h('li', {}, errorText(e)))) : '') } : null,
  ].filter(Boolean);
  return table(columns, rows, { caption, emptyText });
}

// What the run does with a row: the grid's marks it changes, each from what to
// what ("7 Sept 2026: Absent → Present"); a person the run would create,
// already registered: an earlier row of the file names them.
function result(r, rows) {
  if (r.action === 'error') return h('strong', { class: 'error-text' }, t(ACTIONS.error));
  if (r.marks?.length) return h('ul', { class: 'plain' }, r.marks.map((m) => h('li', {}, markChange(m))));
  if (r.action === 'already_registered' && !r.person_id) {
    const first = rows.find((x) => x.row < r.row && x.full_name === r.full_name && x.native_name === r.native_name);
    if (first) return t('web.import.repeats_row', { row: String(first.row) });
  }
  return ACTIONS[r.action] ? t(ACTIONS[r.action]) : r.action;
}

export function markChange(m) {
  const args = { date: formatDate(m.date), from: m.from ? label('attendance', m.from) : '', to: label('attendance', m.to) };
  return t(m.from ? 'web.import.mark_change' : 'web.import.mark_new', args);
}

// "WANG Fang 王芳" (in Chinese: "王芳"), linked once the person exists.
function personCell(r) {
  if (r.action === 'skipped') return '';
  const names = personNameNodes(r);
  if (r.person_id) return h('a', { href: `#/people/${r.person_id}` }, names.length && names[0] ? names : t('web.import.record_n', { id: r.person_id }));
  return names.length && names[0] ? h('span', {}, names) : h('span', { class: 'muted' }, t('web.import.no_name'));
}
