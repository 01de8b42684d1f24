// A searchable picker (ARIA combobox): type to search the API, pick with the
// mouse or the arrow keys and Enter, and optionally create a record on the spot.
// It is a form field like the others: read() gives the picked id.
import { t } from './i18n.js';
import { h, uid } from './dom.js';

// spec: {name, label, hint, search: async (text) => items, describe: (item) => text,
//        option: (item) => node (what the list shows, when more than describe's text),
//        value: item|null, create: {label: (text) => 'Create …', run: async (text) => item|null},
//        onChange: (item|null) => void}
export function picker(spec) {
  const id = uid(`f-${spec.name}`);
  const listId = `${id}-list`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null;
  const input = h('input', {
    id, type: 'text', role: 'combobox', autocomplete: 'off',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': hint ? hint.id : null,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', hidden: true, 'aria-label': spec.label });
  const wrapper = h('div', { class: ['field', 'field-picker', spec.class], dataset: { field: spec.name } },
    h('label', { for: id }, spec.label),
    h('div', { class: 'combo' }, input, list),
    hint, error);

  let selected = null;
  let choices = [];
  let active = -1;
  let searchSeq = 0;
  let timer = null;

  const select = (item) => {
    selected = item;
    clearTimeout(timer);
    input.value = item ? spec.describe(item) : '';
    close();
    spec.onChange?.(item);
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index) => {
    const items = list.querySelectorAll('[role=option]');
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const render = (items, text) => {
    choices = items.map((item) => ({ item }));
    if (spec.create && text) choices.push({ create: text });
    list.replaceChildren(...choices.map((choice, i) => {
      const li = h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: choice.create ? 'combo-create' : null },
        choice.create ? spec.create.label(choice.create) : (spec.option || spec.describe)(choice.item));
      // mousedown, not click: keeps focus in the input until the choice is made
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(i);
      });
      return li;
    }));
    if (!choices.length) list.append(h('li', { class: 'combo-none' }, t('common.no_match')));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(choices.length ? 0 : -1);
  };

  const choose = async (index) => {
    const choice = choices[index];
    if (!choice) return;
    if (choice.item) {
      select(choice.item);
      return;
    }
    close();
    const created = await spec.create.run(choice.create);
    if (created) select(created);
    input.focus();
  };

  const runSearch = async () => {
    const text = input.value.trim();
    const seq = ++searchSeq;
    try {
      const items = await spec.search(text);
      // Stale when a newer search ran, or a choice was made meanwhile.
      if (seq === searchSeq && !selected && document.activeElement === input) render(items, text);
    } catch {
      if (seq === searchSeq && !selected) render([], text);
    }
  };

  input.addEventListener('input', () => {
    if (selected) {
      selected = null;
      spec.onChange?.(null);
    }
    clearTimeout(timer);
    timer = setTimeout(runSearch, 200);
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) runSearch();
      else highlight(Math.min(active + 1, choices.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) highlight(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault(); // picking, not submitting the form
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation(); // not the dialog around it
      close();
    }
  });

  if (spec.value) select(spec.value);
  wrapper.control = input;
  wrapper.read = () => (selected ? selected.id : null);
  wrapper.selected = () => selected;
  wrapper.unpicked = () => !selected && input.value.trim() !== '';
  wrapper.setValue = select;
  return wrapper;
}
