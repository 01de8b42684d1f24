// A workshop's form, to create one or edit its details. Its status changes
// through the lifecycle buttons on the workshop's page, not here. Its Chinese
// title and completion threshold are what its certificates print and count.
import { projects } from '../client/projects.js';
import { createWorkshop, getWorkshop, updateWorkshop } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { formatNumber, projectOptions, today } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { notify, pageHeader } from '../ui.js';
import { offerExistingSpelling } from './city-spelling.js';
import { rememberMade } from './conflicts.js';

// A participant completes a workshop present (or late) in this percent of its
// sessions, unless the workshop says otherwise.
const DEFAULT_THRESHOLD = 80;

// The two fields on the workshop's page, as [label, value] for its details.
export function certificateDetails(w) {
  const threshold = w.completion_threshold ?? DEFAULT_THRESHOLD;
  return [
    [t('web.workshop.native_title'), w.native_title ? h('span', { lang: 'zh' }, w.native_title) : null],
    [t('web.workshop.completion_threshold'), t(w.completion_threshold === null || w.completion_threshold === undefined
      ? 'web.workshop.completion_threshold_default' : 'web.workshop.completion_threshold_value', { n: threshold })],
  ];
}

export async function workshopFormView({ params, query, root }) {
  const editing = Boolean(params.id);
  const [projectList, workshop] = await Promise.all([
    projects(),
    editing ? getWorkshop(params.id) : Promise.resolve({
      project_id: query.get('project_id'), status: 'planned', kind: 'training', topics: [],
    }),
  ]);
  const back = editing ? `#/workshops/${params.id}` : '#/workshops';
  const start = field({ name: 'start_date', label: t('web.workshop.start_date'), type: 'date', value: workshop.start_date });
  const end = field({ name: 'end_date', label: t('web.workshop.end_date'), type: 'date', value: workshop.end_date });
  const status = editing ? null : statusField(workshop.status, start.control, end.control);

  mount(root,
    pageHeader(editing ? t('web.workshop.edit_title', { title: workshop.title }) : t('web.workshops.new')),
    form({
      submitLabel: editing ? t('common.save') : t('web.workshop.create'),
      cancel: h('a', { href: back, class: 'btn btn-secondary' }, editing ? t('web.workshop.back_to_workshop') : t('web.workshop.back_to_list')),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateWorkshop(params.id, changes(values, workshop))
          : await createWorkshop(withoutEmpty(values));
        const n = saved.conflicts?.length || 0;
        notify(t(editing ? 'web.workshop.saved' : 'web.workshop.created', { n }), n ? 'info' : 'success');
        rememberMade(saved.id, saved.conflicts);
        navigate(`/workshops/${saved.id}`, n ? { section: 'conflicts' } : {});
      },
    },
    fields(
      field({ name: 'title', label: t('common.title'), value: workshop.title, class: 'wide' }),
      field({ name: 'native_title', label: t('web.workshop.native_title'), value: workshop.native_title, lang: 'zh', hint: t('web.workshop.native_title_hint'), class: 'wide' })),
    fields(
      field({ name: 'project_id', label: t('web.workshop.project'), type: 'select', numeric: true, options: projectOptions(projectList), blank: t('web.workshop.choose_project'), value: workshop.project_id, class: 'wide' }),
      field({ name: 'kind', label: t('common.kind'), type: 'select', options: 'workshop_kind', value: workshop.kind }),
      status),
    h('fieldset', {}, h('legend', {}, t('web.workshop.when')),
      fields(
        start,
        end,
        field({ name: 'dates_estimated', label: t('web.workshop.dates_estimated'), type: 'checkbox', value: workshop.dates_estimated }))),
    h('fieldset', {}, h('legend', {}, t('web.workshop.where')),
      fields(
        offerExistingSpelling(field({ name: 'city', label: t('common.city'), value: workshop.city })),
        field({ name: 'province', label: t('web.workshop.province'), value: workshop.province }),
        field({ name: 'country', label: t('web.org_fields.country'), value: workshop.country, hint: t('web.org_fields.country_hint') }),
        field({ name: 'venue', label: t('web.workshop.venue'), value: workshop.venue, class: 'wide' }))),
    fields(
      field({ name: 'capacity', label: t('web.workshop.capacity'), type: 'number', min: 0, value: workshop.capacity }),
      field({ name: 'reported_participants', label: t('web.workshop.reported_participants'), type: 'number', min: 0, value: workshop.reported_participants, hint: t('web.workshop.reported_participants_hint') }),
      field({
        name: 'completion_threshold', label: t('web.workshop.completion_threshold'), type: 'number', min: 1, max: 100, step: 1,
        value: workshop.completion_threshold, placeholder: formatNumber(DEFAULT_THRESHOLD), hint: t('web.workshop.completion_threshold_hint', { n: DEFAULT_THRESHOLD }), class: 'wide',
      })),
    field({ name: 'topics', label: t('web.workshop.topics'), type: 'list', value: workshop.topics, hint: t('web.workshop.topics_hint'), rows: 4 }),
    field({ name: 'summary', label: t('web.workshop.summary'), type: 'textarea', value: workshop.summary, rows: 3 }),
    field({ name: 'notes', label: t('common.notes'), type: 'textarea', value: workshop.notes, rows: 3 }),
    field({ name: 'source', label: t('web.workshop.source'), value: workshop.source, hint: t('web.workshop.source_hint') })));
}

// A new workshop's status, proposed from its dates until the user picks one:
// past dates are a workshop recorded after the fact (held), dates under way
// one that takes attendance now (confirmed), later ones planned. The hint
// says why, so a workshop that did not take place is not recorded as held.
export function proposedStatus(startDate, endDate, now = today()) {
  if (!startDate) return null;
  if ((endDate || startDate) < now) return 'held';
  if (startDate <= now) return 'confirmed';
  return 'planned';
}

function statusField(value, startInput, endInput) {
  const status = field({ name: 'status', label: t('common.status'), type: 'select', options: 'workshop_status', value });
  const hint = h('p', { class: 'hint', id: `${status.control.id}-proposed`, 'aria-live': 'polite' });
  status.control.after(hint);
  status.control.setAttribute('aria-describedby', hint.id);
  let chosen = false;
  status.control.addEventListener('change', () => {
    chosen = true;
    hint.textContent = '';
  });
  const propose = () => {
    const proposal = proposedStatus(startInput.value, endInput.value);
    if (chosen || !proposal) return;
    status.control.value = proposal;
    hint.textContent = { held: t('web.workshop.status_proposed_held'), confirmed: t('web.workshop.status_proposed_confirmed') }[proposal] || '';
  };
  for (const input of [startInput, endInput]) {
    input.addEventListener('change', propose);
    input.addEventListener('input', propose);
  }
  return status;
}
