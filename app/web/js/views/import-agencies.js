// The agencies a participant list names that match no organization. Each is
// mapped to the organization it is, which keeps the list's spelling among
// its other names (so the next list that writes it so matches by itself), or
// created; then onResolved(what was done, in words) runs the dry run again.
import { createOrganization } from '../client/organizations.js';
import { h, uid } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { langOf, listText } from '../format.js';
import { addAlias, organizationPicker } from '../orgs.js';

export function agenciesPanel(unmatched, { onResolved }) {
  const id = uid('agencies');
  return h('section', { class: 'agencies', 'aria-labelledby': id },
    h('h3', { id, tabindex: '-1' }, `Agencies not recognised (${unmatched.length})`),
    h('p', { class: 'hint' }, 'Say which organization each one is, or create it. The list’s spelling is then kept as another name of that organization, and the next list that writes it so is recognised.'),
    unmatched.map((u) => agency(u, onResolved)));
}

function agency(u, onResolved) {
  const id = uid('agency');
  const candidates = u.candidates || [];
  const suggested = candidates.length ? field({
    name: 'candidate', label: 'Suggested organization', type: 'select', blank: 'Choose…', numeric: true,
    options: candidates.map((c) => [c.id, c.native_name && c.native_name !== c.name ? `${c.name} (${c.native_name})` : c.name]),
  }) : null;
  // One choice at a time: a suggestion, or an organization found by name.
  const found = organizationPicker({
    label: 'Find an organization', create: false,
    hint: 'Any of its names, in English or Chinese',
    onChange: (org) => { if (org && suggested) suggested.control.value = ''; },
  });
  suggested?.control.addEventListener('change', () => { if (suggested.control.value) found.setValue(null); });

  const mapForm = form({
    submitLabel: 'Map to this organization',
    failLabel: 'Not mapped.',
    class: 'agency-map',
    onSubmit: async (values) => {
      const orgId = values.organization_id ?? values.candidate ?? null;
      if (!orgId) {
        throw { detail: `Choose the organization “${u.name}” is.`, errors: [{ field: suggested ? 'candidate' : 'organization_id', message: 'Choose an organization, or create it below.' }] };
      }
      const org = await addAlias(orgId, u.name);
      await onResolved(`“${u.name}” is now another name of ${org.name}.`);
    },
  }, fields(suggested, found));

  const createForm = form({
    submitLabel: 'Create organization',
    failLabel: 'Not created.',
    onSubmit: async (values) => {
      const org = await createOrganization(withoutEmpty(values));
      await onResolved(`Organization “${org.name}” created.`);
    },
  }, fields(
    field({ name: 'name', label: 'Name', value: u.name, lang: langOf(u.name), class: 'wide' }),
    field({ name: 'kind', label: 'Kind', type: 'select', options: 'organization_kind', blank: 'Choose…' }),
    organizationPicker({ name: 'parent_id', label: 'Parent organization', create: false })));

  return h('article', { class: 'agency', 'aria-labelledby': id },
    h('h4', { id, lang: langOf(u.name) }, u.name),
    h('p', { class: 'muted' }, `Named in ${u.rows.length === 1 ? 'row' : 'rows'} ${listText(u.rows.map(String))}.`),
    mapForm,
    h('details', { class: 'agency-create' },
      h('summary', {}, 'Or create it as a new organization'),
      createForm));
}
