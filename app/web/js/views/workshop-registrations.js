// A workshop's registrations, in the order of the host's list (No.): find or
// create a person and register them with a role; change role and status; remove.
import { deleteRegistration, register, updateRegistration } from '../client/registrations.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form } from '../form.js';
import { label } from '../format.js';
import { canWrite } from '../session.js';
import { button, notify, openDialog, table } from '../ui.js';
import { personPicker } from './person-fields.js';

// names: person_id -> full name (from the sign-in matrix, which lists the
// registered people with their names).
export async function registrationsSection(workshopId, registrations, names, onChange) {
  const nameOf = (r) => names.get(r.person_id) || `Person ${r.person_id}`;

  const edit = (r) => openDialog(`Registration of ${nameOf(r)}`, (close) => form({
    submitLabel: 'Save registration',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      await updateRegistration(workshopId, r.id, changes(values, r));
      close(true);
      await onChange(); // feedback once the page shows the change
      notify(`Registration of ${nameOf(r)} saved.`);
    },
  }, fields(
    field({ name: 'role', label: 'Role', type: 'select', options: 'registration_role', value: r.role }),
    field({ name: 'status', label: 'Status', type: 'select', options: 'registration_status', value: r.status }))));

  const remove = (r, btn) => confirmThenRun(btn, {
    question: `Remove the registration of ${nameOf(r)}?`, confirmLabel: 'Remove registration', failLabel: 'Not removed',
  }, async () => {
    await deleteRegistration(workshopId, r.id);
    await onChange();
    notify(`${nameOf(r)} is no longer registered.`);
  });

  const columns = [
    { label: 'No.', cell: (r) => String(r.list_order ?? ''), numeric: true },
    { label: 'Name', cell: (r) => h('a', { href: `#/people/${r.person_id}` }, nameOf(r)), rowHeader: true },
    { label: 'Role', cell: (r) => label('registration_role', r.role) },
    { label: 'Status', cell: (r) => label('registration_status', r.status) },
  ];
  if (canWrite()) {
    columns.push({
      label: 'Actions',
      cell: (r) => h('div', { class: 'row-actions' },
        button('Change', () => edit(r), { 'aria-label': `Change the registration of ${nameOf(r)}` }),
        button('Remove', (e) => remove(r, e.currentTarget), { kind: 'link', 'aria-label': `Remove the registration of ${nameOf(r)}` })),
    });
  }
  // In the order of the host's list (its 序号), the people added by hand after them.
  const sorted = [...registrations].sort((a, b) => (a.list_order ?? Infinity) - (b.list_order ?? Infinity)
    || nameOf(a).localeCompare(nameOf(b)));
  const box = h('div', {});
  let addForm = null;
  if (canWrite()) {
    const person = await personPicker({ hint: 'Type a name (Chinese too) and pick, or create the person' });
    addForm = form({
      submitLabel: 'Register',
      heading: 'Register a person',
      id: 'register-form',
      class: 'inline-form',
      onSubmit: async (values) => {
        const chosen = person.selected();
        const saved = await register(workshopId, values);
        const n = saved.conflicts?.length || 0;
        await onChange();
        // The section was redrawn: focus the new form's picker for the next person.
        document.getElementById('register-form')?.querySelector('input[role=combobox]')?.focus();
        notify(`${chosen ? chosen.full_name : 'Person'} registered.${n ? ` ${n} scheduling conflict(s): see Conflicts.` : ''}`, n ? 'info' : 'success');
      },
    }, fields(
      person,
      field({ name: 'role', label: 'Role', type: 'select', options: 'registration_role', value: 'participant' }),
      field({ name: 'status', label: 'Status', type: 'select', options: 'registration_status', value: 'registered' })));
  }
  mount(box,
    h('p', { class: 'muted' }, `${registrations.length} registered`),
    table(columns, sorted, { emptyText: 'Nobody is registered yet.' }),
    addForm);
  return box;
}
