// Organizations as other screens need them: names for the ids that records
// carry, and the organization picker (search, or create one on the spot).
import { createOrganization, getOrganization, listOrganizations, organizations, updateOrganization } from './client/organizations.js';
import { h } from './dom.js';
import { language, t } from './i18n.js';
import { field, fields, form, withoutEmpty } from './form.js';
import { picker } from './picker.js';
import { openDialog, button, notify } from './ui.js';

// In Chinese, the Chinese name where there is one (公安部出入境管理局).
export function orgName(org) {
  if (!org) return '';
  if (language() === 'zh' && org.native_name) return org.native_name;
  return org.short_name ? `${org.name} (${org.short_name})` : org.name;
}

// The picker: search by any name or alias through the API. exclude: an id
// never offered (merging an organization into itself); create: false when
// only an existing one will do.
export function organizationPicker({ name = 'organization_id', label = null, value = null, hint, onChange, class: cls, exclude = null, create = true } = {}) {
  return picker({
    name, label: label ?? t('common.organization'), hint, value, onChange, class: cls,
    search: async (text) => (await listOrganizations({ q: text, limit: 12 })).items.filter((o) => o.id !== exclude),
    describe: orgName,
    option: (o) => [orgName(o), otherNames(o) ? h('span', { class: 'combo-note' }, otherNames(o)) : null],
    create: create ? { label: (text) => t('web.org_picker.create', { name: text }), run: createOrganizationDialog } : null,
  });
}

// "公安部出入境管理局 · also 出入境管理局, NIA": the names orgName did not show.
export function otherNames(org) {
  const aliases = org.aliases || [];
  const other = language() === 'zh' && org.native_name ? org.name : org.native_name;
  return [other, aliases.length ? t('web.org_picker.also', { names: aliases.join(', ') }) : null].filter(Boolean).join(' · ');
}

// The fields of an organization, shared by the screen and the quick-create dialog.
export function organizationFields(org = {}, parent = null) {
  return [
    fields(
      field({ name: 'name', label: t('web.org_fields.name'), value: org.name, class: 'wide' }),
      field({ name: 'short_name', label: t('web.org_fields.short_name'), value: org.short_name }),
      field({ name: 'native_name', label: t('web.org_fields.native_name'), value: org.native_name, lang: 'zh' })),
    fields(
      field({ name: 'kind', label: t('common.kind'), type: 'select', options: 'organization_kind', blank: t('common.choose'), value: org.kind }),
      field({ name: 'country', label: t('web.org_fields.country'), value: org.country, hint: t('web.org_fields.country_hint') }),
      organizationPicker({ name: 'parent_id', label: t('web.org_fields.parent'), value: parent, exclude: org.id ?? null })),
    fields(
      field({
        name: 'aliases', label: t('web.org_fields.aliases'), type: 'list', value: org.aliases, rows: 3, class: 'wide',
        hint: t('web.org_fields.aliases_hint'),
      })),
  ];
}

// Creates an organization from a dialog; resolves with it, or null.
export function createOrganizationDialog(name) {
  return openDialog(t('web.org_picker.new_title'), (close) => form({
    submitLabel: t('web.org_picker.create_submit'),
    cancel: button(t('common.cancel'), () => close(null)),
    onSubmit: async (values) => {
      const org = await createOrganization(withoutEmpty(values));
      notify(t('web.org_picker.created', { name: orgName(org) }));
      close(org);
    },
  }, organizationFields({ name })));
}

export async function orgById(id) {
  if (!id) return null;
  return (await organizations()).get(id) || null;
}

// Adds a spelling (from an imported list, say) to an organization's other
// names: read first, so the names added since are kept.
export async function addAlias(orgId, alias) {
  const org = await getOrganization(orgId);
  return updateOrganization(orgId, { aliases: [...(org.aliases || []), alias] });
}

export function orgLink(org) {
  return org ? h('a', { href: `#/organizations/${org.id}` }, orgName(org)) : '';
}
