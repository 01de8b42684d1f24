// The audit trail (administrators): who changed what and when, with filters.
import { listAudit } from '../client/audit.js';
import { listAllUsers } from '../client/users.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { formatInstant, label, options } from '../format.js';
import { navigate } from '../router.js';
import { errorBox, pageHeader, pager, table } from '../ui.js';

const FILTERS = ['user_id', 'entity', 'entity_id', 'action', 'from', 'to'];
// Records that have a page of their own.
const PAGES = { workshop: 'workshops', person: 'people', organization: 'organizations', project: 'projects' };

export async function auditView({ query, root }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)]));
  const cursor = query.get('cursor');
  const [users, page] = await Promise.all([
    listAllUsers(),
    listAudit({ ...filters, cursor, limit: 50 }).catch((problem) => ({ problem })),
  ]);
  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the audit trail', novalidate: true },
    fields(
      field({ name: 'user_id', label: 'User', type: 'select', blank: 'Anyone', options: users.map((u) => [u.id, u.username]), value: filters.user_id }),
      field({ name: 'entity', label: 'Record type', value: filters.entity, hint: 'e.g. workshop, person, attendance' }),
      field({ name: 'entity_id', label: 'Record id', type: 'number', min: 1, value: filters.entity_id }),
      field({ name: 'action', label: 'Action', type: 'select', blank: 'Any action', options: options('audit_action'), value: filters.action }),
      field({ name: 'from', label: 'From', type: 'date', value: filters.from }),
      field({ name: 'to', label: 'To', type: 'date', value: filters.to })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Filter'),
      h('a', { href: '#/audit', class: 'btn btn-secondary' }, 'Clear filters')));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/audit', readValues(filterForm));
  });

  const json = (value) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));
  mount(root,
    pageHeader('Audit'),
    filterForm,
    page.problem ? errorBox(page.problem) : [
      table([
        { label: 'When', cell: (e) => formatInstant(e.at), class: 'nowrap' },
        { label: 'Who', cell: (e) => e.username || 'system' },
        { label: 'Action', cell: (e) => label('audit_action', e.action) },
        {
          label: 'Record',
          cell: (e) => {
            const text = `${label('entity', e.entity)}${e.entity_id ? ` #${e.entity_id}` : ''}`;
            const page = PAGES[e.entity];
            return page && e.entity_id && e.action !== 'delete' ? h('a', { href: `#/${page}/${e.entity_id}` }, text) : text;
          },
        },
        {
          label: 'Change',
          cell: (e) => h('details', {}, h('summary', {}, 'Before and after'),
            h('div', { class: 'diff' },
              h('div', {}, h('h3', {}, 'Before'), h('pre', {}, json(e.before))),
              h('div', {}, h('h3', {}, 'After'), h('pre', {}, json(e.after))))),
        },
      ], page.items, { caption: 'Audit trail, oldest first', emptyText: 'No entry matches these filters.' }),
      pager(page, { path: '/audit', params: filters, query }),
    ]);
}
