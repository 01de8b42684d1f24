// A person's page (details, training record, merge) and their form.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { changes, fields, form, withoutEmpty } from '../form.js';
import { formatDateRange, label } from '../format.js';
import { orgById, orgLink } from '../orgs.js';
import { navigate } from '../router.js';
import { hasRoute } from '../server-features.js';
import { canWrite, isAdmin } from '../session.js';
import { busy, button, confirmAction, details, empty, errorBox, linkButton, loading, notify, notifyProblem, pageHeader, section, table } from '../ui.js';
import { statusBadge } from './home.js';
import { duplicatesNote, personFields, personName, personPicker } from './person-fields.js';

// The create answer's possible duplicates, shown once on the new person's page.
let justCreated = null;

export async function personView({ params, root }) {
  const id = Number(params.id);
  const person = await api.get(`/api/v1/people/${id}`);
  const org = await orgById(person.organization_id);
  const record = h('div', {}, loading());
  const created = justCreated?.id === id ? justCreated : null;
  justCreated = null;

  mount(root,
    pageHeader(person.full_name, {
      subtitle: [person.native_name, org?.name].filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton('Edit', `#/people/${id}/edit`)] : [],
    }),
    created ? duplicatesNote(created) : null,
    section('Details', details([
      ['Full name', person.full_name],
      ['Native name', person.native_name ? h('span', { lang: 'zh' }, person.native_name) : null],
      ['Gender', label('gender', person.gender)],
      ['Organization', orgLink(org)],
      ['Position', person.position], ['Province', person.province],
      ['Email', person.email ? h('a', { href: `mailto:${person.email}` }, person.email) : null],
      ['Phone', person.phone],
    ])),
    section('Training record', record),
    canWrite() ? section('Merge a duplicate', await mergeForm(person)) : null,
    canWrite() ? h('div', { class: 'danger-zone' },
      button('Delete person', (e) => remove(person, e.currentTarget), { kind: 'danger' }),
      isAdmin() ? button('Erase personal data', (e) => erase(person, e.currentTarget), { kind: 'danger' }) : null) : null);

  mount(record, await trainingRecord(id));
}

// GET /api/v1/people/{id}/workshops: the workshops a person was registered
// for, with their role and days attended (a route the server is to add).
async function trainingRecord(id) {
  if (!(await hasRoute('get', '/api/v1/people/{id}/workshops'))) {
    return empty('This server cannot list a person’s workshops yet.');
  }
  let page;
  try {
    page = await api.get(`/api/v1/people/${id}/workshops`);
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

async function mergeForm(person) {
  if (!(await hasRoute('post', '/api/v1/people/{id}/merge'))) {
    return empty('This server cannot merge people yet.');
  }
  const into = await personPicker({ name: 'into_id', label: 'Keep this person instead', create: false, hint: 'This record’s registrations and marks move to the person you pick; this record is then deleted.' });
  return form({
    submitLabel: 'Merge into the person picked',
    onSubmit: async (values) => {
      const target = into.selected();
      if (target && !(await confirmAction(`Merge ${person.full_name} into ${target.full_name}?`, 'Merge'))) return;
      await api.post(`/api/v1/people/${person.id}/merge`, { into_id: values.into_id });
      notify(`${person.full_name} merged into ${target ? target.full_name : 'the person picked'}.`);
      navigate(`/people/${values.into_id}`);
    },
  }, fields(into));
}

async function remove(person, btn) {
  if (!(await confirmAction(`Delete ${person.full_name}?`, 'Delete person'))) return;
  await busy(btn, async () => {
    try {
      await api.del(`/api/v1/people/${person.id}`);
      notify(`${person.full_name} deleted.`);
      navigate('/people');
    } catch (problem) {
      notifyProblem(problem, 'Not deleted');
    }
  });
}

// Keeps gender, organization, province and attendance (reports still add up);
// replaces names and contacts with a placeholder, for good.
async function erase(person, btn) {
  if (!(await confirmAction(`Erase the personal data of ${person.full_name}? Names, email, phone and position are replaced for good.`, 'Erase personal data'))) return;
  await busy(btn, async () => {
    try {
      const erased = await api.post(`/api/v1/people/${person.id}/erase`);
      notify(`Personal data erased: the record is now “${erased.full_name}”.`);
      navigate(`/people/${person.id}`);
    } catch (problem) {
      notifyProblem(problem, 'Not erased');
    }
  });
}

export async function personFormView({ params, root }) {
  const editing = Boolean(params.id);
  const person = editing ? await api.get(`/api/v1/people/${params.id}`) : {};
  const org = await orgById(person.organization_id);
  mount(root,
    pageHeader(editing ? `Edit ${personName(person)}` : 'New person'),
    form({
      submitLabel: editing ? 'Save' : 'Create person',
      cancel: h('a', { href: editing ? `#/people/${params.id}` : '#/people', class: 'btn btn-secondary' }, editing ? 'Back to the person' : 'Back to people'),
      onSubmit: async (values) => {
        const saved = editing
          ? await api.patch(`/api/v1/people/${params.id}`, changes(values, person))
          : await api.post('/api/v1/people', withoutEmpty(values));
        if (!editing) justCreated = saved;
        notify(`${saved.full_name} ${editing ? 'saved' : 'created'}.`);
        navigate(`/people/${saved.id}`);
      },
    }, personFields(person, org)));
}
