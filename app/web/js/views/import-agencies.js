// The agencies a participant list names that match no organization. Each is
// mapped to the organization it is, which keeps the list's spelling among
// its other names (so the next list that writes it so matches by itself), or
// created; then onResolved(what was done, in words) runs the dry run again.
import { createOrganization } from '../client/organizations.js';
import { h, uid } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { langOf, listText } from '../format.js';
import { language, t } from '../i18n.js';
import { addAlias, organizationPicker, orgName } from '../orgs.js';

export function agenciesPanel(unmatched, { onResolved }) {
  const id = uid('agencies');
  return h('section', { class: 'agencies', 'aria-labelledby': id },
    h('h3', { id, tabindex: '-1' }, t('web.import.agencies_title', { n: unmatched.length })),
    h('p', { class: 'hint' }, t('web.import.agencies_hint')),
    unmatched.map((u) => agency(u, onResolved)));
}

function agency(u, onResolved) {
  const id = uid('agency');
  const candidates = u.candidates || [];
  const suggested = candidates.length ? field({
    name: 'candidate', label: t('web.import.suggested_org'), type: 'select', blank: t('common.choose'), numeric: true,
    options: candidates.map((c) => [c.id, candidateName(c)]),
  }) : null;
  // One choice at a time: a suggestion, or an organization found by name.
  const found = organizationPicker({
    label: t('web.import.find_org'), create: false,
    hint: t('web.import.find_org_hint'),
    onChange: (org) => { if (org && suggested) suggested.control.value = ''; },
  });
  suggested?.control.addEventListener('change', () => { if (suggested.control.value) found.setValue(null); });

  const mapForm = form({
    submitLabel: t('web.import.map'),
    failLabel: t('web.import.not_mapped'),
    class: 'agency-map',
    onSubmit: async (values) => {
      const orgId = values.organization_id ?? values.candidate ?? null;
      if (!orgId) {
        throw {
          detail: t('web.import.choose_org_detail', { name: u.name }),
          errors: [{ field: suggested ? 'candidate' : 'organization_id', message: t('web.import.choose_org_message') }],
        };
      }
      const org = await addAlias(orgId, u.name);
      await onResolved(t('web.import.mapped', { alias: u.name, name: orgName(org) }));
    },
  }, fields(suggested, found));

  const createForm = form({
    submitLabel: t('web.org_picker.create_submit'),
    failLabel: t('web.import.not_created'),
    onSubmit: async (values) => {
      const org = await createOrganization(withoutEmpty(values));
      await onResolved(t('web.org_picker.created', { name: orgName(org) }));
    },
  }, fields(
    field({ name: 'name', label: t('common.name'), value: u.name, lang: langOf(u.name), class: 'wide' }),
    field({ name: 'kind', label: t('common.kind'), type: 'select', options: 'organization_kind', blank: t('common.choose') }),
    organizationPicker({ name: 'parent_id', label: t('web.org_fields.parent'), create: false })));

  return h('article', { class: 'agency', 'aria-labelledby': id },
    h('h4', { id, lang: langOf(u.name) }, u.name),
    h('p', { class: 'muted' }, t('web.import.named_in_rows', { n: u.rows.length, rows: listText(u.rows.map(String)) })),
    mapForm,
    h('details', { class: 'agency-create' },
      h('summary', {}, t('web.import.or_create')),
      createForm));
}

// A suggestion with both its names, the one in the interface's language first.
function candidateName(c) {
  if (!c.native_name || c.native_name === c.name) return c.name;
  return language() === 'zh' ? `${c.native_name}（${c.name}）` : `${c.name} (${c.native_name})`;
}
