// People: search by any name (Chinese, pinyin with or without spaces, Latin
// script) or organization, paged by cursor; the count of possible duplicates.
import { listDuplicates } from '../client/duplicates.js';
import { organizations } from '../client/organizations.js';
import { listPeople } from '../client/people.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { label } from '../format.js';
import { organizationPicker, orgById } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { errorBox, linkButton, pageHeader, pager, table } from '../ui.js';

export async function peopleView({ query, root }) {
  const q = query.get('q');
  const organizationId = query.get('organization_id');
  const cursor = query.get('cursor');
  const [orgs, org, page, duplicates] = await Promise.all([
    organizations(),
    orgById(Number(organizationId)),
    listPeople({ q, organization_id: organizationId, cursor, limit: 50 }).catch((problem) => ({ problem })),
    duplicatesLink(),
  ]);

  const search = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search people', novalidate: true },
    fields(
      field({ name: 'q', label: 'Name', value: q, hint: 'Chinese or pinyin: 王芳, Wang Fang, wangfang' }),
      organizationPicker({ label: 'Organization', value: org })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Search'),
      h('a', { href: '#/people', class: 'btn btn-secondary' }, 'Clear search')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/people', readValues(search));
  });

  const results = page.problem ? errorBox(page.problem) : [
    table([
      { label: 'Full name (Latin script)', cell: (p) => h('a', { href: `#/people/${p.id}` }, p.full_name) },
      { label: 'Chinese name', cell: (p) => (p.native_name ? h('span', { lang: 'zh' }, p.native_name) : '') },
      { label: 'Gender', cell: (p) => label('gender', p.gender) },
      { label: 'Organization', cell: (p) => orgs.get(p.organization_id)?.name || '' },
      { label: 'Position', cell: (p) => p.position || '' },
    ], page.items, { emptyText: q ? `Nobody matches “${q}”.` : 'No people recorded yet.' }),
    pager(page, { path: '/people', params: { q, organization_id: organizationId }, query }),
  ];

  mount(root,
    pageHeader('People', { actions: [duplicates, canWrite() ? linkButton('New person', '#/people/new', { kind: 'primary' }) : null].filter(Boolean) }),
    search, results);
}

// "Possible duplicates (3)".
async function duplicatesLink() {
  const n = await listDuplicates({ limit: 500 })
    .then((page) => `${page.items.length}${page.next_cursor ? '+' : ''}`, () => null);
  return linkButton(n === null ? 'Possible duplicates' : `Possible duplicates (${n})`, '#/people/duplicates');
}
