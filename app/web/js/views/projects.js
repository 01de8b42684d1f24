// Projects: list, a page with its parties (funders with amounts, implementers,
// counterparts) and its workshops, and the form.
import { organizations } from '../client/organizations.js';
import {
  createProject, deleteProject, getProject, getProjectParties, iatiUrl, listProjects, setProjectParties, updateProject,
} from '../client/projects.js';
import { listWorkshops } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, readValues, withoutEmpty } from '../form.js';
import { formatAmount, formatDate, formatDateRange, label } from '../format.js';
import { organizationPicker, orgLink } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, details, linkButton, notify, notifyProblem, openDialog, pageHeader, pager, section, table } from '../ui.js';
import { statusBadge } from './home.js';

export async function projectsView({ query, root }) {
  const q = query.get('q');
  const cursor = query.get('cursor');
  const page = await listProjects({ q, cursor, limit: 50 });
  const search = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search projects', novalidate: true },
    fields(field({ name: 'q', label: 'Code or title', value: q })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Search'),
      h('a', { href: '#/projects', class: 'btn btn-secondary' }, 'Clear search')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/projects', readValues(search));
  });
  mount(root,
    pageHeader('Projects', { actions: canWrite() ? [linkButton('New project', '#/projects/new', { kind: 'primary' })] : [] }),
    search,
    table([
      { label: 'Code', cell: (p) => h('a', { href: `#/projects/${p.id}` }, p.code) },
      { label: 'Title', cell: (p) => p.title },
      { label: 'Funding instrument', cell: (p) => p.funding_instrument || '' },
      { label: 'Dates', cell: (p) => (p.start_date || p.end_date ? formatDateRange(p.start_date, p.end_date) : ''), class: 'nowrap' },
    ], page.items, { emptyText: 'No project matches.' }),
    pager(page, { path: '/projects', params: { q }, query }));
}

export async function projectView({ params, root }) {
  const id = Number(params.id);
  const [project, workshops] = await Promise.all([
    getProject(id),
    listWorkshops({ project_id: id, limit: 100 }),
  ]);
  mount(root,
    pageHeader(`${project.code} — ${project.title}`, {
      subtitle: project.native_title || '',
      actions: [
        linkButton('Results', `#/projects/${id}/results`),
        ...(canWrite() ? [linkButton('Edit', `#/projects/${id}/edit`), linkButton('New workshop', `#/workshops/new?project_id=${id}`)] : []),
        linkButton('Export IATI', iatiUrl(id), { download: `iati-${project.code}.xml` }),
      ],
    }),
    section('Details', details([
      ['Code', project.code], ['Title', project.title],
      ['Native title', project.native_title ? h('span', { lang: 'zh' }, project.native_title) : null],
      ['Summary', project.summary], ['Start date', formatDate(project.start_date)], ['End date', formatDate(project.end_date)],
      ['Funding instrument', project.funding_instrument], ['Default currency', project.default_currency],
    ])),
    section('Parties', await partiesEditor(project)),
    section('Workshops', table([
      { label: 'Title', cell: (w) => h('a', { href: `#/workshops/${w.id}` }, w.title) },
      { label: 'Kind', cell: (w) => label('workshop_kind', w.kind) },
      { label: 'Status', cell: (w) => statusBadge(w.status) },
      { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
      { label: 'City', cell: (w) => w.city || '' },
    ], workshops.items, { emptyText: 'No workshop yet.' }),
    workshops.next_cursor ? h('p', {}, h('a', { href: `#/workshops?project_id=${id}` }, 'All workshops of this project…')) : null),
    canWrite() ? h('div', { class: 'danger-zone' }, button('Delete project', (e) => remove(project, e.currentTarget), { kind: 'danger' })) : null);
}

// The parties are one set, replaced with PUT on every change.
async function partiesEditor(project) {
  const box = h('div', {});
  let parties = await getProjectParties(project.id);

  const save = async (next) => {
    const saved = await setProjectParties(project.id, next.map((p) => withoutEmpty({
      organization_id: p.organization_id, role: p.role, amount: p.amount ?? null, currency: p.currency ?? null,
    })));
    parties = Array.isArray(saved) ? saved : next;
    await draw();
  };

  const money = (p = {}) => [
    field({ name: 'amount', label: 'Amount', type: 'number', min: 0, step: 'any', value: p.amount, hint: 'Funders only' }),
    field({ name: 'currency', label: 'Currency', value: p.currency ?? project.default_currency, hint: 'e.g. EUR' }),
  ];

  const edit = (p, name) => openDialog(`${name} in ${project.code}`, (close) => form({
    submitLabel: 'Save party',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      await save(parties.map((x) => (x === p ? { ...x, ...values } : x)));
      notify(`${name} saved.`);
      close(true);
    },
  }, fields(field({ name: 'role', label: 'Role', type: 'select', options: 'project_role', value: p.role }), money(p))));

  const draw = async () => {
    const orgs = await organizations();
    const nameOf = (p) => orgs.get(p.organization_id)?.name || `organization ${p.organization_id}`;
    const columns = [
      { label: 'Organization', cell: (p) => orgLink(orgs.get(p.organization_id)) || nameOf(p) },
      { label: 'Role', cell: (p) => label('project_role', p.role) },
      { label: 'Amount', cell: (p) => formatAmount(p.amount, p.currency), numeric: true },
    ];
    if (canWrite()) {
      columns.push({
        label: 'Actions',
        cell: (p) => h('div', { class: 'row-actions' },
          button('Change', () => edit(p, nameOf(p)), { 'aria-label': `Change ${nameOf(p)}` }),
          button('Remove', (e) => busy(e.currentTarget, async () => {
            try {
              await save(parties.filter((x) => x !== p));
              notify(`${nameOf(p)} removed from ${project.code}.`);
            } catch (problem) {
              notifyProblem(problem, 'Not removed');
            }
          }), { kind: 'link', 'aria-label': `Remove ${nameOf(p)}` })),
      });
    }
    const addForm = canWrite() ? form({
      submitLabel: 'Add party',
      heading: 'Add a party',
      class: 'inline-form',
      onSubmit: async (values) => {
        await save([...parties, values]);
        notify(`${orgs.get(values.organization_id)?.name || 'Organization'} added as ${label('project_role', values.role).toLowerCase()}.`);
        box.querySelector('form input')?.focus();
      },
    }, fields(
      organizationPicker({ label: 'Organization' }),
      field({ name: 'role', label: 'Role', type: 'select', options: 'project_role', value: 'lead_funder' }),
      money())) : null;
    mount(box, table(columns, parties, { emptyText: 'No party recorded yet.' }), addForm);
  };
  await draw();
  return box;
}

function remove(project, btn) {
  return deleteFromPage(btn, {
    question: `Delete ${project.code}?`, confirmLabel: 'Delete project',
    remove: () => deleteProject(project.id), deleted: `${project.code} deleted.`, back: '/projects',
  });
}

export async function projectFormView({ params, root }) {
  const editing = Boolean(params.id);
  const project = editing ? await getProject(params.id) : {};
  mount(root,
    pageHeader(editing ? `Edit ${project.code}` : 'New project'),
    form({
      submitLabel: editing ? 'Save' : 'Create project',
      cancel: h('a', { href: editing ? `#/projects/${params.id}` : '#/projects', class: 'btn btn-secondary' }, editing ? 'Back to the project' : 'Back to projects'),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateProject(params.id, changes(values, project))
          : await createProject(withoutEmpty(values));
        notify(`${saved.code} ${editing ? 'saved' : 'created'}.`);
        navigate(`/projects/${saved.id}`);
      },
    },
    fields(
      field({ name: 'code', label: 'Code', value: project.code, hint: 'Short and unique, e.g. CBMM' }),
      field({ name: 'title', label: 'Title', value: project.title, class: 'wide' })),
    field({ name: 'native_title', label: 'Native title', value: project.native_title, lang: 'zh' }),
    field({ name: 'summary', label: 'Summary', type: 'textarea', value: project.summary }),
    fields(
      field({ name: 'start_date', label: 'Start date', type: 'date', value: project.start_date }),
      field({ name: 'end_date', label: 'End date', type: 'date', value: project.end_date }),
      field({ name: 'funding_instrument', label: 'Funding instrument', value: project.funding_instrument }),
      field({ name: 'default_currency', label: 'Default currency', value: project.default_currency, hint: 'e.g. EUR' }))));
}
