// Organizations: list (search by any name or alias, kind), a page with
// parent, sub-organizations, people and workshops, merge, and the form.
import { createOrganization, deleteOrganization, getOrganization, listOrganizations, organizations, updateOrganization } from '../client/organizations.js';
import { listPeople } from '../client/people.js';
import { listWorkshops } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, readValues, withoutEmpty } from '../form.js';
import { formatDateRange, label, langOf } from '../format.js';
import { organizationFields, orgById, orgLink } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { button, details, errorBox, linkButton, notify, pageHeader, pager, section, table } from '../ui.js';
import { statusBadge } from './home.js';
import { mergedNote, mergeOrganizationDialog } from './organization-merge.js';

// The merge's answer, shown once on the kept organization's page.
let justMerged = null;

export async function organizationsView({ query, root }) {
  const q = query.get('q');
  const kind = query.get('kind');
  const cursor = query.get('cursor');
  const [orgs, page] = await Promise.all([
    organizations(),
    listOrganizations({ q, kind, cursor, limit: 50 }).catch((problem) => ({ problem })),
  ]);
  const search = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search organizations', novalidate: true },
    fields(
      field({ name: 'q', label: 'Name', value: q, hint: 'Any of its names, in any script' }),
      field({ name: 'kind', label: 'Kind', type: 'select', options: 'organization_kind', blank: 'Any kind', value: kind })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Search'),
      h('a', { href: '#/organizations', class: 'btn btn-secondary' }, 'Clear search')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/organizations', readValues(search));
  });
  mount(root,
    pageHeader('Organizations', { actions: canWrite() ? [linkButton('New organization', '#/organizations/new', { kind: 'primary' })] : [] }),
    search,
    page.problem ? errorBox(page.problem) : [
      table([
        { label: 'Name', cell: (o) => [h('a', { href: `#/organizations/${o.id}` }, o.name),
          o.aliases?.length ? h('span', { class: 'cell-note' }, `Also: ${o.aliases.join(', ')}`) : null] },
        { label: 'Short name', cell: (o) => o.short_name || '' },
        { label: 'Chinese name', cell: (o) => (o.native_name ? h('span', { lang: 'zh' }, o.native_name) : '') },
        { label: 'Kind', cell: (o) => label('organization_kind', o.kind) },
        { label: 'Part of', cell: (o) => orgLink(orgs.get(o.parent_id)) },
        { label: 'Country', cell: (o) => o.country || '' },
      ], page.items, { emptyText: 'No organization matches.' }),
      pager(page, { path: '/organizations', params: { q, kind }, query }),
    ]);
}

export async function organizationView({ params, root }) {
  const id = Number(params.id);
  const [org, orgs, workshops, people] = await Promise.all([
    getOrganization(id),
    organizations(),
    listWorkshops({ organization_id: id, limit: 100 }),
    listPeople({ organization_id: id, limit: 100 }),
  ]);
  const children = [...orgs.values()].filter((o) => o.parent_id === id);
  const merged = justMerged?.kept.id === id ? mergedNote(justMerged.name, justMerged.kept) : null;
  justMerged = null;
  const merge = canWrite()
    ? button('Merge into…', async () => {
      const what = {
        people: people.next_cursor ? '100+' : people.items.length,
        workshops: workshops.next_cursor ? '100+' : workshops.items.length,
        children: children.length,
      };
      const kept = await mergeOrganizationDialog(org, what);
      if (!kept) return;
      justMerged = { name: org.name, kept };
      notify(`${org.name} merged into ${kept.name}.`);
      navigate(`/organizations/${kept.id}`);
    }) : null;
  mount(root,
    pageHeader(org.name, {
      subtitle: [org.short_name, org.native_name, label('organization_kind', org.kind)].filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton('Edit', `#/organizations/${id}/edit`), merge].filter(Boolean) : [],
    }),
    merged,
    section('Details', details([
      ['Name', org.name], ['Short name', org.short_name],
      ['Chinese name', org.native_name ? h('span', { lang: 'zh' }, org.native_name) : null],
      ['Other names', org.aliases?.length ? h('ul', { class: 'plain' }, org.aliases.map((a) => h('li', { lang: langOf(a) }, a))) : null],
      ['Kind', label('organization_kind', org.kind)], ['Country', org.country],
      ['Part of', orgLink(orgs.get(org.parent_id))], ['IATI identifier', org.iati_ref],
      ['Sub-organizations', children.length ? h('ul', { class: 'plain' }, children.map((c) => h('li', {}, orgLink(c)))) : null],
    ])),
    section('Workshops it took part in', table([
      { label: 'Title', cell: (w) => h('a', { href: `#/workshops/${w.id}` }, w.title) },
      { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
      { label: 'City', cell: (w) => w.city || '' },
      { label: 'Status', cell: (w) => statusBadge(w.status) },
    ], workshops.items, { emptyText: 'None recorded.' }),
    workshops.next_cursor ? h('p', {}, h('a', { href: `#/workshops?organization_id=${id}` }, 'More workshops…')) : null),
    section('People', table([
      { label: 'Full name (Latin script)', cell: (p) => h('a', { href: `#/people/${p.id}` }, p.full_name) },
      { label: 'Chinese name', cell: (p) => (p.native_name ? h('span', { lang: 'zh' }, p.native_name) : '') },
      { label: 'Position', cell: (p) => p.position || '' },
    ], people.items, { emptyText: 'Nobody recorded.' }),
    people.next_cursor ? h('p', {}, h('a', { href: `#/people?organization_id=${id}` }, 'More people…')) : null),
    canWrite() ? h('div', { class: 'danger-zone' }, button('Delete organization', (e) => remove(org, e.currentTarget), { kind: 'danger' })) : null);
}

function remove(org, btn) {
  return deleteFromPage(btn, {
    question: `Delete ${org.name}?`, confirmLabel: 'Delete organization',
    remove: () => deleteOrganization(org.id), deleted: `${org.name} deleted.`, back: '/organizations',
  });
}

export async function organizationFormView({ params, root }) {
  const editing = Boolean(params.id);
  const org = editing ? await getOrganization(params.id) : {};
  const parent = await orgById(org.parent_id);
  mount(root,
    pageHeader(editing ? `Edit ${org.name}` : 'New organization'),
    form({
      submitLabel: editing ? 'Save' : 'Create organization',
      cancel: h('a', { href: editing ? `#/organizations/${params.id}` : '#/organizations', class: 'btn btn-secondary' }, editing ? 'Back to the organization' : 'Back to organizations'),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateOrganization(params.id, changes(values, org))
          : await createOrganization(withoutEmpty(values));
        notify(`${saved.name} ${editing ? 'saved' : 'created'}.`);
        navigate(`/organizations/${saved.id}`);
      },
    }, organizationFields(org, parent),
    fields(field({ name: 'iati_ref', label: 'IATI identifier', value: org.iati_ref, hint: 'e.g. XM-DAC-47066' }))));
}
