// Possible duplicates: pairs of person records the server thinks may be one
// person, side by side with what tells them apart. A pair is merged (the
// coordinator chooses the record to keep) or marked as two people; either
// way the server stops listing it. Shown as a screen, and on a person's page.
import { listDuplicates, listDuplicatesOf, markDistinct, mergePeople } from '../client/duplicates.js';
import { organizations } from '../client/organizations.js';
import { h, mount, uid } from '../dom.js';
import { label } from '../format.js';
import { form } from '../form.js';
import { t, tParts } from '../i18n.js';
import { canWrite } from '../session.js';
import { busy, button, empty, errorBox, linkButton, notify, notifyProblem, openDialog, pageHeader } from '../ui.js';
import { inLang, orgShown, personName } from './names.js';
import { bothNames, bothNamesNode } from './person-fields.js';
import { mergeOutcome } from './person-merge.js';

// The organization's name as shown in this language (the pair's details carry
// its id and its English name).
function orgOf(p, orgs) {
  return orgShown(orgs.get(p.organization_id)) || p.organization_name;
}

// What is compared, and how a value reads in the table: [label, shown, compared].
function rows(orgs) {
  return [
    [t('web.duplicates.row.full_name'), (p) => p.full_name],
    [t('web.person.field.native_name'), (p) => (p.native_name ? h('span', { lang: 'zh' }, p.native_name) : null), (p) => p.native_name],
    [t('web.person.field.organization'), (p) => inLang(orgOf(p, orgs)), (p) => p.organization_id],
    [t('web.person.field.email'), (p) => p.email, (p) => p.email?.toLowerCase()],
    [t('web.person.field.phone'), (p) => p.phone],
    [t('web.duplicates.row.workshops'), (p) => t('web.duplicates.workshops', { n: p.workshops ?? 0 }), (p) => p.workshops ?? 0],
  ];
}

export async function duplicatesView({ root }) {
  const list = h('div', {});
  // The last merge's outcome stays in view until the next action.
  const outcome = h('div', { role: 'status' });
  // After an action the pair's buttons are gone: focus goes to the top of the list.
  const load = async (after = false) => {
    let page;
    let orgs;
    try {
      [page, orgs] = await Promise.all([listDuplicates({ limit: 500 }), organizations()]);
    } catch (problem) {
      mount(list, errorBox(problem));
      return;
    }
    // A page at a time: the next pairs come up as these are resolved.
    const top = h('p', { class: 'muted', tabindex: '-1' }, page.items.length
      ? t('web.duplicates.intro', { n: page.items.length, more: page.next_cursor ? 'yes' : 'no' })
      : t('web.duplicates.none'));
    mount(list, top, page.items.map((item) => pairCard(item, { heading: 'h2', orgs, outcome, onDone: () => load(true) })));
    if (after) top.focus();
  };
  mount(root,
    pageHeader(t('web.person.possible_duplicates'), {
      subtitle: t('web.duplicates.subtitle'),
      actions: [linkButton(t('web.person.back_to_people'), '#/people')],
    }),
    outcome, list);
  await load();
}

// A person's own pairs (GET /people/{id}/duplicates), for their page.
// onMerged({answer, merged, kept, note}) follows a merge (the page may be gone).
export async function duplicatesOf(personId, { onMerged }) {
  const box = h('div', {});
  const outcome = h('div', { role: 'status' });
  const load = async (after = false) => {
    let page;
    let orgs;
    try {
      [page, orgs] = await Promise.all([listDuplicatesOf(personId), organizations()]);
    } catch (problem) {
      mount(box, errorBox(problem));
      return;
    }
    const top = page.items.length ? null : empty(t('web.duplicates.none_of_person'));
    mount(box, outcome, top, page.items.map((item) => pairCard(item, { heading: 'h3', orgs, outcome, onDone: () => load(true), onMerged })));
    const next = box.querySelector('h3') || top;
    if (after && next) {
      next.tabIndex = -1;
      next.focus();
    }
  };
  await load();
  return box;
}

function pairCard(item, { heading, orgs, outcome, onDone, onMerged }) {
  const [a, b] = item.details;
  const id = uid('pair');
  const names = { a: bothNames(a), b: bothNames(b) };

  const merge = async () => {
    const done = await mergeDialog(a, b, orgs);
    if (!done) return;
    const note = await mergeOutcome(done.answer, bothNames(done.merged));
    notify(t('web.merge.merged', { merged: bothNames(done.merged), kept: personName(done.answer) }));
    if (onMerged) {
      await onMerged({ ...done, note });
      return;
    }
    mount(outcome, note);
    await onDone();
  };

  const distinct = async (btn) => busy(btn, async () => {
    try {
      await markDistinct(a.id, b.id);
      mount(outcome);
      notify(t('web.duplicates.marked_distinct', names));
      await onDone();
    } catch (problem) {
      notifyProblem(problem, t('web.duplicates.not_saved'));
    }
  });

  return h('article', { class: 'pair', 'aria-labelledby': id },
    h(heading, { id }, tParts('web.duplicates.pair', { a: bothNamesNode(a), b: bothNamesNode(b) })),
    h('p', { class: 'reasons' }, h('strong', {}, t('web.duplicates.why')), ' ', reasonsText(item.reasons)),
    compareTable(a, b, orgs),
    canWrite() ? h('div', { class: 'row-actions' },
      button(t('web.duplicates.merge'), merge, { kind: 'primary', 'aria-label': t('web.duplicates.merge_label', names) }),
      button(t('web.duplicates.distinct'), (e) => distinct(e.currentTarget), { 'aria-label': t('web.duplicates.distinct_label', names) }))
      : null);
}

// "Same Chinese name in the same organization; same phone."
function reasonsText(reasons) {
  const words = reasons.map((r, i) => (i ? label('duplicate_reason', r).toLowerCase() : label('duplicate_reason', r)));
  return t('web.duplicates.reasons', { reasons: words.join(t('web.duplicates.reason_separator')) });
}

// Rows whose values differ say so in words, not by colour alone.
function compareTable(a, b, orgs) {
  const record = (p) => h('th', { scope: 'col' }, h('a', { href: `#/people/${p.id}` }, t('web.duplicates.record', { id: String(p.id) })));
  const none = () => h('span', { class: 'muted' }, t('web.duplicates.none_value'));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('web.duplicates.recorded')), record(a), record(b))),
      h('tbody', {}, rows(orgs).map(([name, shown, key = shown]) => {
        const differs = String(key(a) ?? '') !== String(key(b) ?? '');
        return h('tr', { class: differs ? 'differs' : 'same' },
          h('th', { scope: 'row' }, name, differs ? h('span', { class: 'differs-note' }, t('web.duplicates.differs')) : null),
          h('td', {}, shown(a) || none()),
          h('td', {}, shown(b) || none()));
      }))));
}

// Asks which record to keep (the one with more workshops is offered first);
// resolves with {answer, merged, kept}, or null.
function mergeDialog(a, b, orgs) {
  const preferred = (b.workshops ?? 0) > (a.workshops ?? 0) ? b : a;
  const group = uid('keep');
  return openDialog(t('web.duplicates.merge_title'), (close) => {
    const choices = [a, b].map((p) => {
      const id = uid('keep');
      return h('div', { class: 'field-radio' },
        h('input', { type: 'radio', id, name: group, value: String(p.id), checked: p === preferred }),
        h('label', { for: id }, tParts('web.duplicates.keep_record', { id: String(p.id), name: bothNamesNode(p) }),
          h('span', { class: 'cell-note' }, [orgOf(p, orgs), p.email, p.phone, t('web.duplicates.workshops', { n: p.workshops ?? 0 })].filter(Boolean).join(' · '))));
    });
    const el = form({
      submitLabel: t('web.duplicates.merge_records'),
      failLabel: t('web.merge.not_merged'),
      cancel: button(t('common.cancel'), () => close(null)),
      onSubmit: async () => {
        const keptId = Number(el.querySelector(`input[name="${group}"]:checked`).value);
        const [kept, merged] = keptId === a.id ? [a, b] : [b, a];
        const answer = await mergePeople(merged.id, kept.id);
        close({ answer, merged, kept });
      },
    },
    h('fieldset', { class: 'choice' }, h('legend', {}, t('web.duplicates.which')), choices),
    h('p', { class: 'hint' }, t('web.duplicates.merge_hint')));
    return el;
  });
}
