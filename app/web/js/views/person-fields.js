// A person's fields and the person picker, shared by the People screens and
// the registration form (find or create a person on the spot).
import { organizations } from '../client/organizations.js';
import { createPerson, listPeople } from '../client/people.js';
import { h } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { langOf } from '../format.js';
import { organizationPicker } from '../orgs.js';
import { picker } from '../picker.js';
import { button, notify, openDialog } from '../ui.js';

// Either name is enough: with a Chinese name only, the server writes the Latin one.
export function personFields(person = {}, org = null) {
  return [
    fields(
      field({
        name: 'full_name', label: 'Full name (Latin script)', value: person.full_name, class: 'wide',
        hint: person.full_name_generated ? generatedNote() : 'e.g. WANG Fang. Left empty, it is written from the Chinese name.',
      }),
      field({ name: 'native_name', label: 'Chinese name', value: person.native_name, lang: 'zh', hint: 'e.g. 王芳' }),
      field({ name: 'gender', label: 'Gender', type: 'select', options: 'gender', value: person.gender || 'undisclosed' })),
    fields(
      organizationPicker({ value: org, class: 'wide' }),
      field({ name: 'position', label: 'Position', value: person.position }),
      field({ name: 'province', label: 'Province', value: person.province })),
    fields(
      field({ name: 'email', label: 'Email', type: 'email', value: person.email, autocomplete: 'off' }),
      field({ name: 'phone', label: 'Phone', type: 'tel', value: person.phone, autocomplete: 'off' })),
  ];
}

export function generatedNote() {
  return h('span', { class: 'generated-note' }, 'Generated from the Chinese name — correct it if needed.');
}

// "WANG Fang 王芳" (a record whose only name is Chinese shows it once).
export function personName(p) {
  return p.native_name && p.native_name !== p.full_name ? `${p.full_name} ${p.native_name}` : p.full_name;
}

// The same, with the Chinese name marked as Chinese for screen readers and fonts.
export function personNameNode(p) {
  if (!p.native_name || p.native_name === p.full_name) return p.full_name;
  return [p.full_name, ' ', h('span', { lang: 'zh' }, p.native_name)];
}

// The create answer lists people with the same name in the same organization.
export function duplicatesNote(created) {
  const dups = (created.possible_duplicates || []).map((d) => (typeof d === 'object' ? d : { id: d, full_name: `person ${d}` }));
  if (!dups.length) return null;
  return h('div', { class: 'notice-inline', role: 'note' },
    h('strong', {}, 'Possible duplicates: '),
    dups.map((d, i) => [i ? ', ' : '', h('a', { href: `#/people/${d.id}` }, personName(d))]),
    '. If this is the same person, merge the records from this person’s page.');
}

// Creates a person from a dialog; resolves with the person, or null.
// What was typed in the picker becomes the Chinese name when written in
// Chinese characters, else the Latin one.
export function createPersonDialog(typed) {
  const start = langOf(typed) === 'zh' ? { native_name: typed } : { full_name: typed };
  return openDialog('New person', (close) => form({
    submitLabel: 'Create person',
    cancel: button('Cancel', () => close(null)),
    onSubmit: async (values) => {
      const person = await createPerson(withoutEmpty(values));
      const n = person.possible_duplicates?.length || 0;
      notify(`${person.full_name} created.${n ? ` ${n} possible duplicate(s) with the same name in the same organization: check their page.` : ''}`, n ? 'info' : 'success');
      close(person);
    },
  }, personFields(start)));
}

// exclude: a person id never offered (merging someone into themself);
// contacts: each choice shows email and phone too, to tell namesakes apart.
export async function personPicker({ name = 'person_id', label = 'Person', create = true, hint, wide = true, exclude = null, contacts = false } = {}) {
  const orgs = await organizations();
  const describe = (p) => {
    const org = orgs.get(p.organization_id);
    return org ? `${personName(p)} — ${org.short_name || org.name}` : personName(p);
  };
  return picker({
    name, label, hint, class: wide ? 'wide' : null,
    search: async (text) => (await listPeople({ q: text, limit: 12 })).items.filter((p) => p.id !== exclude),
    describe,
    option: contacts ? (p) => [describe(p), h('span', { class: 'combo-note' },
      [p.email, p.phone].filter(Boolean).join(' · ') || 'no email or phone recorded')] : null,
    create: create ? { label: (text) => `Create person “${text}”…`, run: createPersonDialog } : null,
  });
}
