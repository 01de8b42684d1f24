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
import { t } from '../i18n.js';
import { busy, button, notify, notifyProblem } from '../ui.js';
import { agenciesPanel } from './import-agencies.js';
import { chosenFile, errorList, rowsTable, summaryText } from './import-report.js';
import { sentences } from './names.js';

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
  const skip = field({ name: 'skip_invalid', type: 'checkbox', label: t('web.import.skip_invalid') });
  const createAll = field({ name: 'create_organizations', type: 'checkbox', label: t('web.import.create_all') });
  const reason = h('p', { class: 'hint', id: uid('confirm-reason') });
  const confirm = button(t('web.import.confirm'), async (e) => {
    await busy(e.currentTarget, () => send(false));
    updateConfirm();
  }, { kind: 'primary', 'aria-describedby': reason.id });

  // The grid's rows that change nothing are counted in the summary, not listed.
  const shown = (rows) => (kind === 'attendance' ? rows.filter((r) => r.action !== 'unchanged') : rows);
  const caption = () => t(kind === 'attendance' ? 'web.import.rows_changing_caption' : 'web.import.rows_caption');

  const tally = () => {
    const rows = checked?.rows || [];
    return { errors: rows.filter((r) => r.action === 'error').length, unmatched: checked?.summary?.unmatched_organizations?.length || 0 };
  };
  // Confirm waits until the server's answer leaves nothing to decide.
  const updateConfirm = () => {
    const { errors, unmatched } = tally();
    const why = [];
    if (errors && !skip.read()) why.push(t('web.import.why_errors', { n: errors }));
    if (unmatched && !createAll.read()) why.push(t('web.import.why_unmatched', { n: unmatched }));
    confirm.disabled = why.length > 0;
    reason.textContent = why.length ? sentences(why) : t('web.import.nothing_saved_until_confirmed');
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
      rowsTable(shown(answer.rows || []), {
        unmatched: new Set(unmatched.map((u) => u.name)), caption: caption(),
        emptyText: t(kind === 'attendance' && answer.rows?.length ? 'web.import.no_mark_changes' : 'web.import.no_rows'),
      }));
    updateConfirm();
  };

  // After a real run: what was saved, and the rows left out.
  const drawDone = (answer) => {
    const left = answer.rows.filter((r) => r.action === 'error');
    const changed = answer.rows.filter((r) => r.marks?.length);
    mount(out,
      h('p', { class: 'import-summary', tabindex: '-1' }, summaryText(answer.summary || {}, answer.rows, { dryRun: false })),
      changed.length ? rowsTable(changed, { caption: t('web.import.marks_changed_caption') }) : null,
      left.length ? rowsTable(left, { caption: t('web.import.rows_left_out', { n: left.length }) }) : null);
  };

  // after: what was just done to an agency, said before the new dry run's result.
  const send = async (dryRun, { after } = {}) => {
    const file = chosenFile(input);
    if (!file) return;
    try {
      const answer = await upload(workshopId, file, {
        dryRun, skipInvalid: !dryRun && skip.read(), createOrganizations: !dryRun && createAll.read(),
      });
      if (dryRun) {
        checked = answer;
        draw(answer, { dryRun });
        const { errors, unmatched } = tally();
        let result = t('web.import.checked_ok');
        if (errors && unmatched) result = t('web.import.checked_errors_unmatched', { errors, unmatched });
        else if (errors) result = t('web.import.checked_errors', { n: errors });
        else if (unmatched) result = t('web.import.checked_unmatched', { n: unmatched });
        notify(sentences([after, result]), errors && !after ? 'error' : 'info');
        // After mapping an agency: on to the next one, or to the summary.
        if (after) (out.querySelector('.agencies h3') || out.querySelector('.import-summary')).focus();
      } else {
        checked = null;
        finished.set(key, answer);
        drawDone(answer);
        const saved = answer.rows.filter((r) => SAVED.has(r.action)).length;
        const left = answer.rows.filter((r) => r.action === 'error').length;
        notify(kind === 'attendance'
          ? t('web.import.marks_imported', { n: answer.summary?.marks_changed || 0, left })
          : t('web.import.imported', { saved, left }));
        await onDone();
      }
    } catch (problem) {
      // A refused run lists every row; nothing was written.
      if (problem.body?.rows) {
        checked = problem.body;
        draw(problem.body, { dryRun: true });
      }
      notifyProblem(problem, t('web.import.nothing_imported'));
    }
  };

  const done = finished.get(key);
  finished.delete(key);
  const panel = h('details', { class: 'import', open: Boolean(done) },
    h('summary', {}, t(kind === 'registrations' ? 'web.import.list_summary' : 'web.import.grid_summary')),
    h('div', { class: 'field' },
      h('label', { for: id }, t(kind === 'registrations' ? 'web.import.list_file' : 'web.import.grid_file')), input,
      h('p', { class: 'hint' }, t(kind === 'registrations' ? 'web.import.list_hint' : 'web.import.grid_hint'))),
    h('div', { class: 'form-actions' },
      button(t('common.import'), (e) => busy(e.currentTarget, () => send(true))),
      h('span', { class: 'hint' }, t('web.import.checks_first'))),
    out);
  if (done) drawDone(done);
  return panel;
}
