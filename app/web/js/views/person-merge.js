// Merging two records of one person: its answer in words (what the kept
// record took from the other, what differed), shown once on the page the
// coordinator lands on.
import { organizations } from '../client/organizations.js';
import { h } from '../dom.js';
import { listText } from '../format.js';

const FIELDS = {
  full_name: 'name in Latin script', native_name: 'Chinese name', gender: 'gender', organization_id: 'organization',
  position: 'position', province: 'province', email: 'email', phone: 'phone',
};

export function fieldWords(field) {
  return FIELDS[field] || field.replace(/_/g, ' ');
}

// answer: the kept person with filled_fields and conflicting_fields.
export async function mergeOutcome(answer, mergedName) {
  const orgs = await organizations();
  const shown = (field, v) => {
    if (v === null || v === undefined || v === '') return 'none';
    return field === 'organization_id' ? orgs.get(v)?.name || `organization ${v}` : String(v);
  };
  const kept = answer.full_name;
  const filled = answer.filled_fields || [];
  const conflicts = answer.conflicting_fields || [];
  return h('div', { class: 'notice-inline merge-outcome', role: 'note' },
    h('p', {}, h('strong', {}, `${mergedName} merged into ${kept}.`)),
    h('p', {}, filled.length
      ? `Filled in from the merged record, which ${kept} lacked: ${listText(filled.map(fieldWords))}.`
      : `Nothing was filled in: ${kept} lacked nothing the merged record had.`),
    conflicts.length
      ? [h('p', {}, `Different in the two records, kept as ${kept} had ${conflicts.length === 1 ? 'it' : 'them'}:`),
        h('ul', {}, conflicts.map((c) => h('li', {},
          h('strong', {}, fieldWords(c.field)), `: kept “${shown(c.field, c.kept)}”; the merged record had “${shown(c.field, c.merged)}”.`)))]
      : h('p', {}, 'No value differed between the two records.'));
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
