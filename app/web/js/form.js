// Form fields with visible labels, and the API's problem+json errors shown
// next to the fields they name. Forms are `novalidate`: the server holds the
// rules, the browser does not second-guess them. A failed save never clears
// what was typed.
import { t } from './i18n.js';
import { h, mount, uid } from './dom.js';
import { options as enumOptions } from './format.js';

// spec: {name, label, type: text|date|time|number|email|tel|password|select|textarea|list|checkbox,
//        value, options: [[value, label]] | enum kind, blank: label of the empty choice,
//        numeric (select of ids), hint, rows, autocomplete, lang, placeholder: what an
//        empty field stands for (a default; the hint says so too)}
export function field(spec) {
  const id = uid(`f-${spec.name}`);
  const type = spec.type || 'text';
  const describedBy = [];
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null;
  if (hint) describedBy.push(hint.id);
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });

  let control;
  if (type === 'select') {
    const opts = typeof spec.options === 'string' ? enumOptions(spec.options) : spec.options;
    control = h('select', { id, name: spec.name },
      spec.blank !== undefined ? h('option', { value: '' }, spec.blank) : null,
      opts.map(([v, text]) => h('option', { value: String(v) }, text)));
    control.value = spec.value === null || spec.value === undefined ? '' : String(spec.value);
  } else if (type === 'textarea' || type === 'list') {
    const text = type === 'list' ? (spec.value || []).join('\n') : spec.value ?? '';
    control = h('textarea', { id, name: spec.name, rows: spec.rows || 3, value: text, placeholder: spec.placeholder });
  } else if (type === 'checkbox') {
    control = h('input', { id, name: spec.name, type: 'checkbox', checked: Boolean(spec.value) });
  } else {
    control = h('input', {
      id, name: spec.name, type, value: spec.value ?? '',
      autocomplete: spec.autocomplete, min: spec.min, max: spec.max, step: spec.step, lang: spec.lang, placeholder: spec.placeholder,
    });
  }
  if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));

  const labelEl = h('label', { for: id }, spec.label);
  const wrapper = type === 'checkbox'
    ? h('div', { class: ['field', 'field-checkbox', spec.class], dataset: { field: spec.name } }, control, labelEl, hint, error)
    : h('div', { class: ['field', spec.class], dataset: { field: spec.name } }, labelEl, control, hint, error);
  wrapper.control = control;
  wrapper.read = () => readControl(control, type, spec);
  return wrapper;
}

function readControl(control, type, spec) {
  if (type === 'checkbox') return control.checked;
  if (type === 'list') {
    return control.value.split('\n').map((s) => s.trim()).filter(Boolean);
  }
  const raw = control.value.trim();
  if (raw === '') return null;
  if (type === 'number' || spec.numeric) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw; // the server explains a non-number
  }
  return raw;
}

// A row of fields that wraps on narrow screens.
export function fields(...children) {
  return h('div', { class: 'field-grid' }, children);
}

// The values of every field in a container: {name: value}.
export function readValues(container) {
  const values = {};
  for (const wrapper of container.querySelectorAll('[data-field]')) {
    if (wrapper.read && wrapper.closest('form, .form') === container.closest('form, .form')) {
      values[wrapper.dataset.field] = wrapper.read();
    }
  }
  return values;
}

// Only what changed against the record being edited (for PATCH).
export function changes(values, original) {
  const out = {};
  for (const [k, v] of Object.entries(values)) {
    const before = original[k] ?? null;
    if (JSON.stringify(v) !== JSON.stringify(before)) out[k] = v;
  }
  return out;
}

// Drops empty values (for POST): the server then names what is required.
export function withoutEmpty(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)));
}

// A <form>: onSubmit(values, form) may throw a Problem, which is shown on the
// form. Returns the form element.
export function form({ submitLabel, onSubmit, cancel, class: cls, id, heading, failLabel = null }, ...content) {
  const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel);
  const el = h('form', { id, class: ['form', cls], novalidate: true, dataset: { failLabel: failLabel ?? t('common.not_saved') } },
    heading ? h('h3', {}, heading) : null, summary, content,
    h('div', { class: 'form-actions' }, submit, cancel || null));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(el);
    // A picker with typed text but nothing picked would silently save nothing.
    const unpicked = [...el.querySelectorAll('[data-field]')].filter((w) => w.unpicked?.());
    if (unpicked.length) {
      showProblem(el, {
        detail: t('common.pick_or_clear'),
        errors: unpicked.map((w) => ({ field: w.dataset.field, message: t('common.pick_from_list') })),
      });
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(readValues(el), el);
    } catch (problem) {
      showProblem(el, problem);
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return el;
}

// A refusal on a form answers that form's last try only: the next action
// elsewhere (a button, a link styled as one, another form; not closing a
// notice) clears it, so "Not saved" never reads as the answer to Confirm or
// an import further down the page.
function clearOtherForms(event) {
  const acted = event.type === 'submit' ? event.target : event.target.closest?.('button, a.btn, input[type=file]');
  if (!acted || acted.closest('#notices')) return;
  for (const other of document.querySelectorAll('form.form')) {
    if (!other.contains(acted)) clearProblem(other);
  }
}
document.addEventListener('click', clearOtherForms, true);
document.addEventListener('submit', clearOtherForms, true);

// The field a problem names: "end_date", "topics[3]" -> topics,
// "[2].person_id" -> person_id, "parties[0].amount" -> amount.
function findField(container, name) {
  const candidates = [name, name.replace(/\[\d+\]/g, ''), name.replace(/^.*[.\]]/, ''), name.split(/[.[]/)[0]];
  for (const c of candidates) {
    if (!c) continue;
    const found = container.querySelector(`[data-field="${CSS.escape(c)}"]`);
    if (found) return found;
  }
  return null;
}

export function clearProblem(container) {
  for (const error of container.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of container.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }
  const summary = container.querySelector('.form-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

// Puts each errors[] message next to its field; the rest, and the detail, in
// the summary at the top. Focus goes to the first field to fix.
export function showProblem(container, problem) {
  const summary = container.querySelector('.form-summary');
  const unmatched = [];
  let first = null;
  for (const e of problem.errors || []) {
    const wrapper = findField(container, e.field || '');
    if (!wrapper) {
      unmatched.push(e);
      continue;
    }
    const error = wrapper.querySelector('.field-error');
    error.textContent = error.textContent ? `${error.textContent}; ${e.message}` : e.message;
    error.hidden = false;
    const control = wrapper.control;
    control.setAttribute('aria-invalid', 'true');
    const ids = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    ids.add(error.id);
    control.setAttribute('aria-describedby', [...ids].join(' '));
    // The first on the page, whatever order the server named them in.
    if (!first || first.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING) first = control;
  }
  if (summary) {
    const detail = problem.detail || problem.title || problem.message || t('common.something_wrong');
    mount(summary,
      h('p', {}, h('strong', {}, `${container.dataset.failLabel || t('common.not_saved')} `), detail),
      unmatched.length ? h('ul', {}, unmatched.map((e) => h('li', {}, `${e.field}: ${e.message}`))) : null);
    summary.hidden = false;
  }
  (first || summary)?.focus();
}
