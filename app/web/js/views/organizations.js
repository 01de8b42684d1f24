// Organizations: list (search by any name or alias, kind), a page with
// parent, sub-organizations, people and workshops, merge, and the form.
// In Chinese an organization is named by its Chinese name where it has one.
import { createOrganization, deleteOrganization, getOrganization, listOrganizations, organizations, updateOrganization } from '../client/organizations.js';
import { listPeople } from '../client/people.js';
import { listWorkshops } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, readValues, withoutEmpty } from '../form.js';
import { formatDateRange, label, langOf } from '../format.js';
import { language, t } from '../i18n.js';
import { organizationFields, orgById } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { button, details, errorBox, linkButton, notify, pageHeader, pager, section, table } from '../ui.js';
import { statusBadge } from './home.js';
import { inLang, orgLinkShown, orgOther, orgShown } from './names.js';
import { mergedNote, mergeOrganizationDialog } from './organization-merge.js';
import { nameColumns } from './people.js';

// The merge's answer, shown once on the kept organization's page.
let justMerged = null;

// The name in the other script: the Chinese name in English, the English one in Chinese.
const otherNameLabel = () => (language() === 'zh' ? t('web.organization.field.english_name') : t('web.organization.field.native_name'));

export async function organizationsView({ query, root }) {
  const q = query.get('q');
  const kind = query.get('kind');
  const cursor = query.get('cursor');
  const [orgs, page] = await Promise.all([
    organizations(),
    listOrganizations({ q, kind, cursor, limit: 50, sort: 'name' }).catch((problem) => ({ problem })),
  ]);
  const search = h('form', { class: 'filters', role: 'search', 'aria-label': t('web.organizations.search_label'), novalidate: true },
    fields(
      field({ name: 'q', label: t('common.name'), value: q, hint: t('web.organizations.search_hint') }),
      field({ name: 'kind', label: t('common.kind'), type: 'select', options: 'organization_kind', blank: t('web.organizations.any_kind'), value: kind })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.search')),
      h('a', { href: '#/organizations', class: 'btn btn-secondary' }, t('common.clear_search'))));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/organizations', readValues(search));
  });
  mount(root,
    pageHeader(t('web.organizations.title'), { actions: canWrite() ? [linkButton(t('web.organization.new'), '#/organizations/new', { kind: 'primary' })] : [] }),
    search,
    page.problem ? errorBox(page.problem) : [
      table([
        { label: t('common.name'), cell: (o) => [h('a', { href: `#/organizations/${o.id}` }, inLang(orgShown(o))),
          o.aliases?.length ? h('span', { class: 'cell-note' }, t('web.organizations.also', { names: o.aliases.join(t('web.organizations.name_separator')) })) : null] },
        { label: t('web.organization.field.short_name'), cell: (o) => o.short_name || '', class: 'nowrap' },
        { label: otherNameLabel(), cell: (o) => inLang(orgOther(o)) },
        { label: t('common.kind'), cell: (o) => label('organization_kind', o.kind), class: 'nowrap' },
        { label: t('web.organization.field.parent'), cell: (o) => orgLinkShown(orgs.get(o.parent_id)) },
        { label: t('web.organization.field.country'), cell: (o) => o.country || '', class: 'nowrap' },
      ], page.items, { emptyText: t('web.organizations.none_match') }),
      pager(page, { path: '/organizations', params: { q, kind }, query }),
    ]);
}

export async function organizationView({ params, root }) {
  const id = Number(params.id);
  const [org, orgs, workshops, people] = await Promise.all([
    getOrganization(id),
    organizations(),
    listWorkshops({ organization_id: id, limit: 100 }),
    listPeople({ organization_id: id, limit: 100, sort: 'name' }),
  ]);
  const children = [...orgs.values()].filter((o) => o.parent_id === id);
  const merged = justMerged?.kept.id === id ? mergedNote(justMerged.name, justMerged.kept) : null;
  justMerged = null;
  const merge = canWrite()
    ? button(t('web.organization.merge_into'), async () => {
      const what = {
        people: people.items.length, more_people: Boolean(people.next_cursor),
        workshops: workshops.items.length, more_workshops: Boolean(workshops.next_cursor),
        children: children.length,
      };
      const kept = await mergeOrganizationDialog(org, what);
      if (!kept) return;
      justMerged = { name: orgShown(org), kept };
      notify(t('web.merge.merged', { merged: orgShown(org), kept: orgShown(kept) }));
      navigate(`/organizations/${kept.id}`);
    }) : null;
  mount(root,
    pageHeader(orgShown(org), {
      subtitle: [org.short_name, orgOther(org), label('organization_kind', org.kind)].filter(Boolean).join(' · '),
      actions: canWrite() ? [linkButton(t('common.edit'), `#/organizations/${id}/edit`), merge].filter(Boolean) : [],
    }),
    merged,
    section(t('web.organization.details'), details([
      [t('common.name'), inLang(org.name)], [t('web.organization.field.short_name'), org.short_name],
      [t('web.organization.field.native_name'), org.native_name ? h('span', { lang: 'zh' }, org.native_name) : null],
      [t('web.organization.field.aliases'), org.aliases?.length ? h('ul', { class: 'plain' }, org.aliases.map((a) => h('li', { lang: langOf(a) }, a))) : null],
      [t('common.kind'), label('organization_kind', org.kind)], [t('web.organization.field.country'), org.country],
      [t('web.organization.field.parent'), orgLinkShown(orgs.get(org.parent_id))], [t('web.organization.field.iati_ref'), org.iati_ref],
      [t('web.organization.field.children'), children.length ? h('ul', { class: 'plain' }, children.map((c) => h('li', {}, orgLinkShown(c)))) : null],
    ])),
    section(t('web.organization.workshops'), table([
      { label: t('common.title'), cell: (w) => h('a', { href: `#/workshops/${w.id}` }, inLang(w.title)), class: 'cell-wide' },
      { label: t('common.dates'), cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
      { label: t('common.city'), cell: (w) => inLang(w.city), class: 'nowrap' },
      { label: t('common.status'), cell: (w) => statusBadge(w.status) },
    ], workshops.items, { emptyText: t('web.organization.no_workshops') }),
    workshops.next_cursor ? h('p', {}, h('a', { href: `#/workshops?organization_id=${id}` }, t('web.organization.more_workshops'))) : null),
    section(t('web.organization.people'), table([
      ...nameColumns(),
      { label: t('web.person.field.position'), cell: (p) => inLang(p.position) },
    ], people.items, { emptyText: t('web.organization.no_people') }),
    people.next_cursor ? h('p', {}, h('a', { href: `#/people?organization_id=${id}` }, t('web.organization.more_people'))) : null),
    canWrite() ? h('div', { class: 'danger-zone' }, button(t('web.organization.delete'), (e) => remove(org, e.currentTarget), { kind: 'danger' })) : null);
}

function remove(org, btn) {
  const name = orgShown(org);
  return deleteFromPage(btn, {
    question: t('web.organization.delete_confirm', { name }), confirmLabel: t('web.organization.delete'),
    remove: () => deleteOrganization(org.id), deleted: t('web.organization.deleted', { name }), back: '/organizations',
  });
}

export async function organizationFormView({ params, root }) {
  const editing = Boolean(params.id);
  const org = editing ? await getOrganization(params.id) : {};
  const parent = await orgById(org.parent_id);
  mount(root,
    pageHeader(editing ? t('web.organization.edit_title', { name: orgShown(org) }) : t('web.organization.new')),
    form({
      submitLabel: editing ? t('common.save') : t('web.organization.create'),
      cancel: h('a', { href: editing ? `#/organizations/${params.id}` : '#/organizations', class: 'btn btn-secondary' },
        editing ? t('web.organization.back_to_organization') : t('web.organization.back_to_organizations')),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateOrganization(params.id, changes(values, org))
          : await createOrganization(withoutEmpty(values));
        notify(t(editing ? 'web.organization.saved' : 'web.organization.created', { name: orgShown(saved) }));
        navigate(`/organizations/${saved.id}`);
      },
    }, organizationFields(org, parent),
    fields(field({ name: 'iati_ref', label: t('web.organization.field.iati_ref'), value: org.iati_ref, hint: t('web.organization.iati_ref_hint') }))));
}
