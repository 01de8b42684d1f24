// Possible duplicates: pairs of person records the server thinks may be one
// person, side by side with what tells them apart. A pair is merged (the
// coordinator chooses the record to keep) or marked as two people; either
// way the server stops listing it. Shown as a screen, and on a person's page.
import { listDuplicates, listDuplicatesOf, markDistinct, mergePeople } from '../client/duplicates.js';
import { h, mount, uid } from '../dom.js';
import { count, label } from '../format.js';
import { form } from '../form.js';
import { canWrite } from '../session.js';
import { busy, button, empty, errorBox, linkButton, notify, notifyProblem, openDialog, pageHeader } from '../ui.js';
import { personName, personNameNode } from './person-fields.js';
import { mergeOutcome } from './person-merge.js';

// What is compared, and how a value reads in the table.
const ROWS = [
  ['Name (Latin script)', (p) => p.full_name],
  ['Chinese name', (p) => (p.native_name ? h('span', { lang: 'zh' }, p.native_name) : null), (p) => p.native_name],
  ['Organization', (p) => p.organization_name],
  ['Email', (p) => p.email, (p) => p.email?.toLowerCase()],
  ['Phone', (p) => p.phone],
  ['Workshops', (p) => count(p.workshops ?? 0, 'workshop')],
];

export async function duplicatesView({ root }) {
  const list = h('div', {});
  // The last merge's outcome stays in view until the next action.
  const outcome = h('div', { role: 'status' });
  // After an action the pair's buttons are gone: focus goes to the top of the list.
  const load = async (after = false) => {
    let page;
    try {
      page = await listDuplicates({ limit: 500 });
    } catch (problem) {
      mount(list, errorBox(problem));
      return;
    }
    // A page at a time: the next pairs come up as these are resolved.
    const more = page.next_cursor ? ' More follow once these are done.' : '';
    const top = h('p', { class: 'muted', tabindex: '-1' }, page.items.length
      ? `${count(page.items.length, 'pair')} to look at. Merge the records of one person, or mark two people as distinct: either way the pair leaves this list.${more}`
      : 'No possible duplicates: nothing to look at.');
    mount(list, top, page.items.map((item) => pairCard(item, { heading: 'h2', outcome, onDone: () => load(true) })));
    if (after) top.focus();
  };
  mount(root,
    pageHeader('Possible duplicates', {
      subtitle: 'People recorded twice: the same Chinese name or name in the same organization, or the same email or phone.',
      actions: [linkButton('Back to people', '#/people')],
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
    try {
      page = await listDuplicatesOf(personId);
    } catch (problem) {
      mount(box, errorBox(problem));
      return;
    }
    const top = page.items.length ? null : empty('No other record looks like this person.');
    mount(box, outcome, top, page.items.map((item) => pairCard(item, { heading: 'h3', outcome, onDone: () => load(true), onMerged })));
    const next = box.querySelector('h3') || top;
    if (after && next) {
      next.tabIndex = -1;
      next.focus();
    }
  };
  await load();
  return box;
}

function pairCard(item, { heading, outcome, onDone, onMerged }) {
  const [a, b] = item.details;
  const id = uid('pair');
  const names = `${personName(a)} and ${personName(b)}`;

  const merge = async () => {
    const done = await mergeDialog(a, b);
    if (!done) return;
    const note = await mergeOutcome(done.answer, personName(done.merged));
    notify(`${personName(done.merged)} merged into ${done.answer.full_name}.`);
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
      notify(`${names}: marked as two different people.`);
      await onDone();
    } catch (problem) {
      notifyProblem(problem, 'Not saved');
    }
  });

  return h('article', { class: 'pair', 'aria-labelledby': id },
    h(heading, { id }, personNameNode(a), ' and ', personNameNode(b)),
    h('p', { class: 'reasons' }, h('strong', {}, 'Why listed: '), reasonsText(item.reasons)),
    compareTable(a, b),
    canWrite() ? h('div', { class: 'row-actions' },
      button('Merge', merge, { kind: 'primary', 'aria-label': `Merge ${names}` }),
      button('Not the same person', (e) => distinct(e.currentTarget), { 'aria-label': `Not the same person: ${names}` }))
      : null);
}

// "Same Chinese name in the same organization; same phone."
function reasonsText(reasons) {
  const words = reasons.map((r, i) => (i ? label('duplicate_reason', r).toLowerCase() : label('duplicate_reason', r)));
  return `${words.join('; ')}.`;
}

// Rows whose values differ say so in words, not by colour alone.
function compareTable(a, b) {
  const record = (p) => h('th', { scope: 'col' }, h('a', { href: `#/people/${p.id}` }, `Record ${p.id}`));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Recorded'), record(a), record(b))),
      h('tbody', {}, ROWS.map(([name, shown, key = shown]) => {
        const differs = String(key(a) ?? '') !== String(key(b) ?? '');
        return h('tr', { class: differs ? 'differs' : 'same' },
          h('th', { scope: 'row' }, name, differs ? h('span', { class: 'differs-note' }, 'differs') : null),
          h('td', {}, shown(a) || h('span', { class: 'muted' }, 'none')),
          h('td', {}, shown(b) || h('span', { class: 'muted' }, 'none')));
      }))));
}

// Asks which record to keep (the one with more workshops is offered first);
// resolves with {answer, merged, kept}, or null.
function mergeDialog(a, b) {
  const preferred = (b.workshops ?? 0) > (a.workshops ?? 0) ? b : a;
  const group = uid('keep');
  return openDialog('Merge two records of one person', (close) => {
    const choices = [a, b].map((p) => {
      const id = uid('keep');
      return h('div', { class: 'field-radio' },
        h('input', { type: 'radio', id, name: group, value: String(p.id), checked: p === preferred }),
        h('label', { for: id }, `Keep record ${p.id}: `, personNameNode(p),
          h('span', { class: 'cell-note' }, [p.organization_name, p.email, p.phone, count(p.workshops ?? 0, 'workshop')].filter(Boolean).join(' · '))));
    });
    const el = form({
      submitLabel: 'Merge records',
      failLabel: 'Not merged.',
      cancel: button('Cancel', () => close(null)),
      onSubmit: async () => {
        const keptId = Number(el.querySelector(`input[name="${group}"]:checked`).value);
        const [kept, merged] = keptId === a.id ? [a, b] : [b, a];
        const answer = await mergePeople(merged.id, kept.id);
        close({ answer, merged, kept });
      },
    },
    h('fieldset', { class: 'choice' }, h('legend', {}, 'Which record to keep?'), choices),
    h('p', { class: 'hint' }, 'The other record’s registrations and attendance marks move to the one kept, which also takes from it what it lacks (a phone number, say). Values that differ stay as the kept record has them. The other record is then deleted.'));
    return el;
  });
}
