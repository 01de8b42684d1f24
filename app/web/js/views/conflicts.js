// Double bookings as sentences a coordinator can act on.
import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDate, label } from '../format.js';
import { organizations, orgName } from '../orgs.js';
import { empty } from '../ui.js';

// Conflicts carry person_id and organization_id only; names are looked up
// (a handful per workshop). `knownPeople`: Map id -> name already at hand.
export async function conflictList(conflicts, knownPeople = new Map(), { withWorkshop = false, titles = new Map() } = {}) {
  if (!conflicts.length) return empty('No double bookings.');
  const people = new Map(knownPeople);
  const missing = [...new Set(conflicts.map((c) => c.person_id).filter((id) => id && !people.has(id)))];
  await Promise.all(missing.map(async (id) => {
    try {
      people.set(id, (await api.get(`/api/v1/people/${id}`)).full_name);
    } catch {
      people.set(id, `person ${id}`);
    }
  }));
  const orgs = conflicts.some((c) => c.organization_id) ? await organizations() : new Map();
  const other = (c) => h('a', { href: `#/workshops/${c.other_workshop_id}` }, c.other_workshop_title);
  return h('ul', { class: 'conflicts' }, conflicts.map((c) => {
    let text;
    if (c.kind === 'person') {
      text = [h('a', { href: `#/people/${c.person_id}` }, people.get(c.person_id)), ' is also registered for ', other(c)];
    } else if (c.kind === 'venue') {
      text = [[c.venue, c.city].filter(Boolean).join(', '), ' is also booked for ', other(c)];
    } else {
      text = [orgName(orgs.get(c.organization_id)) || 'A trainer institution', ' also trains at ', other(c), c.city ? ` in ${c.city}` : ''];
    }
    return h('li', { class: `conflict-${c.severity}` },
      h('span', { class: ['badge', `badge-${c.severity}`] }, label('severity', c.severity)), ' ',
      h('strong', {}, formatDate(c.date)), ' — ',
      withoutTrailing(label('conflict_kind', c.kind)), ': ',
      withWorkshop ? [h('a', { href: `#/workshops/${c.workshop_id}` }, titles.get(c.workshop_id) || 'this workshop'), ': '] : null,
      text, '.');
  }));
}

function withoutTrailing(text) {
  return text.replace(/\.$/, '');
}
