// Imports into a workshop from a spreadsheet: the participant list, or the
// sign-in grid filled in on paper or in Excel. "Import" asks the server for a
// dry run and shows what it would do: the summary in words, the agencies a
// list names that match no organization (map or create each, and the dry run
// runs again), every row with its problems. "Confirm import" then writes all
// rows or none; or the valid rows only, when the coordinator says to skip
// the others.
import { XLSX, importAttendance, importParticipants } from '../client/imports.js';
import { h, mount, uid } from '../dom.js';
import { field } from '../form.js';
import { count } from '../format.js';
import { busy, button, notify, notifyProblem } from '../ui.js';
import { agenciesPanel } from './import-agencies.js';
import { errorList, rowsTable, summaryText } from './import-report.js';

const SAVED = new Set(['create_person', 'match_person', 'already_registered', 'set_marks', 'unchanged']);

// A real run's answer, shown once in the panel drawn when the page refreshes.
const finished = new Map(); // "kind:workshop id" -> answer

export function importPanel(workshopId, { kind, onDone }) {
  const upload = kind === 'registrations' ? importParticipants : importAttendance;
  const key = `${kind}:${workshopId}`;
  const id = uid('import-file');
  const input = h('input', { id, type: 'file', accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const out = h('div', {});
  let checked = null; // the last dry run's answer (or a refused run's)

  // The real run's choices, kept across dry runs of the same file.
  const skip = field({ name: 'skip_invalid', type: 'checkbox', label: 'Save the valid rows and skip the rows with errors' });
  const createAll = field({ name: 'create_organizations', type: 'checkbox', label: 'Create every agency not recognised as a new organization of kind Other' });
  const reason = h('p', { class: 'hint', id: uid('confirm-reason') });
  const confirm = button('Confirm import', async (e) => {
    await busy(e.currentTarget, () => send(false));
    updateConfirm();
  }, { kind: 'primary', 'aria-describedby': reason.id });

  const tally = () => {
    const rows = checked?.rows || [];
    return { errors: rows.filter((r) => r.action === 'error').length, unmatched: checked?.summary?.unmatched_organizations?.length || 0 };
  };
  // Confirm waits until the server's answer leaves nothing to decide.
  const updateConfirm = () => {
    const { errors, unmatched } = tally();
    const why = [];
    if (errors && !skip.read()) {
      why.push(`${count(errors, 'row has', 'rows have')} errors: correct the file and choose it again, or tick “Save the valid rows and skip the rows with errors”.`);
    }
    if (unmatched && !createAll.read()) {
      why.push(`Map or create the ${count(unmatched, 'agency', 'agencies')} not recognised, or tick “Create every agency not recognised…”.`);
    }
    confirm.disabled = why.length > 0;
    reason.textContent = why.length ? why.join(' ') : 'Nothing is saved until you confirm.';
  };
  skip.control.addEventListener('change', updateConfirm);
  createAll.control.addEventListener('change', updateConfirm);
  input.addEventListener('change', () => {
    checked = null;
    mount(out);
  });

  const draw = (answer, { dryRun }) => {
    const unmatched = answer.summary?.unmatched_organizations || [];
    const { errors } = tally();
    mount(out,
      h('p', { class: 'import-summary', tabindex: '-1' }, summaryText(answer.summary || {}, answer.rows, { dryRun })),
      errorList(answer.rows || []),
      unmatched.length ? agenciesPanel(unmatched, { onResolved: (done) => send(true, { after: done }) }) : null,
      h('div', { class: 'import-confirm' },
        errors ? skip : null,
        unmatched.length ? createAll : null,
        h('div', { class: 'form-actions' }, confirm),
        reason),
      rowsTable(answer.rows || [], { unmatched: new Set(unmatched.map((u) => u.name)) }));
    updateConfirm();
  };

  // After a real run: what was saved, and the rows left out.
  const drawDone = (answer) => {
    const left = answer.rows.filter((r) => r.action === 'error');
    mount(out,
      h('p', { class: 'import-summary', tabindex: '-1' }, summaryText(answer.summary || {}, answer.rows, { dryRun: false })),
      left.length ? rowsTable(left, { caption: `Rows left out (${left.length})` }) : null);
  };

  // after: what was just done to an agency, said before the new dry run's result.
  const send = async (dryRun, { after } = {}) => {
    const file = input.files[0];
    if (!file) {
      notify('Choose a file first.', 'error');
      input.focus();
      return;
    }
    try {
      const answer = await upload(workshopId, file, {
        dryRun, skipInvalid: !dryRun && skip.read(), createOrganizations: !dryRun && createAll.read(),
      });
      if (dryRun) {
        checked = answer;
        draw(answer, { dryRun });
        const { errors, unmatched } = tally();
        const parts = [
          errors ? `${count(errors, 'row has', 'rows have')} errors` : null,
          unmatched ? `${count(unmatched, 'agency', 'agencies')} not recognised` : null,
        ].filter(Boolean);
        const result = parts.length ? `${parts.join('; ')}. Nothing was saved.` : 'File checked: nothing saved yet. Confirm the import if the rows look right.';
        notify(after ? `${after} ${result}` : result, errors && !after ? 'error' : 'info');
        // After mapping an agency: on to the next one, or to the summary.
        if (after) (out.querySelector('.agencies h3') || out.querySelector('.import-summary')).focus();
      } else {
        checked = null;
        finished.set(key, answer);
        drawDone(answer);
        const saved = answer.rows.filter((r) => SAVED.has(r.action)).length;
        const left = answer.rows.filter((r) => r.action === 'error').length;
        notify(`Imported ${count(saved, 'row')}.${left ? ` ${count(left, 'row')} with errors left out.` : ''}`);
        await onDone();
      }
    } catch (problem) {
      // A refused run lists every row; nothing was written.
      if (problem.body?.rows) {
        checked = problem.body;
        draw(problem.body, { dryRun: true });
      }
      notifyProblem(problem, 'Nothing imported');
    }
  };

  const done = finished.get(key);
  finished.delete(key);
  const panel = h('details', { class: 'import', open: Boolean(done) },
    h('summary', {}, kind === 'registrations' ? 'Import a participant list (CSV or Excel)' : 'Import the sign-in grid (CSV or Excel)'),
    h('div', { class: 'field' },
      h('label', { for: id }, kind === 'registrations' ? 'Participant list (CSV or Excel)' : 'Sign-in grid (CSV or Excel)'), input,
      h('p', { class: 'hint' }, kind === 'registrations'
        ? 'The list as the host agency sends it: a title above the headers is fine. Columns by their header, in English or Chinese: 序号/No., 姓名/Name, 中文名/Native name, 性别/Gender, 单位/Agency, 职务/Position, 省份/Province, 邮箱/Email, 电话/手机/Phone, Role.'
        : 'One row per person, one column per session headed by its date (YYYY-MM-DD), cells P, L, E or A.')),
    h('div', { class: 'form-actions' },
      button('Import', (e) => busy(e.currentTarget, () => send(true))),
      h('span', { class: 'hint' }, 'Checks the file first: nothing is saved until you confirm.')),
    out);
  if (done) drawDone(done);
  return panel;
}
