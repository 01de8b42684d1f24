// What an import did, or would do: the summary in words and every row with
// the person's names and all its problems.
import { h } from '../dom.js';
import { count, langOf, listText } from '../format.js';
import { table } from '../ui.js';

const ACTIONS = {
  create_person: 'New person', match_person: 'Known person', already_registered: 'Already registered',
  set_marks: 'Marks to set', unchanged: 'Unchanged', error: 'Error', skipped: 'Skipped (above the headers)',
};

// The summary's counts, in the order a coordinator reads them: [action, one, many].
const COUNTED = [
  ['create_person', 'new person', 'new people'], ['match_person', 'already known', 'already known'],
  ['already_registered', 'already registered', 'already registered'],
  ['set_marks', 'row with marks to set', 'rows with marks to set'], ['unchanged', 'row unchanged', 'rows unchanged'],
];

// The columns as the list names them, for the problems of a row.
const FIELDS = {
  full_name: 'Name', native_name: 'Chinese name', gender: 'Gender', organization: 'Agency', organization_id: 'Agency',
  position: 'Position', province: 'Province', email: 'Email', phone: 'Phone', role: 'Role', status: 'Status',
  list_order: 'No.', person_id: 'Person',
};

// "Checked, nothing saved yet: 12 rows — 9 new people, 1 already known, 1
// duplicate within the file, … column 备注 ignored."
export function summaryText(summary, rows, { dryRun }) {
  const actions = summary.actions || {};
  const n = (action) => actions[action] ?? rows.filter((r) => r.action === action).length;
  // A person a second time in the file is answered "already registered": told apart here.
  const repeats = Math.min(summary.duplicates_in_file || 0, n('already_registered'));
  const counted = (action) => n(action) - (action === 'already_registered' ? repeats : 0);
  const parts = COUNTED.filter(([action]) => counted(action)).map(([action, one, many]) => count(counted(action), one, many));
  if (repeats) parts.push(count(repeats, 'duplicate within the file', 'duplicates within the file'));
  if (summary.marks_changed) parts.push(count(summary.marks_changed, `mark ${dryRun ? 'to change' : 'changed'}`, `marks ${dryRun ? 'to change' : 'changed'}`));
  if (n('error')) parts.push(count(n('error'), `row with errors${dryRun ? '' : ' left out'}`, `rows with errors${dryRun ? '' : ' left out'}`));
  const unmatched = summary.unmatched_organizations?.length || 0;
  if (unmatched) parts.push(count(unmatched, 'agency not recognised', 'agencies not recognised'));
  const created = summary.organizations_created;
  if (Array.isArray(created) && created.length) {
    parts.push(`${count(created.length, 'organization', 'organizations')} ${dryRun ? 'to create' : 'created'} (${listText(created.map((o) => o.name))})`);
  }
  const unknown = summary.unknown_columns || [];
  if (unknown.length) parts.push(`${unknown.length === 1 ? 'column' : 'columns'} ${listText(unknown)} ignored`);
  const read = count(rows.filter((r) => r.action !== 'skipped').length, 'row');
  const skipped = n('skipped');
  const header = summary.header_row > 1
    ? ` Headers found in row ${summary.header_row}${skipped ? `; ${skipped === 1 ? 'the row' : `the ${skipped} rows`} above them skipped` : ''}.` : '';
  return `${dryRun ? 'Checked, nothing saved yet' : 'Imported'}: ${read}${parts.length ? ` — ${parts.join(', ')}` : ''}.${header}`;
}

// The rows in error, each in one line: in sight above a long table, and on a phone.
export function errorList(rows) {
  const bad = rows.filter((r) => r.action === 'error');
  if (!bad.length) return null;
  return h('div', { class: 'import-errors' },
    h('p', {}, h('strong', {}, `${count(bad.length, 'row has', 'rows have')} errors:`)),
    h('ul', {}, bad.map((r) => h('li', {},
      `Row ${r.row}${r.list_order !== null && r.list_order !== undefined ? ` (No. ${r.list_order})` : ''}`,
      r.full_name || r.native_name ? [', ', personCell(r)] : null, ': ',
      (r.errors || []).map(errorText).join('; ')))));
}

export function errorText(e) {
  if (typeof e === 'string') return e;
  return e.field ? `${FIELDS[e.field] || e.field}: ${e.message}` : e.message;
}

// unmatched: the agencies' names not recognised, marked in their rows.
export function rowsTable(rows, { unmatched = new Set(), caption = 'Rows of the file' } = {}) {
  const withNames = rows.some((r) => r.full_name || r.native_name);
  const withOrder = rows.some((r) => r.list_order !== null && r.list_order !== undefined);
  const withAgency = rows.some((r) => r.organization);
  const columns = [
    { label: 'Row', cell: (r) => String(r.row), numeric: true },
    withOrder ? { label: 'No.', cell: (r) => String(r.list_order ?? ''), numeric: true } : null,
    { label: withNames ? 'Name' : 'Person', cell: (r) => personCell(r), rowHeader: true },
    withAgency ? {
      label: 'Agency',
      cell: (r) => (r.organization ? [h('span', { lang: langOf(r.organization) }, r.organization),
        unmatched.has(r.organization) ? h('span', { class: 'cell-note' }, 'not recognised') : null] : ''),
    } : null,
    { label: 'Result', cell: (r) => result(r, rows) },
    { label: 'Problems', cell: (r) => ((r.errors || []).length ? h('ul', { class: 'plain problems' }, r.errors.map((e) => h('li', {}, errorText(e)))) : '') },
  ].filter(Boolean);
  return table(columns, rows, { caption, emptyText: 'The file has no rows.' });
}

// A person the run would create, already registered: an earlier row of the file names them.
function result(r, rows) {
  if (r.action === 'error') return h('strong', { class: 'error-text' }, ACTIONS.error);
  if (r.action === 'already_registered' && !r.person_id) {
    const first = rows.find((x) => x.row < r.row && x.full_name === r.full_name && x.native_name === r.native_name);
    if (first) return `Repeats row ${first.row}`;
  }
  return ACTIONS[r.action] || r.action;
}

// "WANG Fang 王芳", linked once the person exists.
function personCell(r) {
  if (r.action === 'skipped') return '';
  const names = [r.full_name, r.native_name && r.native_name !== r.full_name ? h('span', { lang: 'zh' }, r.native_name) : null]
    .filter(Boolean).flatMap((x, i) => (i ? [' ', x] : [x]));
  if (r.person_id) return h('a', { href: `#/people/${r.person_id}` }, names.length ? names : `Record ${r.person_id}`);
  return names.length ? h('span', {}, names) : h('span', { class: 'muted' }, 'no name');
}
