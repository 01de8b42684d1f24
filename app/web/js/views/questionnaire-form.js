// A questionnaire's editor (a reaction survey, a knowledge test used before
// and after a workshop, a follow-up survey): its kind, titles, anonymity and
// items, every item in English and Chinese. Items are added, removed and
// moved; their fields are named after the body's path ("items[1].native_text",
// "items[0].options[2].text") so the server's errors land next to them, and a
// refused save keeps everything typed.
import { getProject } from '../client/projects.js';
import {
  createQuestionnaire, deleteQuestionnaire, getQuestionnaire, updateQuestionnaire,
} from '../client/questionnaires.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount, uid } from '../dom.js';
import { changes, field, fields, form } from '../form.js';
import { formatNumber, label } from '../format.js';
import { language, t } from '../i18n.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { button, details, linkButton, notify, pageHeader, section, table } from '../ui.js';
import { questionnaireTitle } from './evaluation-terms.js';
import { inLang } from './names.js';

// The type a new item starts as, by the questionnaire's kind.
const FIRST_TYPE = { reaction: 'likert5', knowledge_test: 'single_choice', follow_up: 'likert5' };

// What each kind and each item type is for (keys written whole: the catalogs' test finds them).
const KIND_HINTS = {
  reaction: 'web.questionnaire.kind_hint.reaction',
  knowledge_test: 'web.questionnaire.kind_hint.knowledge_test',
  follow_up: 'web.questionnaire.kind_hint.follow_up',
};
const TYPE_HINTS = {
  likert5: 'web.questionnaire.type_hint.likert5',
  single_choice: 'web.questionnaire.type_hint.single_choice',
  score: 'web.questionnaire.type_hint.score',
  text: 'web.questionnaire.type_hint.text',
};

// #/projects/:id/questionnaires/new[?kind=]
export async function newQuestionnaireView({ params, query, root }) {
  const project = await getProject(params.id);
  const kind = ['reaction', 'knowledge_test', 'follow_up'].includes(query.get('kind')) ? query.get('kind') : 'reaction';
  await editor(root, project, { project_id: project.id, kind, anonymous: kind === 'reaction', items: [] });
}

// #/questionnaires/:id
export async function questionnaireView({ params, root }) {
  const q = await getQuestionnaire(params.id);
  const project = await getProject(q.project_id);
  await editor(root, project, q);
}

// The editor's form has its own way back; the read-only page has it here.
function header(project, q) {
  const actions = canWrite() ? [] : [linkButton(t('web.project.back_to_project'), `#/projects/${project.id}?section=questionnaires`)];
  if (!q.id) return pageHeader(t('web.questionnaire.new_title', { code: project.code }), { actions });
  const other = language() === 'zh' ? (q.native_title ? q.title : '') : q.native_title;
  return pageHeader(t('web.questionnaire.heading', { title: questionnaireTitle(q) }), {
    subtitle: [other, t('web.questionnaire.of_project', { code: project.code }), label('questionnaire_kind', q.kind)].filter(Boolean).join(' · '),
    actions,
  });
}

async function editor(root, project, q) {
  if (!canWrite()) {
    mount(root, header(project, q), readOnly(q));
    return;
  }
  const editing = Boolean(q.id);
  const kind = field({
    name: 'kind', label: t('web.questionnaire.kind'), type: 'select', options: 'questionnaire_kind', value: q.kind, hint: t(KIND_HINTS[q.kind]), class: 'wide',
  });
  const anonymous = field({
    name: 'anonymous', label: t('web.questionnaire.anonymous'), type: 'checkbox', value: q.anonymous, hint: t('web.questionnaire.anonymous_hint'),
  });
  // A new questionnaire is anonymous when it is a reaction survey, until the
  // coordinator decides otherwise.
  let anonymousChosen = editing;
  anonymous.control.addEventListener('change', () => { anonymousChosen = true; });
  const items = itemList(q.items, () => kind.read());
  kind.control.addEventListener('change', () => {
    const k = kind.read();
    kind.querySelector('.hint').textContent = t(KIND_HINTS[k]);
    if (!anonymousChosen) anonymous.control.checked = k === 'reaction';
    items.followKind(FIRST_TYPE[k]);
  });

  mount(root,
    header(project, q),
    form({
      submitLabel: editing ? t('web.questionnaire.save') : t('web.questionnaire.create'),
      class: 'questionnaire-form',
      cancel: h('a', { href: `#/projects/${project.id}?section=questionnaires`, class: 'btn btn-secondary' }, t('web.project.back_to_project')),
      onSubmit: async (values) => {
        const body = {
          // An empty title is '' (the server: "is required"), an empty Chinese one null (none).
          kind: values.kind, title: values.title ?? '', native_title: values.native_title, anonymous: values.anonymous, items: items.read(),
        };
        const saved = editing ? await updateQuestionnaire(q.id, changes(body, q)) : await createQuestionnaire(project.id, body);
        notify(t(editing ? 'web.questionnaire.saved' : 'web.questionnaire.created', { title: questionnaireTitle(saved) }));
        navigate(`/projects/${project.id}`, { section: 'questionnaires' });
      },
    },
    fields(kind, anonymous),
    fields(
      field({ name: 'title', label: t('web.questionnaire.title_en'), value: q.title, class: 'wide' }),
      field({ name: 'native_title', label: t('web.questionnaire.title_zh'), value: q.native_title, lang: 'zh', class: 'wide' })),
    items),
    editing ? h('div', { class: 'danger-zone' }, button(t('web.questionnaire.delete'), (e) => deleteFromPage(e.currentTarget, {
      question: t('web.questionnaire.delete_confirm', { title: questionnaireTitle(q) }),
      confirmLabel: t('web.questionnaire.delete'),
      remove: () => deleteQuestionnaire(q.id),
      deleted: t('web.questionnaire.deleted', { title: questionnaireTitle(q) }),
      back: `/projects/${project.id}`,
    }), { kind: 'danger' })) : null);
}

// A set of fields that shows a server error about itself as a whole ("items",
// "items[0].options"): the error goes first, before the fields inside, which
// have their own.
function group(tag, name, legend, cls, ...content) {
  const error = h('p', { class: 'field-error', id: uid('group-error'), hidden: true });
  const el = h(tag, { class: cls, dataset: { field: name } }, h('legend', {}, legend), error, content);
  return el;
}

// Texts left empty are left out, so the server says they are required
// (a null would be "not a string"); the numbers' null means "none".
function present(item) {
  const out = { ...item };
  for (const name of ['key', 'type', 'text', 'native_text']) if (out[name] === null) delete out[name];
  return out;
}

// The items, in order; read() gives them as the API takes them.
function itemList(initial, kindNow) {
  const list = h('ol', { class: 'q-item-list' });
  const add = button(t('web.questionnaire.add_item'), () => {
    const editorEl = addItem({ key: nextKey(), type: FIRST_TYPE[kindNow()] || 'likert5' });
    editorEl.parts.key.control.focus();
  });
  const box = group('fieldset', 'items', t('web.questionnaire.items'), 'q-items', list, h('div', { class: 'form-actions' }, add));
  box.control = add;

  const editors = () => [...list.children];
  const nextKey = () => {
    const used = new Set(editors().map((e) => e.parts.key.control.value.trim()));
    let n = editors().length + 1;
    while (used.has(`q${n}`)) n += 1;
    return `q${n}`;
  };
  // Renames and renumbers the fields after the items that will be sent.
  const rename = () => {
    const all = editors();
    all.forEach((e, k) => e.renumber(k, all.length));
  };
  const move = (e, by, btn) => {
    const all = editors();
    const at = all.indexOf(e);
    const to = at + by;
    if (to < 0 || to >= all.length) return;
    if (by < 0) list.insertBefore(e, all[to]);
    else list.insertBefore(all[to], e);
    rename();
    // Moving took the focus away: back to the button, or its twin at an end.
    (btn.disabled ? (by < 0 ? e.buttons.down : e.buttons.up) : btn).focus();
  };
  const remove = (e) => {
    const all = editors();
    const at = all.indexOf(e);
    e.remove();
    rename();
    const next = editors()[Math.min(at, editors().length - 1)];
    (next ? next.parts.key.control : add).focus();
  };
  const addItem = (item) => {
    const editorEl = itemEditor(item, { move, remove });
    list.append(editorEl);
    rename();
    return editorEl;
  };
  for (const item of initial) addItem(item);
  if (!initial.length) addItem({ key: 'q1', type: FIRST_TYPE[kindNow()] || 'likert5' });
  box.read = () => editors().map((e) => e.read());
  // Items nothing was typed in yet take the type a new kind starts with.
  box.followKind = (type) => {
    for (const e of editors()) if (e.blank()) e.setType(type);
  };
  return box;
}

function itemEditor(item, { move, remove }) {
  const parts = {
    key: field({ name: 'key', label: t('web.questionnaire.key'), value: item.key, hint: t('web.questionnaire.key_hint'), class: 'q-key' }),
    type: field({ name: 'type', label: t('web.questionnaire.type'), type: 'select', options: 'item_type', value: item.type, hint: t(TYPE_HINTS[item.type] || TYPE_HINTS.likert5) }),
    text: field({ name: 'text', label: t('web.questionnaire.text_en'), type: 'textarea', rows: 2, value: item.text, class: 'wide' }),
    native_text: field({ name: 'native_text', label: t('web.questionnaire.text_zh'), type: 'textarea', rows: 2, value: item.native_text, lang: 'zh', class: 'wide' }),
    max_score: field({ name: 'max_score', label: t('web.questionnaire.max_score'), type: 'number', min: 1, max: 1000, step: 1, value: item.max_score, hint: t('web.questionnaire.max_score_hint') }),
  };
  // field() sets lang on inputs only: the Chinese text's textarea says so too.
  parts.native_text.control.setAttribute('lang', 'zh');
  const choices = optionList(item.options || [], item.correct_option ?? null);
  const scoreBox = h('div', { class: 'q-score' }, fields(parts.max_score));
  const legend = h('legend', {});
  const buttons = {
    up: button(t('web.questionnaire.move_up'), (e) => move(el, -1, e.currentTarget)),
    down: button(t('web.questionnaire.move_down'), (e) => move(el, 1, e.currentTarget)),
    remove: button(t('web.questionnaire.remove_item'), () => remove(el), { kind: 'link' }),
  };
  // An error about the item as a whole ("items[1]": its key repeats another's) shows here.
  const itemError = h('p', { class: 'field-error', id: uid('item-error'), hidden: true });
  const fieldset = h('fieldset', { class: 'q-item' }, legend, itemError,
    h('div', { class: 'row-actions q-item-actions' }, buttons.up, buttons.down, buttons.remove),
    fields(parts.key, parts.type),
    fields(parts.text, parts.native_text),
    choices, scoreBox);
  const el = h('li', { class: 'q-item-entry' }, fieldset);
  fieldset.control = parts.key.control;
  el.parts = parts;
  el.buttons = buttons;

  const showType = () => {
    const type = parts.type.read();
    parts.type.querySelector('.hint').textContent = t(TYPE_HINTS[type] || TYPE_HINTS.likert5);
    choices.hidden = type !== 'single_choice';
    scoreBox.hidden = type !== 'score';
    if (type === 'single_choice') choices.ensure(2);
  };
  parts.type.control.addEventListener('change', showType);
  showType();

  el.renumber = (k, count) => {
    const n = k + 1;
    legend.textContent = t('web.questionnaire.item_n', { n });
    const prefix = `items[${k}]`;
    fieldset.dataset.field = prefix;
    for (const [name, wrapper] of Object.entries(parts)) wrapper.dataset.field = `${prefix}.${name}`;
    choices.rename(prefix);
    buttons.up.disabled = k === 0;
    buttons.down.disabled = k === count - 1;
    buttons.up.setAttribute('aria-label', t('web.questionnaire.move_up_label', { n }));
    buttons.down.setAttribute('aria-label', t('web.questionnaire.move_down_label', { n }));
    buttons.remove.setAttribute('aria-label', t('web.questionnaire.remove_item_label', { n }));
  };
  el.blank = () => !parts.text.read() && !parts.native_text.read() && !choices.readOptions().some((o) => o.text || o.native_text);
  el.setType = (type) => {
    parts.type.control.value = type;
    showType();
  };
  el.read = () => {
    const type = parts.type.read();
    return present({
      key: parts.key.read(),
      type,
      text: parts.text.read(),
      native_text: parts.native_text.read(),
      options: type === 'single_choice' ? choices.readOptions() : [],
      correct_option: type === 'single_choice' ? choices.readCorrect() : null,
      max_score: type === 'score' ? parts.max_score.read() : null,
    });
  };
  return el;
}

// A single-choice item's options (each in both languages) and which one is correct.
function optionList(initial, correctOption) {
  const rows = h('ol', { class: 'q-option-list' });
  const correct = field({
    name: 'correct_option', label: t('web.questionnaire.correct_option'), type: 'select', numeric: true,
    blank: t('web.questionnaire.no_correct_option'), options: [], hint: t('web.questionnaire.correct_option_hint'),
  });
  const add = button(t('web.questionnaire.add_option'), () => {
    const row = addRow({});
    renumber();
    row.parts.text.control.focus();
  });
  const box = group('fieldset', 'options', t('web.questionnaire.options'), 'q-options', rows, h('div', { class: 'form-actions' }, add), fields(correct));
  box.control = add;
  let prefix = 'items[0]';

  const all = () => [...rows.children];
  // The correct option's choices follow the options: "2 — Passport".
  const refreshCorrect = () => {
    const select = correct.control;
    const was = select.value;
    const blank = select.options[0];
    select.replaceChildren(blank, ...all().map((row, j) => {
      const text = (language() === 'zh' ? row.parts.native_text.read() || row.parts.text.read() : row.parts.text.read() || row.parts.native_text.read()) || '';
      return h('option', { value: String(j + 1) }, text ? t('web.questionnaire.option_choice', { n: j + 1, text }) : String(j + 1));
    }));
    select.value = Number(was) <= all().length ? was : '';
  };
  const renumber = () => {
    all().forEach((row, j) => {
      const n = j + 1;
      row.parts.text.querySelector('label').textContent = t('web.questionnaire.option_en', { n });
      row.parts.native_text.querySelector('label').textContent = t('web.questionnaire.option_zh', { n });
      row.parts.text.dataset.field = `${prefix}.options[${j}].text`;
      row.parts.native_text.dataset.field = `${prefix}.options[${j}].native_text`;
      row.removeButton.setAttribute('aria-label', t('web.questionnaire.remove_option_label', { n }));
    });
    refreshCorrect();
  };
  const addRow = (option) => {
    const parts = {
      text: field({ name: 'text', label: '', value: option.text }),
      native_text: field({ name: 'native_text', label: '', value: option.native_text, lang: 'zh' }),
    };
    const row = h('li', { class: 'q-option' }, parts.text, parts.native_text);
    row.removeButton = button(t('web.questionnaire.remove_option'), () => {
      const at = all().indexOf(row);
      // The correct option keeps pointing at the same option.
      const chosen = Number(correct.control.value);
      row.remove();
      renumber();
      if (chosen === at + 1) correct.control.value = '';
      else if (chosen > at + 1) correct.control.value = String(chosen - 1);
      (all()[Math.min(at, all().length - 1)]?.parts.text.control || add).focus();
    }, { kind: 'link' });
    row.append(row.removeButton);
    row.parts = parts;
    for (const p of Object.values(parts)) p.control.addEventListener('input', refreshCorrect);
    rows.append(row);
    return row;
  };
  for (const option of initial) addRow(option);
  renumber();
  correct.control.value = correctOption ? String(correctOption) : '';

  box.ensure = (n) => {
    while (all().length < n) addRow({});
    renumber();
  };
  box.rename = (itemPrefix) => {
    prefix = itemPrefix;
    box.dataset.field = `${prefix}.options`;
    correct.dataset.field = `${prefix}.correct_option`;
    renumber();
  };
  box.readOptions = () => all().map((row) => present({ text: row.parts.text.read(), native_text: row.parts.native_text.read() }));
  box.readCorrect = () => correct.read();
  return box;
}

// For those who may read but not change it: the items as a table.
function readOnly(q) {
  return [
    section(t('web.questionnaire.details'), details([
      [t('web.questionnaire.kind'), label('questionnaire_kind', q.kind)],
      [t('web.questionnaire.title_en'), inLang(q.title)],
      [t('web.questionnaire.title_zh'), q.native_title ? h('span', { lang: 'zh' }, q.native_title) : null],
      [t('web.questionnaire.anonymous'), t(q.anonymous ? 'common.yes' : 'common.no')],
    ])),
    section(t('web.questionnaire.items'), table([
      { label: t('web.questionnaire.key'), cell: (i) => i.key, class: 'nowrap' },
      { label: t('web.questionnaire.type'), cell: (i) => label('item_type', i.type), class: 'nowrap' },
      { label: t('web.questionnaire.text_en'), cell: (i) => inLang(i.text) },
      { label: t('web.questionnaire.text_zh'), cell: (i) => h('span', { lang: 'zh' }, i.native_text || '') },
      {
        label: t('web.questionnaire.answers'),
        cell: (i) => {
          if (i.type === 'score') return t('web.questionnaire.score_of', { max: formatNumber(i.max_score) });
          if (i.type !== 'single_choice') return '';
          return h('ol', { class: 'q-option-read' }, i.options.map((o, j) => h('li', { class: j + 1 === i.correct_option ? 'q-correct' : null },
            inLang(o.text), ' / ', h('span', { lang: 'zh' }, o.native_text || ''),
            j + 1 === i.correct_option ? h('strong', {}, ` ${t('web.questionnaire.correct_mark')}`) : null)));
        },
      },
    ], q.items)),
  ];
}
