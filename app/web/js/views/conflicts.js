// Double bookings as sentences a coordinator can act on.
import { organizations } from '../client/organizations.js';
import { getPerson } from '../client/people.js';
import { h } from '../dom.js';
import { formatDate, label } from '../format.js';
import { orgName } from '../orgs.js';
import { empty } from '../ui.js';

// Conflicts carry person_id and organization_id only; names are looked up
// (a handful per workshop). `knownPeople`: Map id -> name already at hand.
export async function conflictList(conflicts, knownPeople = new Map(), { withWorkshop = false, titles = new Map() } = {}) {
  if (!conflicts.length) return empty('No double bookings.');
  const people = new Map(knownPeople);
  const missing = [...new Set(conflicts.map((c) => c.person_id).filter((id) => id && !people.has(id)))];
  await Promise.all(missing.map(async (id) => {
    try {
      people.set(id, (await getPerson(id)).full_name);
    } catch {
      people.set(id, `person ${id}`);
    }
  }));
  const orgs = conflicts.some((c) => c.organization_id) ? await organizations() : new Map();
  const other = (c) => h('a', { href: `#/workshops/${c.other_workshop_id}` }, c.other_workshop_title);
  // On the workshop's own page: "X is also registered for B"; elsewhere: "X is registered for A and B".
  const both = (c, verb) => (withWorkshop
    ? [` ${verb} `, h('a', { href: `#/workshops/${c.workshop_id}` }, titles.get(c.workshop_id) || 'a workshop'), ' and ', other(c)]
    : [` also ${verb} `, other(c)]);
  return h('ul', { class: 'conflicts' }, conflicts.map((c) => {
    let text;
    if (c.kind === 'person') {
      text = [h('a', { href: `#/people/${c.person_id}` }, people.get(c.person_id)), both(c, 'is registered for')];
    } else if (c.kind === 'venue') {
      text = [[c.venue, c.city].filter(Boolean).join(', '), both(c, 'is booked for')];
    } else {
      text = [orgName(orgs.get(c.organization_id)) || 'A trainer institution', both(c, 'trains at'), c.city ? ` (${c.city})` : ''];
    }
    return h('li', { class: `conflict-${c.severity}` },
      h('span', { class: ['badge', `badge-${c.severity}`] }, label('severity', c.severity)), ' ',
      h('strong', {}, formatDate(c.date)), ' — ', text, '.');
  }));
}
