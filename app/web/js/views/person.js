// A person's page (details, training record, possible duplicates, merge)
// and their form.
import { mergePeople } from '../client/duplicates.js';
import { createPerson, deletePerson, erasePerson, getPerson, listPersonWorkshops, updatePerson } from '../client/people.js';
import { confirmThenRun, deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { formatDateRange, label } from '../format.js';
import { orgById, orgLink } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite, isAdmin } from '../session.js';
import { button, confirmAction, details, errorBox, linkButton, loading, notify, pageHeader, section, table } from '../ui.js';
import { duplicatesOf } from './duplicates.js';
import { statusBadge } from './home.js';
import { duplicatesNote, generatedNote, personFields, personName, personPicker } from './person-fields.js';
import { mergeOutcome, rememberOutcome, takeOutcome } from './person-merge.js';

// The create answer's possible duplicates, shown once on the new person's page.
let justCreated = null;

export async function personView({ params, root }) {
  const id = Number(params.id);
  const person = await getPerson(id);
  const org = await orgById(person.organization_id);
  const record = h('div', {}, loading());
  const created = justCreated?.id === id ? justCreated : null;
  justCreated = null;
  const merged = takeOutcome(id);

  mount(root,
    pageHeader(person.full_name, {
      subtitle: [person.native_name, org?.name].filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton('Edit', `#/people/${id}/edit`)] : [],
    }),
    created ? duplicatesNote(created) : null,
    merged,
    section('Details', details([
      ['Full name (Latin script)', person.full_name_generated ? [person.full_name, ' ', generatedNote()] : person.full_name],
      ['Chinese name', person.native_name ? h('span', { lang: 'zh' }, person.native_name) : null],
      ['Gender', label('gender', person.gender)],
      ['Organization', orgLink(org)],
      ['Position', person.position], ['Province', person.province],
      ['Email', person.email ? h('a', { href: `mailto:${person.email}` }, person.email) : null],
      ['Phone', person.phone],
    ])),
    section('Training record', record),
    section('Possible duplicates', await duplicatesOf(id, { onMerged: showMerged })),
    canWrite() ? section('Merge a duplicate', await mergeForm(person)) : null,
    canWrite() ? h('div', { class: 'danger-zone' },
      button('Delete person', (e) => remove(person, e.currentTarget), { kind: 'danger' }),
      isAdmin() ? button('Erase personal data', (e) => erase(person, e.currentTarget), { kind: 'danger' }) : null) : null);

  mount(record, await trainingRecord(id));
}

// After a merge: the kept person's page, with what the merge did in words.
function showMerged({ answer, note }) {
  rememberOutcome(answer.id, note);
  navigate(`/people/${answer.id}`);
}

// The workshops a person was registered for, with their role and days attended.
async function trainingRecord(id) {
  let page;
  try {
    page = await listPersonWorkshops(id);
  } catch (problem) {
    return errorBox(problem);
  }
  return table([
    { label: 'Workshop', cell: (r) => h('a', { href: `#/workshops/${r.workshop_id}` }, r.title) },
    { label: 'Dates', cell: (r) => formatDateRange(r.start_date, r.end_date, r.dates_estimated), class: 'nowrap' },
    { label: 'City', cell: (r) => r.city || '' },
    { label: 'Status', cell: (r) => statusBadge(r.status) },
    { label: 'Role', cell: (r) => label('registration_role', r.role) },
    { label: 'Registration', cell: (r) => label('registration_status', r.registration_status) },
    { label: 'Days attended', cell: (r) => `${r.days_attended} of ${r.sessions}`, numeric: true },
  ], page.items, { emptyText: 'Not registered for any workshop yet.' });
}

// Any other record, also one the server did not list: the coordinator
// chooses which of the two is kept.
async function mergeForm(person) {
  const other = await personPicker({
    name: 'other_id', label: 'The other record', create: false, exclude: person.id, contacts: true,
    hint: 'Type a name in Chinese, pinyin or Latin script; each choice shows organization, email and phone.',
  });
  const keep = field({
    name: 'keep', label: 'Keep', type: 'select', value: 'other',
    options: [['other', 'The other record'], ['this', 'This record']],
    hint: 'The record not kept moves its registrations and attendance marks to the one kept, which takes from it what it lacks; it is then deleted.',
  });
  return form({
    submitLabel: 'Merge the two records',
    failLabel: 'Not merged.',
    onSubmit: async (values) => {
      const target = other.selected();
      if (!target) throw { detail: 'Pick the other record first.', errors: [{ field: 'other_id', message: 'Pick a person from the list (type, then choose).' }] };
      const [merged, kept] = values.keep === 'this' ? [target, person] : [person, target];
      if (!(await confirmAction(`Merge ${personName(merged)} (record ${merged.id}) into ${personName(kept)} (record ${kept.id})?`, 'Merge'))) return;
      const answer = await mergePeople(merged.id, kept.id);
      notify(`${personName(merged)} merged into ${answer.full_name}.`);
      showMerged({ answer, note: await mergeOutcome(answer, personName(merged)) });
    },
  }, fields(other, keep));
}

function remove(person, btn) {
  return deleteFromPage(btn, {
    question: `Delete ${person.full_name}?`, confirmLabel: 'Delete person',
    remove: () => deletePerson(person.id), deleted: `${person.full_name} deleted.`, back: '/people',
  });
}

// Keeps gender, organization, province and attendance (reports still add up);
// replaces names and contacts with a placeholder, for good.
function erase(person, btn) {
  return confirmThenRun(btn, {
    question: `Erase the personal data of ${person.full_name}? Names, email, phone and position are replaced for good.`,
    confirmLabel: 'Erase personal data', failLabel: 'Not erased',
  }, async () => {
    const erased = await erasePerson(person.id);
    notify(`Personal data erased: the record is now “${erased.full_name}”.`);
    navigate(`/people/${person.id}`);
  });
}

export async function personFormView({ params, root }) {
  const editing = Boolean(params.id);
  const person = editing ? await getPerson(params.id) : {};
  const org = await orgById(person.organization_id);
  mount(root,
    pageHeader(editing ? `Edit ${personName(person)}` : 'New person'),
    form({
      submitLabel: editing ? 'Save' : 'Create person',
      cancel: h('a', { href: editing ? `#/people/${params.id}` : '#/people', class: 'btn btn-secondary' }, editing ? 'Back to the person' : 'Back to people'),
      onSubmit: async (values) => {
        const saved = editing
          ? await updatePerson(params.id, changes(values, person))
          : await createPerson(withoutEmpty(values));
        if (!editing) justCreated = saved;
        notify(`${saved.full_name} ${editing ? 'saved' : 'created'}.`);
        navigate(`/people/${saved.id}`);
      },
    }, personFields(person, org)));
}
