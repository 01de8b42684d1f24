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

// One double booking, the same whichever workshop reports it.
export function conflictKey(c) {
  const pair = [c.workshop_id, c.other_workshop_id].sort((x, y) => x - y).join('-');
  return [c.date, c.kind, pair, c.person_id, c.organization_id, c.venue].join('|');
}

// What the workshop form's save made, for the workshop's page it opens next
// to mark as new (the page cannot tell them from older ones by itself).
const madeElsewhere = new Map();
export function rememberMade(workshopId, conflicts) {
  if (conflicts?.length) madeElsewhere.set(Number(workshopId), conflicts);
}
export function takeMade(workshopId) {
  const made = madeElsewhere.get(Number(workshopId)) || [];
  madeElsewhere.delete(Number(workshopId));
  return made;
}

// Workshop id -> {severity, n}: the worst severity among its double
// bookings (a conflict before a warning) and how many it has; for the marks
// on the workshop list and the calendar. `onDate`: only those of that day.
export function conflictMarks(conflicts, onDate = null) {
  const marks = new Map();
  for (const c of conflicts) {
    if (onDate && c.date !== onDate) continue;
    for (const id of [c.workshop_id, c.other_workshop_id]) {
      const m = marks.get(id) || { severity: 'warning', n: 0 };
      m.n += 1;
      if (c.severity === 'conflict') m.severity = 'conflict';
      marks.set(id, m);
    }
  }
  return marks;
}

// The mark itself: a badge that opens the workshop's conflicts.
export function conflictFlag(workshopId, mark) {
  if (!mark) return null;
  return h('a', {
    class: ['badge', `badge-${mark.severity}`, 'conflict-flag'],
    href: `#/workshops/${workshopId}?section=conflicts`,
    title: t('web.conflicts.flag_title', { n: mark.n }),
  }, label('severity', mark.severity));
}

// Conflicts carry person_id and organization_id only; names are looked up
// (a handful per workshop). `knownPeople`: Map id -> {full_name, native_name}
// already at hand. `fresh`: the ones a change just made, marked as new.
export async function conflictList(conflicts, knownPeople = new Map(), {
  withWorkshop = false, titles = new Map(), fresh = [], emptyText = t('web.conflicts.none'),
} = {}) {
  if (!conflicts.length) return empty(emptyText);
  const isFresh = new Set(fresh.map(conflictKey));
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
      workshop: link(c.workshop_id, c.workshop_title || titles.get(c.workshop_id) || t('web.conflicts.a_workshop')),
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
    const isNew = isFresh.has(conflictKey(c));
    return h('li', { class: [`conflict-${c.severity}`, isNew ? 'conflict-new' : ''] },
      h('span', { class: ['badge', `badge-${c.severity}`] }, label('severity', c.severity)), ' ',
      isNew ? [h('span', { class: 'badge badge-new' }, t('web.conflicts.new')), ' '] : null,
      tParts('web.conflicts.dated', { date: h('strong', {}, formatDate(c.date)), text }));
  }));
}
