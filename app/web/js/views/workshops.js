// Workshops: the list with the API's filters, paged by cursor.
import { projects } from '../client/projects.js';
import { listWorkshops } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { formatDateRange, label, projectOptions } from '../format.js';
import { href, navigate } from '../router.js';
import { canWrite } from '../session.js';
import { errorBox, linkButton, pageHeader, pager, table } from '../ui.js';
import { statusBadge } from './home.js';

const FILTERS = ['q', 'project_id', 'status', 'kind', 'city', 'from', 'to'];

export async function workshopsView({ query, root }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)]));
  const cursor = query.get('cursor');
  const [projectList, page] = await Promise.all([
    projects(),
    listWorkshops({ ...filters, cursor, limit: 50 }).catch((problem) => ({ problem })),
  ]);
  const codes = new Map(projectList.map((p) => [p.id, p.code]));

  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter workshops', novalidate: true },
    fields(
      field({ name: 'q', label: 'Search', value: filters.q, hint: 'Words in the title' }),
      field({ name: 'project_id', label: 'Project', type: 'select', options: projectOptions(projectList), blank: 'All projects', value: filters.project_id }),
      field({ name: 'status', label: 'Status', type: 'select', options: 'workshop_status', blank: 'Any status', value: filters.status }),
      field({ name: 'kind', label: 'Kind', type: 'select', options: 'workshop_kind', blank: 'Any kind', value: filters.kind }),
      field({ name: 'city', label: 'City', value: filters.city }),
      field({ name: 'from', label: 'From', type: 'date', value: filters.from }),
      field({ name: 'to', label: 'To', type: 'date', value: filters.to })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Filter'),
      h('a', { href: '#/workshops', class: 'btn btn-secondary' }, 'Clear filters')));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/workshops', readValues(filterForm));
  });

  const results = page.problem
    ? errorBox(page.problem)
    : [
      table([
        { label: 'Title', cell: (w) => h('a', { href: `#/workshops/${w.id}` }, w.title) },
        { label: 'Project', cell: (w) => codes.get(w.project_id) || '' },
        { label: 'Kind', cell: (w) => label('workshop_kind', w.kind) },
        { label: 'Status', cell: (w) => statusBadge(w.status) },
        { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
        { label: 'City', cell: (w) => w.city || '' },
      ], page.items, { emptyText: 'No workshop matches these filters.' }),
      pager(page, { path: '/workshops', params: filters, query }),
    ];

  mount(root,
    pageHeader('Workshops', {
      actions: canWrite() ? [linkButton('New workshop', href('/workshops/new'), { kind: 'primary' })] : [],
    }),
    filterForm,
    results);
}
