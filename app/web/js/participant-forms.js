// The questionnaires on a participant's page (/p/TOKEN): the "To fill in"
// card (each with what it waits for: open to answer, answered, not open yet,
// closed) and, at /p/TOKEN#answer-ID, the form itself, made for a phone: a
// scale of 1 to 5 as five large buttons, a choice as one large button per
// option, a comment as a text box; items a trainer marks on paper are not
// asked. Texts in the page's language, the other one smaller beneath.
import { h, uid } from './dom.js';
import { formatInstant, label } from './format.js';
import { language, t } from './i18n.js';

const LIKERT = ['participant.eval.likert_1', 'participant.eval.likert_2', 'participant.eval.likert_3',
  'participant.eval.likert_4', 'participant.eval.likert_5'];

// What was chosen on a form not yet sent, per evaluation: a language switch
// or a failed send keeps it.
const drafts = new Map(); // evaluation id -> {key: value}

// A text in the page's language, the other one beneath it, smaller.
function twoScripts(main, other, { tag = 'span' } = {}) {
  const zh = language() === 'zh';
  const first = (zh ? other : main) || main || other || '';
  const second = (zh ? main : other) || '';
  return [h(tag, { class: 'in-lang', lang: zh ? 'zh-CN' : 'en' }, first),
    second && second !== first ? h('span', { class: 'other-lang', lang: zh ? 'en' : 'zh-CN' }, second) : null];
}

const titleNodes = (q) => twoScripts(q.title, q.native_title);

// The stage's name above the title, unless the title says the same ("Reaction survey").
function stageLine(q) {
  const stage = label('stage', q.stage);
  const title = (language() === 'zh' ? q.native_title : q.title) || q.title || '';
  return stage.toLowerCase() === title.toLowerCase() ? null : h('p', { class: 'q-stage' }, stage);
}
const textNodes = (x) => twoScripts(x.text, x.native_text);

// Where a questionnaire stands for this person, in words.
function standing(q) {
  if (q.answered) return h('p', { class: 'q-state q-answered' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('participant.eval.answered'));
  if (q.open) {
    return q.closes_at ? h('p', { class: 'q-state' }, t('participant.eval.open_until', { when: formatInstant(q.closes_at) })) : null;
  }
  if (q.opens_at && new Date(q.opens_at) > new Date()) {
    return h('p', { class: 'q-state q-waiting' }, t('participant.eval.opens_on', { when: formatInstant(q.opens_at) }));
  }
  if (q.closes_at) return h('p', { class: 'q-state q-closed' }, t('participant.eval.closed_on', { when: formatInstant(q.closes_at) }));
  return h('p', { class: 'q-state q-closed' }, t('participant.eval.not_open'));
}

// The "To fill in" card: thanks: said once, after a form was sent.
export function questionnairesCard(questionnaires, { thanks = false } = {}) {
  return h('section', { class: 'card', 'aria-labelledby': 'own-forms' },
    h('h2', { id: 'own-forms' }, t('participant.to_fill_in')),
    thanks ? h('p', { class: 'q-thanks', role: 'status' }, t('participant.eval.thanks')) : null,
    questionnaires.length
      ? h('ul', { class: 'questionnaires' }, questionnaires.map((q) => h('li', { class: 'questionnaire', dataset: { stage: q.stage } },
        stageLine(q),
        h('h3', {}, titleNodes(q)),
        q.anonymous ? h('p', { class: 'q-anonymous' }, t('participant.eval.anonymous')) : null,
        standing(q),
        q.open && !q.answered ? h('a', { class: 'btn btn-primary', href: `#answer-${q.evaluation_id}` }, t('participant.eval.fill_in')) : null)))
      : h('p', {}, t('participant.nothing_to_fill_in')));
}

// One item's question: a group of large buttons, a text box, or (marked by
// a trainer) a note that there is nothing to answer.
function question(item, number, chosen, onChange) {
  const legendId = uid('q');
  const heading = h('span', { class: 'q-number' }, `${number}.`);
  if (item.type === 'score') {
    return h('div', { class: 'question q-trainer' },
      h('p', { class: 'q-text', id: legendId }, heading, ' ', textNodes(item)),
      h('p', { class: 'hint' }, t('participant.eval.marked_by_trainer')));
  }
  if (item.type === 'text') {
    const id = uid('answer');
    const box = h('textarea', { id, name: item.key, rows: 4, value: chosen ?? '' });
    box.addEventListener('input', () => onChange(box.value));
    return h('div', { class: 'question', dataset: { key: item.key } },
      h('label', { for: id, class: 'q-text' }, heading, ' ', textNodes(item)), box,
      h('p', { class: 'q-error', hidden: true }));
  }
  const choices = item.type === 'likert5'
    ? [1, 2, 3, 4, 5].map((v) => ({ value: v, nodes: [h('span', { class: 'likert-value' }, String(v)), h('span', { class: 'likert-word' }, t(LIKERT[v - 1]))] }))
    : item.options.map((option, i) => ({ value: i + 1, nodes: textNodes(option) }));
  const name = uid(`item-${item.key}`);
  return h('fieldset', { class: ['question', item.type === 'likert5' ? 'q-likert' : 'q-choice'], dataset: { key: item.key } },
    h('legend', { class: 'q-text' }, heading, ' ', textNodes(item)),
    h('div', { class: item.type === 'likert5' ? 'likert' : 'options' }, choices.map((c) => {
      const id = uid('choice');
      const radio = h('input', { type: 'radio', id, name, value: String(c.value), checked: chosen === c.value });
      radio.addEventListener('change', () => onChange(c.value));
      return h('label', { for: id, class: 'q-option' }, radio, h('span', { class: 'choice-text' }, c.nodes));
    })),
    h('p', { class: 'q-error', hidden: true }));
}

// The form of one questionnaire. send(answers) -> {status, data}; done()
// after it was saved.
export function answerForm(q, { send, done }) {
  if (!drafts.has(q.evaluation_id)) drafts.set(q.evaluation_id, {});
  const answers = drafts.get(q.evaluation_id);
  const asked = q.items.filter((item) => item.type !== 'score');
  const message = h('p', { class: 'form-message', role: 'alert' });
  let warned = false;
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('participant.eval.send'));
  const questions = q.items.map((item, i) => question(item, i + 1, answers[item.key], (value) => {
    if (value === '' || value === null) delete answers[item.key];
    else answers[item.key] = value;
    warned = false;
  }));
  const form = h('form', { novalidate: true, class: 'answer-form' }, questions, message, submit);

  const showErrors = (errors) => {
    for (const el of form.querySelectorAll('.q-error')) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const e of errors || []) {
      const f = e.field || '';
      const item = q.items.find((i) => f === i.key || f.endsWith(`.${i.key}`) || f.endsWith(`[${i.key}]`));
      const box = item && form.querySelector(`[data-key="${CSS.escape(item.key)}"] .q-error`);
      if (box) {
        box.textContent = e.message;
        box.hidden = false;
      }
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    for (const item of asked) {
      const value = answers[item.key];
      if (value === undefined) continue;
      body[item.key] = item.type === 'text' ? String(value).trim() : value;
      if (body[item.key] === '') delete body[item.key];
    }
    const missing = asked.filter((item) => body[item.key] === undefined).length;
    if (missing === asked.length && asked.length) {
      message.textContent = t('participant.eval.answer_something');
      return;
    }
    // Questions left out are allowed, once the person has seen that they are.
    if (missing && !warned) {
      warned = true;
      message.textContent = t('participant.eval.some_missing', { n: missing });
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    const { status, data } = await send(body);
    submit.disabled = false;
    if (status === 200 || status === 201) {
      drafts.delete(q.evaluation_id);
      done();
    } else if (status === 0) {
      message.textContent = t('participant.eval.no_connection');
    } else {
      showErrors(data.errors);
      message.textContent = data.detail || data.title || t('participant.eval.not_saved');
    }
  });

  return h('section', { class: 'card q-form', 'aria-labelledby': 'q-title' },
    h('a', { href: '#', class: 'q-back' }, t('participant.eval.back')),
    stageLine(q),
    h('h1', { id: 'q-title', tabindex: '-1' }, titleNodes(q)),
    q.anonymous ? h('p', { class: 'q-anonymous' }, t('participant.eval.anonymous')) : null,
    q.closes_at ? h('p', { class: 'hint' }, t('participant.eval.open_until', { when: formatInstant(q.closes_at) })) : null,
    asked.length ? form : h('p', {}, t('participant.eval.nothing_to_answer')));
}
