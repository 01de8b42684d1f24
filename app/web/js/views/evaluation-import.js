// Answers imported from a spreadsheet (CSV or Excel): a row per person (found
// by a Person ID, e-mail or name column), a column per item key. "Check the
// file" asks for a dry run and shows what it would do, row by row; "Import
// the answers" then saves them all, or only the valid rows when told to skip
// the others.
import { importResponses } from '../client/evaluations.js';
import { XLSX } from '../client/imports.js';
import { h, mount, uid } from '../dom.js';
import { field } from '../form.js';
import { listText } from '../format.js';
import { t } from '../i18n.js';
import { busy, button, notify, notifyProblem, table } from '../ui.js';
import { chosenFile, errorText } from './import-report.js';
import { personNameNodes, sentences } from './names.js';

const isError = (r) => r.action === 'error';
const isSkipped = (r) => r.action === 'skipped';
const hasAnswers = (r) => r.action === 'set_answers';

// A row's problem: an answer's by the question's key ("q1: must be from 1 to 4").
function problemText(e) {
  const key = /^answers[.[](.+?)\]?$/.exec(e.field || '');
  return key ? t('web.evaluation.grid.item_problem', { key: key[1], message: e.message }) : errorText(e);
}

// The rows in error, each in one line, in sight above the table.
function errorList(rows) {
  const bad = rows.filter(isError);
  if (!bad.length) return null;
  return h('div', { class: 'import-errors' },
    h('p', {}, h('strong', {}, t('web.import.rows_have_errors', { n: bad.length }))),
    h('ul', {}, bad.map((r) => h('li', {}, t('web.evaluation.import.error_line', {
      row: String(r.row), person: [r.full_name, r.native_name].filter(Boolean).join(' ') || '—',
      problems: (r.errors || []).map(problemText).join(t('web.import.problems_separator')),
    })))));
}

// What the run does with a row, in words.
function result(r, dryRun) {
  if (isError(r)) return h('strong', { class: 'error-text' }, t('web.evaluation.import.row_error'));
  if (isSkipped(r)) return t('web.evaluation.import.row_skipped');
  if (!hasAnswers(r)) return t('web.evaluation.import.row_empty');
  return t(dryRun ? 'web.evaluation.import.row_ready' : 'web.evaluation.import.row_saved');
}

function report(answer, dryRun) {
  const rows = answer.rows || [];
  const errors = rows.filter(isError).length;
  const unknown = answer.summary?.unknown_columns || answer.unknown_columns || [];
  const summary = sentences([
    t(dryRun ? 'web.evaluation.import.checked' : 'web.evaluation.import.imported', { n: rows.filter(hasAnswers).length }),
    errors ? t('web.evaluation.import.errors', { n: errors }) : null,
    unknown.length ? t('web.evaluation.import.unknown_columns', { n: unknown.length, names: listText(unknown) }) : null,
  ]);
  return {
    head: [h('p', { class: 'import-summary', tabindex: '-1' }, summary), errorList(rows)],
    rows: table([
      { label: t('web.import.col.row'), cell: (r) => String(r.row), numeric: true },
      {
        label: t('web.registrations.person'),
        cell: (r) => (r.full_name || r.native_name ? personNameNodes(r) : r.person_id ? t('web.import.record_n', { id: r.person_id }) : ''),
        rowHeader: true,
      },
      { label: t('web.import.col.result'), cell: (r) => result(r, dryRun) },
      rows.some((r) => r.errors?.length)
        ? { label: t('web.import.col.problems'), cell: (r) => ((r.errors || []).length ? h('ul', { class: ['plain', 'problems'] }, r.errors.map((e) => h('li', {}, problemText(e)))) : '') }
        : null,
    ].filter(Boolean), rows, { caption: t('web.import.rows_caption'), emptyText: t('web.import.no_rows') }),
  };
}

export function answersImport(workshopId, evaluation, { onDone }) {
  const id = uid('answers-file');
  const input = h('input', { id, type: 'file', accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const out = h('div', {}); // what the file holds, above Import
  const rowsBox = h('div', {}); // its rows, below
  const reason = h('p', { class: 'hint', id: uid('import-reason') });
  const skip = field({ name: 'skip_invalid', type: 'checkbox', label: t('web.import.skip_invalid') });
  const skipBox = h('div', { hidden: true }, skip);
  let errors = null; // the last dry run's rows in error; null: no dry run of this file

  const confirm = button(t('web.evaluation.import.confirm'), (e) => busy(e.currentTarget, () => send(false)),
    { kind: 'primary', disabled: true, 'aria-describedby': reason.id });
  // Import waits for a dry run that leaves nothing to decide.
  const update = () => {
    skipBox.hidden = !errors;
    if (errors === null) {
      confirm.disabled = true;
      reason.textContent = t('web.evaluation.import.check_first');
    } else if (errors && !skip.read()) {
      confirm.disabled = true;
      reason.textContent = t('web.import.why_errors', { n: errors });
    } else {
      confirm.disabled = false;
      reason.textContent = t('web.import.nothing_saved_until_confirmed');
    }
  };
  skip.control.addEventListener('change', update);
  input.addEventListener('change', () => {
    errors = null;
    mount(out);
    mount(rowsBox);
    update();
  });

  const send = async (dryRun) => {
    const file = chosenFile(input);
    if (!file) return;
    try {
      const answer = await importResponses(workshopId, evaluation.id, file, { dryRun, skipInvalid: !dryRun && skip.read() });
      const drawn = report(answer, dryRun);
      mount(out, drawn.head);
      mount(rowsBox, drawn.rows);
      if (dryRun) {
        errors = (answer.rows || []).filter(isError).length;
        notify(errors ? t('web.import.checked_errors', { n: errors }) : t('web.import.checked_ok'), errors ? 'error' : 'info');
      } else {
        errors = null;
        notify(t('web.evaluation.import.done', { n: (answer.rows || []).filter(hasAnswers).length }));
        await onDone();
      }
      update();
      out.querySelector('.import-summary')?.focus();
    } catch (problem) {
      // A refused run lists every row; nothing was saved.
      if (problem.body?.rows) {
        const drawn = report(problem.body, true);
        mount(out, drawn.head);
        mount(rowsBox, drawn.rows);
        errors = problem.body.rows.filter(isError).length;
        update();
      }
      notifyProblem(problem, t('web.import.nothing_imported'));
    }
  };
  update();

  return h('details', { class: 'import' },
    h('summary', {}, t('web.evaluation.import.summary')),
    h('div', { class: 'field' },
      h('label', { for: id }, t('web.evaluation.import.file')), input,
      h('p', { class: 'hint' }, t('web.evaluation.import.hint'))),
    h('div', { class: 'form-actions' },
      button(t('web.evaluation.import.check'), (e) => busy(e.currentTarget, () => send(true)))),
    out,
    h('div', { class: 'import-confirm' }, skipBox, h('div', { class: 'form-actions' }, confirm), reason),
    rowsBox);
}
