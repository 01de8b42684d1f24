// Double bookings as sentences a coordinator can act on.
import { organizations } from '../client/organizations.js';
import { getPerson } from '../client/people.js';
import { h } from '../dom.js';
import { formatDate, label } from '../format.js';
import { t, tParts } from '../i18n.js';
import { empty } from '../ui.js';
import { orgName } from '../orgs.js';
import { inLang, personName } from './names.js';

// Each kind of double booking in a sentence: on the workshop's own page
// (also), and where both workshops are named (both).
const SENTENCES = {
  person: { also: 'web.conflicts.person_also', both: 'web.conflicts.person_both' },
  venue: { also: 'web.conflicts.venue_also', both: 'web.conflicts.venue_both' },
  trainer: { also: 'web.conflicts.trainer_also', both: 'web.conflicts.trainer_both' },
  trainer_city: { also: 'web.conflicts.trainer_city_also', both: 'web.conflicts.trainer_city_both' },
};

// Conflicts carry person_id and organization_id only; names are looked up
// (a handful per workshop). `knownPeople`: Map id -> {full_name, native_name}
// already at hand.
export async function conflictList(conflicts, knownPeople = new Map(), { withWorkshop = false, titles = new Map() } = {}) {
  if (!conflicts.length) return empty(t('web.conflicts.none'));
  const people = new Map([...knownPeople].map(([id, p]) => [id, personName(p)]));
  const missing = [...new Set(conflicts.map((c) => c.person_id).filter((id) => id && !people.has(id)))];
  await Promise.all(missing.map(async (id) => {
    try {
      people.set(id, personName(await getPerson(id)));
    } catch {
      people.set(id, t('web.conflicts.person_n', { id }));
    }
  }));
  const orgs = conflicts.some((c) => c.organization_id) ? await organizations() : new Map();
  const link = (id, title) => h('a', { href: `#/workshops/${id}` }, inLang(title));
  // On the workshop's own page: "X is also registered for B"; elsewhere: "X
  // is registered for A and B".
  const sentence = (c, kind, params) => (withWorkshop
    ? tParts(SENTENCES[kind].both, {
      ...params,
      workshop: link(c.workshop_id, titles.get(c.workshop_id) || t('web.conflicts.a_workshop')),
      other: link(c.other_workshop_id, c.other_workshop_title),
    })
    : tParts(SENTENCES[kind].also, { ...params, other: link(c.other_workshop_id, c.other_workshop_title) }));
  return h('ul', { class: 'conflicts' }, conflicts.map((c) => {
    let text;
    if (c.kind === 'person') {
      text = sentence(c, 'person', { person: h('a', { href: `#/people/${c.person_id}` }, inLang(people.get(c.person_id))) });
    } else if (c.kind === 'venue') {
      const venue = c.venue && c.city ? t('web.conflicts.venue_in_city', { venue: c.venue, city: c.city }) : (c.venue || c.city || '');
      text = sentence(c, 'venue', { venue: inLang(venue) });
    } else {
      const org = inLang(orgName(orgs.get(c.organization_id)) || t('web.conflicts.a_trainer_institution'));
      text = sentence(c, c.city ? 'trainer_city' : 'trainer', { org, city: inLang(c.city || '') });
    }
    return h('li', { class: `conflict-${c.severity}` },
      h('span', { class: ['badge', `badge-${c.severity}`] }, label('severity', c.severity)), ' ',
      tParts('web.conflicts.dated', { date: h('strong', {}, formatDate(c.date)), text }));
  }));
}
