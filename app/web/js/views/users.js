// Users (administrators): create, disable or enable, reset a password.
import { organizations } from '../client/organizations.js';
import { createUser, listAllUsers, updateUser } from '../client/users.js';
import { h, mount } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { formatInstant, label } from '../format.js';
import { organizationPicker, orgLink } from '../orgs.js';
import { currentUser } from '../session.js';
import { busy, button, confirmAction, notify, notifyProblem, openDialog, pageHeader, section, table } from '../ui.js';

export async function usersView({ root }) {
  const [users, orgs] = await Promise.all([listAllUsers(), organizations()]);
  const redraw = () => usersView({ root });

  const setDisabled = async (user, disabled, btn) => {
    if (disabled && !(await confirmAction(`Disable ${user.username}? They are signed out everywhere.`, 'Disable user'))) return;
    await busy(btn, async () => {
      try {
        await updateUser(user.id, { disabled });
        notify(`${user.username} ${disabled ? 'disabled' : 'enabled'}.`);
        await redraw();
      } catch (problem) {
        notifyProblem(problem, 'Not changed');
      }
    });
  };

  const resetPassword = (user) => openDialog(`New password for ${user.username}`, (close) => form({
    submitLabel: 'Set password',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      await updateUser(user.id, { password: values.password ?? '' });
      notify(`Password of ${user.username} changed.`);
      close(true);
    },
  }, field({ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters. Tell it to the user in person.' })));

  mount(root,
    pageHeader('Users'),
    table([
      { label: 'Username', cell: (u) => u.username },
      { label: 'Role', cell: (u) => label('user_role', u.role) },
      { label: 'Organization', cell: (u) => orgLink(orgs.get(u.organization_id)) },
      { label: 'Status', cell: (u) => h('span', { class: ['badge', u.disabled ? 'badge-cancelled' : 'badge-confirmed'] }, u.disabled ? 'Disabled' : 'Active') },
      { label: 'Created', cell: (u) => formatInstant(u.created_at), class: 'nowrap' },
      {
        label: 'Actions',
        cell: (u) => h('div', { class: 'row-actions' },
          button('Reset password', () => resetPassword(u), { 'aria-label': `Reset password of ${u.username}` }),
          u.id === currentUser().id ? null : u.disabled
            ? button('Enable', (e) => setDisabled(u, false, e.currentTarget), { 'aria-label': `Enable ${u.username}` })
            : button('Disable', (e) => setDisabled(u, true, e.currentTarget), { kind: 'danger', 'aria-label': `Disable ${u.username}` })),
      },
    ], users),
    section('New user', form({
      submitLabel: 'Create user',
      onSubmit: async (values) => {
        const user = await createUser(withoutEmpty(values));
        notify(`User ${user.username} created.`);
        await redraw();
      },
    }, fields(
      field({ name: 'username', label: 'Username', autocomplete: 'off' }),
      field({ name: 'role', label: 'Role', type: 'select', options: 'user_role', value: 'coordinator' }),
      organizationPicker({ label: 'Organization', hint: 'Required for a funder user: the reports it may see' }),
      field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters' })))));
}
