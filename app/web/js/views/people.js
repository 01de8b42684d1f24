// People: search by any name (Chinese, pinyin with or without spaces, Latin
// script) or organization, paged by cursor; the count of possible duplicates.
// In Chinese a person is named by their Chinese name, the Latin one beside it,
// and the list is in pinyin order; in English the other way round.
import { listDuplicates } from '../client/duplicates.js';
import { organizationsWith } from '../client/organizations.js';
import { listPeople } from '../client/people.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { label } from '../format.js';
import { language, t } from '../i18n.js';
import { organizationPicker, orgById } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { errorBox, linkButton, pageHeader, pager, table } from '../ui.js';
import { inLang, orgShown, personName, personOther } from './names.js';

// The two name columns: the name shown (a link to the person) and the other script's.
export function nameColumns() {
  const zh = language() === 'zh';
  return [
    { label: zh ? t('web.people.name') : t('web.person.field.full_name'), cell: (p) => h('a', { href: `#/people/${p.id}` }, inLang(personName(p))), class: 'nowrap' },
    { label: zh ? t('web.person.field.full_name') : t('web.person.field.native_name'), cell: (p) => inLang(personOther(p)) },
  ];
}

export async function peopleView({ query, root }) {
  const q = query.get('q');
  const organizationId = query.get('organization_id');
  const cursor = query.get('cursor');
  const [org, page, duplicates] = await Promise.all([
    orgById(Number(organizationId)),
    listPeople({ q, organization_id: organizationId, cursor, limit: 50, sort: 'name' }).catch((problem) => ({ problem })),
    duplicatesLink(),
  ]);
  const orgs = await organizationsWith((page.items || []).map((p) => p.organization_id));

  const search = h('form', { class: 'filters', role: 'search', 'aria-label': t('web.people.search_label'), novalidate: true },
    fields(
      field({ name: 'q', label: t('web.people.name'), value: q, hint: t('web.people.search_hint') }),
      organizationPicker({ label: t('web.person.field.organization'), value: org })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.search')),
      h('a', { href: '#/people', class: 'btn btn-secondary' }, t('common.clear_search'))));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/people', readValues(search));
  });

  const results = page.problem ? errorBox(page.problem) : [
    table([
      ...nameColumns(),
      { label: t('web.person.field.gender'), cell: (p) => label('gender', p.gender), class: 'nowrap' },
      { label: t('web.person.field.organization'), cell: (p) => inLang(orgShown(orgs.get(p.organization_id))) },
      { label: t('web.person.field.position'), cell: (p) => inLang(p.position) },
    ], page.items, { emptyText: q ? t('web.people.none_match', { q }) : t('web.people.none_yet') }),
    pager(page, { path: '/people', params: { q, organization_id: organizationId }, query }),
  ];

  mount(root,
    pageHeader(t('web.people.title'), { actions: [duplicates, canWrite() ? linkButton(t('web.person.new'), '#/people/new', { kind: 'primary' }) : null].filter(Boolean) }),
    search, results);
}

// "Possible duplicates (3)", "Possible duplicates (500+)".
async function duplicatesLink() {
  const n = await listDuplicates({ limit: 500 })
    .then((page) => ({ n: page.items.length, more: page.next_cursor ? 'yes' : 'no' }), () => null);
  return linkButton(n === null ? t('web.person.possible_duplicates') : t('web.people.duplicates_link', n), '#/people/duplicates');
}
