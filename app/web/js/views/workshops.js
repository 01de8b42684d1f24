// Workshops: the list with the API's filters, paged by cursor.
import { projects } from '../client/projects.js';
import { listConflicts, listWorkshops } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { formatDateRange, label, projectOptions } from '../format.js';
import { t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { canWrite } from '../session.js';
import { errorBox, linkButton, pageHeader, pager, table } from '../ui.js';
import { conflictFlag, conflictMarks } from './conflicts.js';
import { statusBadge } from './home.js';
import { inLang } from './names.js';

const FILTERS = ['q', 'project_id', 'status', 'kind', 'city', 'from', 'to'];

export async function workshopsView({ query, root }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)]));
  const cursor = query.get('cursor');
  const [projectList, page] = await Promise.all([
    projects(),
    listWorkshops({ ...filters, cursor, limit: 50 }).catch((problem) => ({ problem })),
  ]);
  const codes = new Map(projectList.map((p) => [p.id, p.code]));
  const marks = page.problem ? new Map() : conflictMarks(await pageConflicts(page.items));

  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': t('web.workshops.filter_label'), novalidate: true },
    fields(
      field({ name: 'q', label: t('common.search'), value: filters.q, hint: t('web.workshops.search_hint') }),
      field({ name: 'project_id', label: t('web.workshop.project'), type: 'select', options: projectOptions(projectList), blank: t('web.workshops.all_projects'), value: filters.project_id }),
      field({ name: 'status', label: t('common.status'), type: 'select', options: 'workshop_status', blank: t('web.workshops.any_status'), value: filters.status }),
      field({ name: 'kind', label: t('common.kind'), type: 'select', options: 'workshop_kind', blank: t('web.workshops.any_kind'), value: filters.kind }),
      field({ name: 'city', label: t('common.city'), value: filters.city }),
      field({ name: 'from', label: t('web.workshops.from'), type: 'date', value: filters.from }),
      field({ name: 'to', label: t('web.workshops.to'), type: 'date', value: filters.to })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.filter')),
      h('a', { href: '#/workshops', class: 'btn btn-secondary' }, t('web.workshops.clear_filters'))));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/workshops', readValues(filterForm));
  });

  const results = page.problem
    ? errorBox(page.problem)
    : [
      table([
        { label: t('common.title'), cell: (w) => h('a', { href: `#/workshops/${w.id}` }, inLang(w.title)) },
        { label: t('web.workshop.project'), cell: (w) => codes.get(w.project_id) || '' },
        { label: t('common.kind'), cell: (w) => label('workshop_kind', w.kind), class: 'nowrap' },
        { label: t('common.status'), cell: (w) => [statusBadge(w.status), ' ', conflictFlag(w.id, marks.get(w.id))], class: 'nowrap' },
        { label: t('common.dates'), cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
        { label: t('common.city'), cell: (w) => inLang(w.city || '') },
      ], page.items, { emptyText: t('web.workshops.none_match') }),
      pager(page, { path: '/workshops', params: filters, query }),
    ];

  mount(root,
    pageHeader(t('nav.workshops'), {
      actions: canWrite() ? [linkButton(t('web.workshops.new'), href('/workshops/new'), { kind: 'primary' })] : [],
    }),
    filterForm,
    results);
}

// The double bookings over the dates of the workshops listed (none when the
// look-up fails: the list stands without its marks).
async function pageConflicts(workshops) {
  const starts = workshops.map((w) => w.start_date).filter(Boolean).sort();
  const ends = workshops.map((w) => w.end_date).filter(Boolean).sort();
  if (!starts.length) return [];
  try {
    return (await listConflicts({ from: starts[0], to: ends[ends.length - 1] || starts[starts.length - 1] })).items;
  } catch {
    return [];
  }
}
