// Imports into a workshop from a spreadsheet: the participant list, or the
// sign-in grid filled in on paper or in Excel. "Import" asks the server for a
// dry run and shows what each row would do; "Confirm import" then writes all
// rows or none. Offered once the server has the import routes.
import { api } from '../api.js';
import { h, mount, uid } from '../dom.js';
import { hasRoute } from '../server-features.js';
import { busy, button, notify, notifyProblem, table } from '../ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACTIONS = {
  create_person: 'New person', match_person: 'Known person', already_registered: 'Already registered', error: 'Error',
};

export async function importPanel(workshopId, { kind, onDone }) {
  const path = kind === 'registrations'
    ? '/api/v1/workshops/{id}/registrations/import' : '/api/v1/workshops/{id}/attendance/import';
  if (!(await hasRoute('post', path))) return null;
  const target = path.replace('{id}', workshopId);
  const id = uid('import-file');
  const input = h('input', { id, type: 'file', accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const out = h('div', { 'aria-live': 'polite' });
  // Offered only after a dry run without errors (a span: buttons' CSS
  // display would override `hidden` on the button itself).
  const confirm = h('span', { hidden: true },
    button('Confirm import', (e) => busy(e.currentTarget, () => send(false)), { kind: 'primary' }));
  input.addEventListener('change', () => { confirm.hidden = true; mount(out); });

  const send = async (dryRun) => {
    const file = input.files[0];
    if (!file) {
      notify('Choose a file first.', 'error');
      input.focus();
      return;
    }
    const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    try {
      const answer = await api.upload(target, file, type, { dry_run: String(dryRun) });
      mount(out, rowsTable(answer.rows));
      if (dryRun) {
        const errors = answer.rows.filter((r) => r.action === 'error').length;
        confirm.hidden = errors > 0;
        notify(errors
          ? `${errors} row${errors === 1 ? ' has' : 's have'} errors: correct the file and import it again. Nothing was saved.`
          : 'File checked: nothing saved yet. Confirm the import if the rows look right.', errors ? 'error' : 'info');
      } else {
        confirm.hidden = true;
        notify(`Imported ${answer.rows.length} row${answer.rows.length === 1 ? '' : 's'}.`);
        await onDone();
      }
    } catch (problem) {
      // A refused import lists every row; nothing was written.
      if (problem.body?.rows) mount(out, rowsTable(problem.body.rows));
      notifyProblem(problem, 'Nothing imported');
    }
  };

  return h('details', { class: 'import' },
    h('summary', {}, kind === 'registrations' ? 'Import a participant list (CSV or Excel)' : 'Import the sign-in grid (CSV or Excel)'),
    h('div', { class: 'field' },
      h('label', { for: id }, kind === 'registrations' ? 'Participant list (CSV or Excel)' : 'Sign-in grid (CSV or Excel)'), input,
      h('p', { class: 'hint' }, kind === 'registrations'
        ? 'Columns by their header, in English or Chinese: Full name/姓名, Native name, Gender/性别, Organization/单位, Position, Province, Email, Phone, Role.'
        : 'One row per person, one column per session headed by its date (YYYY-MM-DD), cells P, L, E or A.')),
    h('div', { class: 'form-actions' },
      button('Import', (e) => busy(e.currentTarget, () => send(true))),
      confirm),
    out);
}

function rowsTable(rows) {
  return table([
    { label: 'Row', cell: (r) => String(r.row), numeric: true },
    { label: 'Action', cell: (r) => ACTIONS[r.action] || r.action },
    { label: 'Person', cell: (r) => (r.person_id ? h('a', { href: `#/people/${r.person_id}` }, `Person ${r.person_id}`) : '') },
    { label: 'Problems', cell: (r) => (r.errors || []).map((e) => (typeof e === 'string' ? e : `${e.field}: ${e.message}`)).join('; ') },
  ], rows || [], { emptyText: 'The file has no rows.' });
}
