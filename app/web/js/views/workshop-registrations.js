// A workshop's registrations, in the order of the host's list (No.): find or
// create a person and register them with a role; change role and status; remove.
import { badgesUrl, issueLink, issueMissingLinks, listLinks } from '../client/checkin.js';
import { deleteRegistration, register, updateRegistration } from '../client/registrations.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form } from '../form.js';
import { label } from '../format.js';
import { locale, t } from '../i18n.js';
import { canWrite } from '../session.js';
import { busy, button, linkButton, notify, openDialog, table } from '../ui.js';
import { inLang, personName, personNameNodes } from './names.js';
import { personPicker } from './person-fields.js';

// people: person_id -> {full_name, native_name, organization} (from the
// sign-in matrix, which lists the registered people with their names).
export async function registrationsSection(workshopId, registrations, people, onChange) {
  const nameOf = (r) => personName(people.get(r.person_id)) || t('web.registrations.person_n', { id: r.person_id });

  const edit = (r) => openDialog(t('web.registrations.edit_title', { name: nameOf(r) }), (close) => form({
    submitLabel: t('web.registrations.save'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      await updateRegistration(workshopId, r.id, changes(values, r));
      close(true);
      await onChange(); // feedback once the page shows the change
      notify(t('web.registrations.saved', { name: nameOf(r) }));
    },
  }, fields(
    field({ name: 'role', label: t('web.workshop.role'), type: 'select', options: 'registration_role', value: r.role }),
    field({ name: 'status', label: t('common.status'), type: 'select', options: 'registration_status', value: r.status }))));

  const remove = (r, btn) => confirmThenRun(btn, {
    question: t('web.registrations.remove_question', { name: nameOf(r) }),
    confirmLabel: t('web.registrations.remove'),
    failLabel: t('web.workshop.not_removed'),
  }, async () => {
    await deleteRegistration(workshopId, r.id);
    await onChange();
    notify(t('web.registrations.removed', { name: nameOf(r) }));
  });

  // Personal links (the participant's page, one-scan check-in) and codes.
  const links = canWrite() ? new Map((await listLinks(workshopId)).items.map((l) => [l.registration_id, l])) : new Map();
  const showLink = (r) => openDialog(t('web.links.title', { name: nameOf(r) }), (close) => {
    const link = links.get(r.id);
    const body = h('div', { class: 'link-dialog' },
      link ? [
        h('p', {}, t('web.links.explain')),
        h('dl', { class: 'details' },
          h('dt', {}, t('web.links.code')), h('dd', {}, h('code', { class: 'personal-code' }, link.code)),
          h('dt', {}, t('web.links.url')), h('dd', {}, h('a', { href: link.url, target: '_blank', rel: 'noopener' }, link.url))),
        h('p', { class: 'hint' }, t('web.links.reissue_hint')),
      ] : h('p', {}, t('web.links.none_yet')),
      h('div', { class: 'form-actions' },
        link ? button(t('web.links.copy'), async () => {
          try {
            await navigator.clipboard.writeText(link.url);
            notify(t('web.links.copied', { name: nameOf(r) }));
          } catch { // no clipboard over plain HTTP but on this machine: selected, to copy by hand
            window.getSelection().selectAllChildren(body.querySelector('dd a'));
            notify(t('web.links.copy_by_hand'), 'info');
          }
        }, { kind: 'primary' }) : null,
        // Reissuing stops the old link at once: never the first choice.
        button(t(link ? 'web.links.reissue' : 'web.links.issue'), (e) => busy(e.currentTarget, async () => {
          await issueLink(workshopId, r.id);
          close(true);
          await onChange();
          notify(t('web.links.issued_one', { name: nameOf(r) }));
        }), { kind: link ? 'secondary' : 'primary' }),
        button(t('common.back'), () => close(null))));
    return body;
  });

  const columns = [
    { label: t('web.registrations.list_order'), cell: (r) => String(r.list_order ?? ''), numeric: true },
    {
      label: t('web.registrations.name'),
      cell: (r) => h('a', { href: `#/people/${r.person_id}` }, people.has(r.person_id) ? personNameNodes(people.get(r.person_id)) : nameOf(r)),
      rowHeader: true,
    },
    { label: t('common.organization'), cell: (r) => inLang(people.get(r.person_id)?.organization || '') },
    { label: t('web.workshop.role'), cell: (r) => label('registration_role', r.role), class: 'nowrap' },
    { label: t('common.status'), cell: (r) => label('registration_status', r.status), class: 'nowrap' },
  ];
  if (canWrite()) {
    columns.push({
      label: t('web.links.code'),
      cell: (r) => (links.has(r.id) ? h('code', { class: 'personal-code' }, links.get(r.id).code) : '—'),
      class: 'nowrap',
    });
  }
  if (canWrite()) {
    columns.push({
      label: t('web.workshop.actions'),
      cell: (r) => h('div', { class: 'row-actions' },
        button(t('web.registrations.change'), () => edit(r), { 'aria-label': t('web.registrations.change_label', { name: nameOf(r) }) }),
        r.status === 'cancelled' ? null : button(t('web.links.link'), () => showLink(r), { 'aria-label': t('web.links.link_label', { name: nameOf(r) }) }),
        button(t('common.remove'), (e) => remove(r, e.currentTarget), { kind: 'link', 'aria-label': t('web.registrations.remove_label', { name: nameOf(r) }) })),
    });
  }
  // In the order of the host's list (its 序号), the people added by hand after
  // them by name (in Chinese, by the Chinese collation: pinyin order).
  const sorted = [...registrations].sort((a, b) => (a.list_order ?? Infinity) - (b.list_order ?? Infinity)
    || nameOf(a).localeCompare(nameOf(b), locale()));
  const box = h('div', {});
  let addForm = null;
  if (canWrite()) {
    const person = await personPicker({ label: t('web.registrations.person'), hint: t('web.registrations.person_hint') });
    addForm = form({
      submitLabel: t('web.registrations.register'),
      heading: t('web.registrations.register_heading'),
      id: 'register-form',
      class: 'inline-form',
      onSubmit: async (values) => {
        const chosen = person.selected();
        const saved = await register(workshopId, values);
        const n = saved.conflicts?.length || 0;
        await onChange();
        // The section was redrawn: focus the new form's picker for the next person.
        document.getElementById('register-form')?.querySelector('input[role=combobox]')?.focus();
        notify(chosen
          ? t('web.registrations.registered', { name: personName(chosen), n })
          : t('web.registrations.registered_someone', { n }), n ? 'info' : 'success');
      },
    }, fields(
      person,
      field({ name: 'role', label: t('web.workshop.role'), type: 'select', options: 'registration_role', value: 'participant' }),
      field({ name: 'status', label: t('common.status'), type: 'select', options: 'registration_status', value: 'registered' })));
  }
  const missing = registrations.filter((r) => r.status !== 'cancelled' && !links.has(r.id)).length;
  const linkActions = canWrite() && registrations.length ? h('div', { class: 'row-actions links-actions' },
    missing ? button(t('web.links.issue_missing', { n: missing }), (e) => busy(e.currentTarget, async () => {
      const { issued } = await issueMissingLinks(workshopId);
      await onChange();
      notify(t('web.links.issued', { n: issued }));
    })) : null,
    links.size ? linkButton(t('web.links.badges'), badgesUrl(workshopId), { target: '_blank', rel: 'noopener' }) : null) : null;
  mount(box,
    h('p', { class: 'muted' }, t('web.registrations.count', { n: registrations.length })),
    linkActions,
    table(columns, sorted, { emptyText: t('web.registrations.none') }),
    addForm);
  return box;
}
