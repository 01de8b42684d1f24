// A person's fields and the person picker, shared by the People screens and
// the registration form (find or create a person on the spot).
import { organizations } from '../client/organizations.js';
import { createPerson, listPeople } from '../client/people.js';
import { h } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { langOf } from '../format.js';
import { t, tParts } from '../i18n.js';
import { organizationPicker } from '../orgs.js';
import { picker } from '../picker.js';
import { button, notify, openDialog } from '../ui.js';
import { inLang, listNodes, orgShort, personName, personOther } from './names.js';

// Either name is enough: with a Chinese name only, the server writes the Latin one.
export function personFields(person = {}, org = null) {
  return [
    fields(
      field({
        name: 'full_name', label: t('web.person.field.full_name'), value: person.full_name, class: 'wide',
        hint: person.full_name_generated ? generatedNote() : t('web.person.full_name_hint'),
      }),
      field({ name: 'native_name', label: t('web.person.field.native_name'), value: person.native_name, lang: 'zh', hint: t('web.person.native_name_hint') }),
      field({ name: 'gender', label: t('web.person.field.gender'), type: 'select', options: 'gender', value: person.gender || 'undisclosed' })),
    fields(
      organizationPicker({ label: t('web.person.field.organization'), value: org, class: 'wide' }),
      field({ name: 'position', label: t('web.person.field.position'), value: person.position }),
      field({ name: 'province', label: t('web.person.field.province'), value: person.province })),
    fields(
      field({ name: 'email', label: t('web.person.field.email'), type: 'email', value: person.email, autocomplete: 'off' }),
      field({ name: 'phone', label: t('web.person.field.phone'), type: 'tel', value: person.phone, autocomplete: 'off' })),
  ];
}

export function generatedNote() {
  return h('span', { class: 'generated-note' }, t('web.person.generated_note'));
}

// "WANG Fang 王芳" in English, "王芳 WANG Fang" in Chinese (a record whose only
// name is in one script shows it once).
export function bothNames(p) {
  return [personName(p), personOther(p)].filter(Boolean).join(' ');
}

// The same, with Chinese text marked as Chinese for screen readers and fonts.
export function bothNamesNode(p) {
  const other = personOther(p);
  return other ? [inLang(personName(p)), ' ', inLang(other)] : inLang(personName(p));
}

// The create answer lists people with the same name in the same organization.
export function duplicatesNote(created) {
  const dups = (created.possible_duplicates || []).map((d) => (typeof d === 'object' ? d : { id: d, full_name: t('web.person.record_n', { id: String(d) }) }));
  if (!dups.length) return null;
  const links = dups.map((d) => h('a', { href: `#/people/${d.id}` }, bothNamesNode(d)));
  return h('div', { class: 'notice-inline', role: 'note' },
    h('strong', {}, t('web.person.created_duplicates_title')), ' ',
    tParts('web.person.created_duplicates', { people: listNodes(links) }));
}

// Creates a person from a dialog; resolves with the person, or null.
// What was typed in the picker becomes the Chinese name when written in
// Chinese characters, else the Latin one.
export function createPersonDialog(typed) {
  const start = langOf(typed) === 'zh' ? { native_name: typed } : { full_name: typed };
  return openDialog(t('web.person.new'), (close) => form({
    submitLabel: t('web.person.create'),
    cancel: button(t('common.cancel'), () => close(null)),
    onSubmit: async (values) => {
      const person = await createPerson(withoutEmpty(values));
      const n = person.possible_duplicates?.length || 0;
      notify(t('web.person.created_in_dialog', { name: personName(person), n }), n ? 'info' : 'success');
      close(person);
    },
  }, personFields(start)));
}

// exclude: a person id never offered (merging someone into themself);
// contacts: each choice shows email and phone too, to tell namesakes apart.
export async function personPicker({ name = 'person_id', label = t('web.person.picker_label'), create = true, hint, wide = true, exclude = null, contacts = false } = {}) {
  const orgs = await organizations();
  const describe = (p) => {
    const org = orgs.get(p.organization_id);
    return org ? t('web.person.with_organization', { name: bothNames(p), organization: orgShort(org) }) : bothNames(p);
  };
  return picker({
    name, label, hint, class: wide ? 'wide' : null,
    search: async (text) => (await listPeople({ q: text, limit: 12 })).items.filter((p) => p.id !== exclude),
    describe,
    option: contacts ? (p) => [describe(p), h('span', { class: 'combo-note' },
      [p.email, p.phone].filter(Boolean).join(' · ') || t('web.person.no_contacts'))] : null,
    create: create ? { label: (text) => t('web.person.create_named', { name: text }), run: createPersonDialog } : null,
  });
}
