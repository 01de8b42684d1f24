// Organizations as other screens need them: names for the ids that records
// carry, and the organization picker (search, or create one on the spot).
import { createOrganization, getOrganization, listOrganizations, organizations, updateOrganization } from './client/organizations.js';
import { h } from './dom.js';
import { field, fields, form, withoutEmpty } from './form.js';
import { picker } from './picker.js';
import { openDialog, button, notify } from './ui.js';

export function orgName(org) {
  if (!org) return '';
  return org.short_name ? `${org.name} (${org.short_name})` : org.name;
}

// The picker: search by any name or alias through the API. exclude: an id
// never offered (merging an organization into itself); create: false when
// only an existing one will do.
export function organizationPicker({ name = 'organization_id', label = 'Organization', value = null, hint, onChange, class: cls, exclude = null, create = true } = {}) {
  return picker({
    name, label, hint, value, onChange, class: cls,
    search: async (text) => (await listOrganizations({ q: text, limit: 12 })).items.filter((o) => o.id !== exclude),
    describe: orgName,
    option: (o) => [orgName(o), otherNames(o) ? h('span', { class: 'combo-note' }, otherNames(o)) : null],
    create: create ? { label: (text) => `Create organization “${text}”…`, run: createOrganizationDialog } : null,
  });
}

// "公安部出入境管理局 · also 出入境管理局, NIA"
export function otherNames(org) {
  const aliases = org.aliases || [];
  return [org.native_name, aliases.length ? `also ${aliases.join(', ')}` : null].filter(Boolean).join(' · ');
}

// The fields of an organization, shared by the screen and the quick-create dialog.
export function organizationFields(org = {}, parent = null) {
  return [
    fields(
      field({ name: 'name', label: 'Name', value: org.name, class: 'wide' }),
      field({ name: 'short_name', label: 'Short name', value: org.short_name }),
      field({ name: 'native_name', label: 'Chinese name', value: org.native_name, lang: 'zh' })),
    fields(
      field({ name: 'kind', label: 'Kind', type: 'select', options: 'organization_kind', blank: 'Choose…', value: org.kind }),
      field({ name: 'country', label: 'Country code', value: org.country, hint: 'Two letters, e.g. CN' }),
      organizationPicker({ name: 'parent_id', label: 'Parent organization', value: parent, exclude: org.id ?? null })),
    fields(
      field({
        name: 'aliases', label: 'Other names', type: 'list', value: org.aliases, rows: 3, class: 'wide',
        hint: 'One per line: a former name, a short form, the spelling a host agency’s list uses. Searches and imports match any of them.',
      })),
  ];
}

// Creates an organization from a dialog; resolves with it, or null.
export function createOrganizationDialog(name) {
  return openDialog('New organization', (close) => form({
    submitLabel: 'Create organization',
    cancel: button('Cancel', () => close(null)),
    onSubmit: async (values) => {
      const org = await createOrganization(withoutEmpty(values));
      notify(`Organization “${org.name}” created.`);
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
