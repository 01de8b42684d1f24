// Users (administrators): create, disable or enable, reset a password.
import { organizations } from '../client/organizations.js';
import { createUser, listAllUsers, updateUser } from '../client/users.js';
import { h, mount } from '../dom.js';
import { field, fields, form, withoutEmpty } from '../form.js';
import { formatInstant, label } from '../format.js';
import { t } from '../i18n.js';
import { organizationPicker } from '../orgs.js';
import { currentUser } from '../session.js';
import { busy, button, confirmAction, notify, notifyProblem, openDialog, pageHeader, section, table } from '../ui.js';
import { orgLinkShown } from './names.js';

export async function usersView({ root }) {
  const [users, orgs] = await Promise.all([listAllUsers(), organizations()]);
  const redraw = () => usersView({ root });

  const setDisabled = async (user, disabled, btn) => {
    const username = user.username;
    if (disabled && !(await confirmAction(t('web.users.disable_confirm', { username }), t('web.users.disable_user')))) return;
    await busy(btn, async () => {
      try {
        await updateUser(user.id, { disabled });
        notify(t(disabled ? 'web.users.disabled_done' : 'web.users.enabled_done', { username }));
        await redraw();
      } catch (problem) {
        notifyProblem(problem, t('web.users.not_changed'));
      }
    });
  };

  const resetPassword = (user) => openDialog(t('web.users.password_title', { username: user.username }), (close) => form({
    submitLabel: t('web.users.set_password'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      await updateUser(user.id, { password: values.password ?? '' });
      notify(t('web.users.password_changed', { username: user.username }));
      close(true);
    },
  }, field({ name: 'password', label: t('web.users.new_password'), type: 'password', autocomplete: 'new-password', hint: t('web.users.new_password_hint') })));

  mount(root,
    pageHeader(t('web.users.title')),
    table([
      { label: t('web.users.username'), cell: (u) => u.username },
      { label: t('common.role'), cell: (u) => label('user_role', u.role), class: 'nowrap' },
      { label: t('common.organization'), cell: (u) => orgLinkShown(orgs.get(u.organization_id)) },
      { label: t('common.status'), cell: (u) => h('span', { class: ['badge', u.disabled ? 'badge-cancelled' : 'badge-confirmed'] }, u.disabled ? t('web.users.disabled') : t('web.users.active')), class: 'nowrap' },
      { label: t('web.users.created'), cell: (u) => formatInstant(u.created_at), class: 'nowrap' },
      {
        label: t('common.actions'),
        cell: (u) => h('div', { class: 'row-actions' },
          button(t('web.users.reset_password'), () => resetPassword(u), { 'aria-label': t('web.users.reset_password_of', { username: u.username }) }),
          u.id === currentUser().id ? null : u.disabled
            ? button(t('web.users.enable'), (e) => setDisabled(u, false, e.currentTarget), { 'aria-label': t('web.users.enable_named', { username: u.username }) })
            : button(t('web.users.disable'), (e) => setDisabled(u, true, e.currentTarget), { kind: 'danger', 'aria-label': t('web.users.disable_named', { username: u.username }) })),
      },
    ], users),
    section(t('web.users.new_user'), form({
      submitLabel: t('web.users.create_user'),
      onSubmit: async (values) => {
        const user = await createUser(withoutEmpty(values));
        notify(t('web.users.created_done', { username: user.username }));
        await redraw();
      },
    }, fields(
      field({ name: 'username', label: t('web.users.username'), autocomplete: 'off' }),
      field({ name: 'role', label: t('common.role'), type: 'select', options: 'user_role', value: 'coordinator' }),
      organizationPicker({ label: t('common.organization'), hint: t('web.users.organization_hint') }),
      field({ name: 'password', label: t('web.users.password'), type: 'password', autocomplete: 'new-password', hint: t('web.users.password_hint') })))));
}
