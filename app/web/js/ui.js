// Shared pieces of every screen: notices (feedback for every action), page
// headings, tables, the pager and confirmation dialogs.
import { h, mount, uid } from './dom.js';
import { has, t } from './i18n.js';
import { navigate } from './router.js';

// --- notices ------------------------------------------------------------------

// Shows a message in the live region at the top; success fades, errors stay
// until dismissed or the next action.
export function notify(message, kind = 'success') {
  const area = document.getElementById('notices');
  const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': t('common.dismiss') }, '×');
  const notice = h('div', { class: ['notice', `notice-${kind}`], dataset: { at: String(Date.now()) } },
    h('span', { class: 'notice-text' }, message), close);
  close.addEventListener('click', () => notice.remove());
  // Only the latest message matters: a new action replaces older feedback.
  mount(area, notice);
  if (kind === 'success' || kind === 'info') {
    setTimeout(() => notice.remove(), 6000);
  }
  return notice;
}

// On a new screen, a notice about the previous one no longer applies ("...
// conflict: see below" is not about Home). One raised just now stays: the
// action that led here ("Workshop saved", "your session has ended").
export function dropOldNotices() {
  for (const notice of document.querySelectorAll('#notices .notice')) {
    if (Date.now() - Number(notice.dataset.at) > 1000) notice.remove();
  }
}

// Shows a failure (a Problem or any error) as a notice.
export function notifyProblem(problem, prefix) {
  if (problem?.sessionEnded) return; // already said, on the way to signing in
  const text = problemText(problem);
  notify(prefix ? t('common.prefixed', { prefix, text }) : text, 'error');
}

export function problemText(problem) {
  if (!problem) return t('common.something_wrong');
  const parts = [problem.detail || problem.title || problem.message || t('common.something_wrong')];
  for (const e of problem.errors || []) parts.push(t('common.prefixed', { prefix: fieldName(e.field), text: e.message }));
  return parts.join(' — ');
}

// A request field as a person calls it ("start_time" → 开始时间), where the
// catalog names it; else as the API does.
export function fieldName(field) {
  const plain = String(field || '').replace(/\[\d+\]/g, '').split('.').pop();
  return has(`field.${plain}`) ? t(`field.${plain}`) : field;
}

// --- page structure ------------------------------------------------------------

// The page heading; focused after navigation so keyboard and screen-reader
// users start at the top of the new screen.
export function pageHeader(title, { subtitle, actions = [] } = {}) {
  document.title = `${title} · capdev`;
  return h('div', { class: 'page-header' },
    h('div', { class: 'page-title' },
      h('h1', { tabindex: '-1' }, title),
      subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function section(title, ...children) {
  const id = uid('section');
  return h('section', { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, title), children);
}

export function loading(text = null) {
  return h('p', { class: 'loading', role: 'status' }, text ?? t('common.loading'));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

// An error in place of content that could not be loaded.
export function errorBox(problem) {
  return h('div', { class: 'error-box', role: 'alert' },
    h('strong', {}, `${t(problem?.status === 404 ? 'common.not_found_prefix' : 'common.could_not_load')} `),
    problemText(problem));
}

export function button(text, onClick, { kind = 'secondary', type = 'button', ...rest } = {}) {
  return h('button', { type, class: ['btn', `btn-${kind}`], onClick, ...rest }, text);
}

export function linkButton(text, href, { kind = 'secondary', ...rest } = {}) {
  return h('a', { href, class: ['btn', `btn-${kind}`], ...rest }, text);
}

// Runs an async action from a button: disabled while it runs, errors become notices.
export async function busy(btn, action) {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  }
}

// --- tables -------------------------------------------------------------------

// columns: [{label, cell: (row) => node|string, numeric, class, rowHeader}]; the
// first column heads each row, unless another says rowHeader: true.
export function table(columns, rows, { caption, emptyText = null } = {}) {
  if (!rows.length) return empty(emptyText ?? t('common.nothing_to_show'));
  const headerAt = Math.max(columns.findIndex((c) => c.rowHeader === true), 0);
  // A wide table scrolls sideways: focusable so keyboard users can scroll it too.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || t('common.table') },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : c.class }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        columns.map((c, i) => {
          const content = c.cell(row);
          return i === headerAt && c.rowHeader !== false
            ? h('th', { scope: 'row', class: c.numeric ? 'num' : c.class }, content)
            : h('td', { class: c.numeric ? 'num' : c.class }, content);
        }))))));
}

// A definition list of [label, value] pairs, skipping empty values.
export function details(pairs) {
  const shown = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length));
  return h('dl', { class: 'details' },
    shown.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// Paging with the API's opaque cursors. The cursors of the pages before are
// kept in the address (`trail`), so Previous works and a page can be bookmarked.
export function pager(page, { path, params, query }) {
  const cursor = query.get('cursor');
  let trail = [];
  try {
    trail = JSON.parse(query.get('trail') || '[]');
  } catch {
    trail = [];
  }
  const nav = h('nav', { class: 'pager', 'aria-label': t('common.pages') });
  if (cursor) {
    nav.append(button(t('common.previous_page'), () => navigate(path, {
      ...params, cursor: trail[trail.length - 1] || null, trail: trail.length > 1 ? JSON.stringify(trail.slice(0, -1)) : null,
    })));
  }
  if (cursor || page.next_cursor) nav.append(h('span', { class: 'muted' }, t('common.page_n', { n: trail.length + 1 })));
  if (page.next_cursor) {
    nav.append(button(t('common.next_page'), () => navigate(path, {
      ...params, cursor: page.next_cursor, trail: JSON.stringify([...trail, cursor || '']),
    })));
  }
  return nav.childNodes.length ? nav : null;
}

// --- dialogs --------------------------------------------------------------------

// A modal <dialog> (keyboard: Tab stays inside, Escape closes); content gets a
// close(result) function. Resolves with the result, or null when dismissed.
export function openDialog(title, build) {
  return new Promise((resolve) => {
    const titleId = uid('dialog-title');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId });
    let result = null;
    const close = (value = null) => {
      result = value;
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    mount(dialog, h('h2', { id: titleId }, title), build(close));
    document.body.append(dialog);
    dialog.showModal();
  });
}

// Asks before something that cannot be undone. Resolves true or false.
export async function confirmAction(question, confirmLabel) {
  const answer = await openDialog(question, (close) => h('div', { class: 'dialog-actions' },
    button(confirmLabel, () => close(true), { kind: 'danger' }),
    button(t('common.keep_it'), () => close(false))));
  return answer === true;
}
