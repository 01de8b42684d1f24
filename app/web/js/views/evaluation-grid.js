// Paper forms typed in: a row per participant (for an anonymous
// questionnaire, a row per paper form with the respondent's sex, linked to
// nobody), a box per item, made for typing: Tab moves on, Enter saves the
// row and goes to the next one, the arrows up and down move between rows.
// Each row is saved on its own (a POST of its answers); a refusal is shown
// in the row, and what was typed stays.
import { saveResponse } from '../client/evaluations.js';
import { h, mount, uid } from '../dom.js';
import { ENUMS, label } from '../format.js';
import { language, t } from '../i18n.js';
import { canWrite } from '../session.js';
import { busy, button, empty, notify } from '../ui.js';
import { itemText } from './evaluation-terms.js';
import { personName, personNameNodes, sentences } from './names.js';

// What was typed and not saved, per evaluation and row: kept while the app
// is open (another questionnaire shown, the screen left and opened again).
const drafts = new Map(); // evaluation id -> Map(row key -> {answers: {key: text}, sex})

// Leaving the page would lose it: the browser asks first.
window.addEventListener('beforeunload', (event) => {
  if (![...drafts.values()].some((rows) => rows.size)) return;
  event.preventDefault();
  event.returnValue = '';
});

// What a box holds for a saved answer.
const asText = (value) => (value === null || value === undefined ? '' : String(value));

// What is sent for a typed text: a number for the numbered items (a decimal
// comma read as a point), else the text as typed (the server says what is wrong).
function answerOf(item, text) {
  if (item.type === 'text') return text;
  const plain = text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
}

// What a column takes: "1–5", "1–4", "0–10", "text".
function rangeOf(item) {
  if (item.type === 'likert5') return t('web.evaluation.grid.range', { from: 1, to: 5 });
  if (item.type === 'single_choice') return t('web.evaluation.grid.range', { from: 1, to: item.options.length });
  if (item.type === 'score') return t('web.evaluation.grid.range', { from: 0, to: item.max_score });
  return t('web.evaluation.grid.free_text');
}

// Does a problem's field name this item? ("answers.q2", "answers[q2]", "q2")
const namesItem = (fieldName, key) => fieldName === key || fieldName.endsWith(`.${key}`) || fieldName.endsWith(`[${key}]`)
  || fieldName.endsWith(`/${key}`);

// data: the evaluation's responses ({evaluation, questionnaire, responses});
// people: the participants, each {registration_id, full_name, native_name,
// list_order}; onSaved(): after each saved row.
export function responseGrid({ workshopId, data, people, onSaved }) {
  const { evaluation, questionnaire, responses } = data;
  const { items, anonymous } = questionnaire;
  const editable = canWrite();
  if (!drafts.has(evaluation.id)) drafts.set(evaluation.id, new Map());
  const draft = drafts.get(evaluation.id);
  if (!anonymous && !people.length) return empty(t('web.evaluation.grid.nobody'));

  const rows = [];
  const body = h('tbody', {});
  const tally = h('p', { class: 'grid-tally', 'aria-live': 'polite' });

  const valuesOf = (row) => ({
    answers: Object.fromEntries(items.map((item) => [item.key, row.inputs.get(item.key).value.trim()])),
    sex: row.sex ? row.sex.value : '',
  });
  // (A named response's sex is the person's: only an anonymous form's is typed.)
  const savedText = (row) => ({
    answers: Object.fromEntries(items.map((item) => [item.key, asText(row.saved?.answers?.[item.key])])),
    sex: anonymous ? row.saved?.sex || '' : '',
  });
  const changed = (row) => row.inputs && JSON.stringify(valuesOf(row)) !== JSON.stringify(savedText(row));

  const drawTally = () => {
    const saved = rows.filter((r) => r.saved).length;
    const unsaved = rows.filter((r) => r.inputs && changed(r)).length;
    tally.textContent = anonymous
      ? t('web.evaluation.grid.tally_anonymous', { saved, unsaved })
      : t('web.evaluation.grid.tally', { saved, total: rows.length, unsaved });
  };

  // The row's state in words, next to its Save.
  const setStatus = (row, kind, text) => {
    row.status.className = ['row-status', `row-${kind}`].join(' ');
    row.status.textContent = text;
    row.tr.className = kind === 'error' ? 'row-refused' : '';
  };
  const drawState = (row) => {
    if (row.refused) return;
    if (row.inputs && changed(row)) setStatus(row, 'unsaved', t('web.evaluation.grid.unsaved'));
    else if (row.saved) setStatus(row, 'saved', t('web.evaluation.grid.saved'));
    else setStatus(row, 'blank', '');
  };
  const remember = (row) => {
    if (changed(row)) draft.set(row.key, valuesOf(row));
    else draft.delete(row.key);
  };

  const clearInvalid = (row) => {
    for (const input of row.inputs.values()) input.removeAttribute('aria-invalid');
    row.sex?.removeAttribute('aria-invalid');
  };

  // Saves one row -> true when saved (or nothing to save).
  const save = async (row) => {
    if (row.busy || !row.inputs) return Boolean(row.saved);
    const { answers: typed, sex } = valuesOf(row);
    const answers = {};
    for (const item of items) if (typed[item.key] !== '') answers[item.key] = answerOf(item, typed[item.key]);
    if (!Object.keys(answers).length) {
      // Nothing to send: a blank form is passed over; saved answers are
      // never emptied from here.
      if (row.saved) setStatus(row, 'error', t('web.evaluation.grid.cannot_clear'));
      else setStatus(row, 'blank', t('web.evaluation.grid.nothing_typed'));
      return !row.saved;
    }
    if (!changed(row) && row.saved) return true;
    row.busy = true;
    row.saveButton.disabled = true;
    try {
      const body = anonymous ? { registration_id: null, answers, ...(sex ? { sex } : {}) } : { registration_id: row.person.registration_id, answers };
      const answer = await saveResponse(workshopId, evaluation.id, body);
      row.saved = { answers: answer?.answers || answers, sex: answer?.sex || sex };
      row.from.textContent = '';
      row.refused = false;
      clearInvalid(row);
      draft.delete(row.key);
      // An anonymous form, once saved, is nobody's to change: shown as saved.
      if (anonymous) freeze(row);
      drawState(row);
      drawTally();
      onSaved();
      return true;
    } catch (problem) {
      row.refused = true;
      clearInvalid(row);
      const named = [];
      for (const e of problem.errors || []) {
        const item = items.find((i) => namesItem(e.field || '', i.key));
        if (item) row.inputs.get(item.key).setAttribute('aria-invalid', 'true');
        else if (row.sex && /sex$/.test(e.field || '')) row.sex.setAttribute('aria-invalid', 'true');
        named.push(item ? t('web.evaluation.grid.item_problem', { key: item.key, message: e.message }) : e.message);
      }
      setStatus(row, 'error', sentences([t('common.not_saved'), problem.detail || problem.title || problem.message, ...named]));
      return false;
    } finally {
      row.busy = false;
      if (row.saveButton.isConnected) row.saveButton.disabled = false;
    }
  };

  // A saved anonymous form: its answers as text, nothing to type.
  function freeze(row) {
    const cells = row.tr.querySelectorAll('td.answer-cell');
    items.forEach((item, i) => mount(cells[i], asText(row.saved.answers[item.key])));
    if (row.sexCell) mount(row.sexCell, row.saved.sex ? label('gender', row.saved.sex) : '—');
    row.inputs = null;
    row.sex = null;
    row.saveButton.remove();
  }

  const focusRow = (index, key = items[0].key) => rows[index]?.inputs?.get(key)?.focus();

  const onKey = async (event, row, key) => {
    const index = rows.indexOf(row);
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!(await save(row))) {
        row.tr.querySelector('[aria-invalid=true]')?.focus();
        return;
      }
      // On to the next form; past the last anonymous one, a new row.
      if (index + 1 >= rows.length && anonymous) addRow();
      focusRow(rows.findIndex((r, i) => i > index && r.inputs));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      let next = index + step;
      while (rows[next] && !rows[next].inputs) next += step;
      if (rows[next]) {
        event.preventDefault();
        focusRow(next, key);
      }
    }
  };

  // A row: its head (the person, or "Form 3"), a box per item, its state and Save.
  let fresh = Math.max(0, ...[...draft.keys()].map((k) => Number(k.replace(/^new/, '')) || 0));
  const addRow = (person = null, saved = null, key = null) => {
    const row = { key: key || (person ? `r${person.registration_id}` : `new${fresh += 1}`), person, saved, inputs: null, sex: null };
    const who = person ? personName(person) : t('web.evaluation.grid.form_n', { n: rows.length + 1 });
    const kept = draft.get(row.key);
    row.status = h('span', { class: 'row-status', 'aria-live': 'polite' });
    // Answers the participant gave on their page, or a file brought: said so.
    row.from = h('span', { class: 'row-source' },
      saved?.source === 'participant' ? t('web.evaluation.grid.from_participant') : saved?.source === 'import' ? t('web.evaluation.grid.from_import') : '');
    row.saveButton = button(t('common.save'), (e) => busy(e.currentTarget, () => save(row)), {
      kind: 'secondary', class: 'btn btn-secondary btn-small', 'aria-label': t('web.evaluation.grid.save_row', { name: who }),
    });
    const typing = editable && !(anonymous && saved);
    if (typing) row.inputs = new Map();
    const cells = items.map((item) => {
      const value = kept?.answers?.[item.key] ?? asText(saved?.answers?.[item.key]);
      if (!typing) return h('td', { class: 'answer-cell' }, value);
      const id = uid('answer');
      const input = h('input', {
        id, type: 'text', class: 'answer', value, autocomplete: 'off', spellcheck: false,
        inputmode: item.type === 'text' ? null : 'decimal', 'aria-describedby': null,
      });
      input.setAttribute('aria-label', t('web.evaluation.grid.cell_label', { key: item.key, name: who }));
      input.addEventListener('input', () => {
        row.refused = false;
        remember(row);
        drawState(row);
        drawTally();
      });
      input.addEventListener('keydown', (event) => onKey(event, row, item.key));
      row.inputs.set(item.key, input);
      return h('td', { class: ['answer-cell', item.type === 'text' ? 'answer-text' : null] },
        h('label', { for: id, class: 'cell-label' }, item.key), input);
    });
    let sexCell = null;
    if (anonymous) {
      const sexValue = kept?.sex ?? saved?.sex ?? '';
      if (typing) {
        const id = uid('sex');
        row.sex = h('select', { id, 'aria-label': t('web.evaluation.grid.sex_of', { name: who }) },
          h('option', { value: '' }, '—'), ENUMS.gender.map((g) => h('option', { value: g }, label('gender', g))));
        row.sex.value = sexValue;
        row.sex.addEventListener('change', () => { remember(row); drawState(row); drawTally(); });
        sexCell = h('td', { class: 'sex-cell' }, h('label', { for: id, class: 'cell-label' }, t('web.evaluation.grid.sex')), row.sex);
      } else {
        sexCell = h('td', { class: 'sex-cell' }, sexValue ? label('gender', sexValue) : '—');
      }
      row.sexCell = sexCell;
    }
    row.tr = h('tr', {},
      h('th', { scope: 'row' }, person ? [
        person.list_order !== null && person.list_order !== undefined ? h('span', { class: 'list-no' }, String(person.list_order)) : null,
        personNameNodes(person, { stacked: true })] : who),
      sexCell, cells,
      h('td', { class: 'row-end' }, typing ? row.saveButton : null, row.status, row.from));
    rows.push(row);
    body.append(row.tr);
    drawState(row);
    drawTally();
    return row;
  };

  if (anonymous) {
    // The forms saved already (linked to nobody), then new rows to type into.
    responses.forEach((r, i) => addRow(null, { answers: r.answers, sex: r.sex, source: r.source }, `saved${r.id ?? i}`));
    const typed = [...draft.keys()].filter((k) => k.startsWith('new')).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
    for (const key of typed) addRow(null, null, key);
    for (let i = typed.length; editable && i < 5; i += 1) addRow();
  } else {
    const byRegistration = new Map(responses.map((r) => [r.registration_id, r]));
    for (const person of people) {
      const r = byRegistration.get(person.registration_id);
      addRow(person, r ? { answers: r.answers, sex: r.sex, source: r.source } : null);
    }
  }

  const saveAll = button(t('web.evaluation.grid.save_all'), (e) => busy(e.currentTarget, async () => {
    const waiting = rows.filter((r) => r.inputs && changed(r));
    let saved = 0;
    for (const row of waiting) if (await save(row)) saved += 1;
    notify(t('web.evaluation.grid.saved_all', { saved, refused: waiting.length - saved }), saved === waiting.length ? 'success' : 'error');
  }), { kind: 'primary' });
  const more = anonymous && editable ? button(t('web.evaluation.grid.add_form'), () => {
    const row = addRow();
    row.inputs.get(items[0].key).focus();
  }) : null;

  const head = h('tr', {},
    h('th', { scope: 'col' }, anonymous ? t('web.evaluation.grid.paper_form') : t('web.evaluation.grid.participant')),
    anonymous ? h('th', { scope: 'col' }, t('web.evaluation.grid.sex')) : null,
    items.map((item) => h('th', { scope: 'col', class: 'item-head', title: itemText(item) },
      h('span', { class: 'item-key' }, item.key),
      h('span', { class: 'item-text', lang: language() === 'zh' ? 'zh-CN' : null }, itemText(item)),
      h('span', { class: 'item-range' }, rangeOf(item)))),
    h('th', { scope: 'col' }, t('web.evaluation.grid.state')));
  return h('div', { class: 'answer-grid-box' },
    editable ? h('p', { class: 'hint' }, t(anonymous ? 'web.evaluation.grid.hint_anonymous' : 'web.evaluation.grid.hint')) : null,
    h('div', { class: 'table-wrap grid-wrap', tabindex: '0', role: 'region', 'aria-label': t('web.evaluation.grid.caption') },
      h('table', { class: 'grid answer-grid' },
        h('caption', { class: 'visually-hidden' }, t('web.evaluation.grid.caption')),
        h('thead', {}, head), body)),
    h('div', { class: 'grid-actions' }, editable ? saveAll : null, more, tally));
}
