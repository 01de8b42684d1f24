// A workshop's form, to create one or edit its details. Its status changes
// through the lifecycle buttons on the workshop's page, not here.
import { projects } from '../client/projects.js';
import { createWorkshop, getWorkshop, updateWorkshop } from '../client/workshops.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { projectOptions } from '../format.js';
import { navigate } from '../router.js';
import { notify, pageHeader } from '../ui.js';

export async function workshopFormView({ params, query, root }) {
  const editing = Boolean(params.id);
  const [projectList, workshop] = await Promise.all([
    projects(),
    editing ? getWorkshop(params.id) : Promise.resolve({
      project_id: query.get('project_id'), status: 'planned', kind: 'training', topics: [],
    }),
  ]);
  const back = editing ? `#/workshops/${params.id}` : '#/workshops';

  mount(root,
    pageHeader(editing ? `Edit “${workshop.title}”` : 'New workshop'),
    form({
      submitLabel: editing ? 'Save' : 'Create workshop',
      cancel: h('a', { href: back, class: 'btn btn-secondary' }, editing ? 'Back to the workshop' : 'Back to workshops'),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateWorkshop(params.id, changes(values, workshop))
          : await createWorkshop(withoutEmpty(values));
        const n = saved.conflicts?.length || 0;
        notify(`Workshop ${editing ? 'saved' : 'created'}.${n ? ` It has ${n} scheduling conflict${n > 1 ? 's' : ''}: see below.` : ''}`, n ? 'info' : 'success');
        navigate(`/workshops/${saved.id}`);
      },
    },
    fields(
      field({ name: 'title', label: 'Title', value: workshop.title, class: 'wide' }),
      field({ name: 'project_id', label: 'Project', type: 'select', numeric: true, options: projectOptions(projectList), blank: 'Choose a project…', value: workshop.project_id, class: 'wide' })),
    fields(
      field({ name: 'kind', label: 'Kind', type: 'select', options: 'workshop_kind', value: workshop.kind }),
      editing ? null : field({ name: 'status', label: 'Status', type: 'select', options: 'workshop_status', value: workshop.status })),
    h('fieldset', {}, h('legend', {}, 'When'),
      fields(
        field({ name: 'start_date', label: 'Start date', type: 'date', value: workshop.start_date }),
        field({ name: 'end_date', label: 'End date', type: 'date', value: workshop.end_date }),
        field({ name: 'dates_estimated', label: 'Dates are estimated', type: 'checkbox', value: workshop.dates_estimated }))),
    h('fieldset', {}, h('legend', {}, 'Where'),
      fields(
        field({ name: 'city', label: 'City', value: workshop.city }),
        field({ name: 'province', label: 'Province', value: workshop.province }),
        field({ name: 'country', label: 'Country code', value: workshop.country, hint: 'Two letters, e.g. CN' }),
        field({ name: 'venue', label: 'Venue', value: workshop.venue, class: 'wide' }))),
    fields(
      field({ name: 'capacity', label: 'Capacity', type: 'number', min: 0, value: workshop.capacity }),
      field({ name: 'reported_participants', label: 'Reported participants', type: 'number', min: 0, value: workshop.reported_participants, hint: 'A headcount without a list of names (historical records)' })),
    field({ name: 'topics', label: 'Topics', type: 'list', value: workshop.topics, hint: 'One topic per line', rows: 4 }),
    field({ name: 'summary', label: 'Summary', type: 'textarea', value: workshop.summary, rows: 3 }),
    field({ name: 'notes', label: 'Notes', type: 'textarea', value: workshop.notes, rows: 3 }),
    field({ name: 'source', label: 'Source', value: workshop.source, hint: 'Where this record comes from' })));
}
