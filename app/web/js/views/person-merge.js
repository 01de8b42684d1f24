// Merging two records of one person: its answer in words (what the kept
// record took from the other, what differed), shown once on the page the
// coordinator lands on.
import { organizations } from '../client/organizations.js';
import { h } from '../dom.js';
import { label, listText } from '../format.js';
import { t, tParts } from '../i18n.js';
import { orgShown, personName } from './names.js';

// The fields a merge reports, as words inside a sentence ("phone", "电话").
const FIELDS = {
  full_name: 'web.merge.field.full_name', native_name: 'web.merge.field.native_name', gender: 'web.merge.field.gender',
  organization_id: 'web.merge.field.organization_id', position: 'web.merge.field.position', province: 'web.merge.field.province',
  email: 'web.merge.field.email', phone: 'web.merge.field.phone',
};

export function fieldWords(field) {
  return FIELDS[field] ? t(FIELDS[field]) : field.replace(/_/g, ' ');
}

// answer: the kept person with filled_fields and conflicting_fields.
export async function mergeOutcome(answer, mergedName) {
  const orgs = await organizations();
  const shown = (field, v) => {
    if (v === null || v === undefined || v === '') return t('web.merge.none');
    if (field === 'organization_id') return orgShown(orgs.get(v)) || t('web.merge.organization_n', { id: String(v) });
    if (field === 'gender') return label('gender', v);
    return String(v);
  };
  const kept = personName(answer);
  const filled = answer.filled_fields || [];
  const conflicts = answer.conflicting_fields || [];
  return h('div', { class: 'notice-inline merge-outcome', role: 'note' },
    h('p', {}, h('strong', {}, t('web.merge.merged', { merged: mergedName, kept }))),
    h('p', {}, filled.length
      ? t('web.merge.filled', { kept, fields: listText(filled.map(fieldWords)) })
      : t('web.merge.nothing_filled', { kept })),
    conflicts.length
      ? [h('p', {}, t('web.merge.conflicts', { kept, n: conflicts.length })),
        h('ul', {}, conflicts.map((c) => h('li', {}, tParts('web.merge.conflict', {
          field: h('strong', {}, fieldWords(c.field)), kept: shown(c.field, c.kept), merged: shown(c.field, c.merged),
        }))))]
      : h('p', {}, t('web.merge.no_conflicts')));
}

// The outcome, kept for the next drawing of a person's page.
let pending = null;

export function rememberOutcome(personId, note) {
  pending = { personId, note };
}

export function takeOutcome(personId) {
  const note = pending?.personId === personId ? pending.note : null;
  pending = null;
  return note;
}
