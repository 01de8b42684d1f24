// A workshop's sessions (one attendance sheet each): add, move, remove.
import { addSession, deleteSession, listSessions, updateSession } from '../client/sessions.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { formatDate, weekday, weekdayNames } from '../format.js';
import { t } from '../i18n.js';
import { canWrite } from '../session.js';
import { button, linkButton, notify, openDialog, table } from '../ui.js';
import { inLang } from './names.js';

// "Mon 2 Mar 2026", "2026年3月2日（周一）"
export function sessionDay(iso) {
  return t('web.sessions.day', { weekday: weekdayNames()[weekday(iso)], date: formatDate(iso) });
}

export async function sessionsSection(workshopId, onChange) {
  const box = h('div', {});
  const conflicts = (saved) => saved.conflicts?.length || 0;

  const sessionFields = (s = {}) => fields(
    field({ name: 'date', label: t('web.sessions.date'), type: 'date', value: s.date }),
    field({ name: 'start_time', label: t('web.sessions.start_time'), type: 'time', value: s.start_time }),
    field({ name: 'end_time', label: t('web.sessions.end_time'), type: 'time', value: s.end_time }),
    field({ name: 'title', label: t('web.sessions.session_title'), value: s.title }));

  const edit = (s) => openDialog(t('web.sessions.edit_title', { date: formatDate(s.date) }), (close) => form({
    submitLabel: t('web.sessions.save'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      const saved = await updateSession(workshopId, s.id, changes(values, s));
      close(saved);
      await draw();
      await onChange(); // feedback once the grid shows the change too
      notify(t('web.sessions.saved', { date: formatDate(saved.date), n: conflicts(saved) }));
    },
  }, sessionFields(s)));

  const remove = (s, btn) => confirmThenRun(btn, {
    question: t('web.sessions.remove_question', { date: formatDate(s.date) }),
    confirmLabel: t('web.sessions.remove'),
    failLabel: t('web.workshop.not_removed'),
  }, async () => {
    await deleteSession(workshopId, s.id);
    await draw();
    await onChange();
    notify(t('web.sessions.removed', { date: formatDate(s.date) }));
  });

  const draw = async () => {
    const sessions = (await listSessions(workshopId))
      .sort((a, b) => `${a.date} ${a.start_time || ''}`.localeCompare(`${b.date} ${b.start_time || ''}`));
    const columns = [
      { label: t('web.sessions.date'), cell: (s) => sessionDay(s.date), class: 'nowrap' },
      { label: t('web.sessions.time'), cell: (s) => (s.start_time ? `${s.start_time}${s.end_time ? `–${s.end_time}` : ''}` : ''), class: 'nowrap' },
      { label: t('common.title'), cell: (s) => inLang(s.title || '') },
    ];
    if (canWrite()) {
      columns.push({
        label: t('web.workshop.actions'),
        cell: (s) => h('div', { class: 'row-actions' },
          linkButton(t('web.sessions.checkin'), `#/workshops/${workshopId}/sessions/${s.id}/checkin`, { 'aria-label': t('web.sessions.checkin_label', { date: formatDate(s.date) }) }),
          button(t('web.sessions.edit'), () => edit(s), { 'aria-label': t('web.sessions.edit_title', { date: formatDate(s.date) }) }),
          button(t('common.remove'), (e) => remove(s, e.currentTarget), { kind: 'link', 'aria-label': t('web.sessions.remove_label', { date: formatDate(s.date) }) })),
      });
    }
    const addForm = canWrite() ? form({
      submitLabel: t('web.sessions.add'),
      heading: t('web.sessions.add_heading'),
      class: 'inline-form',
      onSubmit: async (values) => {
        const saved = await addSession(workshopId, withoutEmpty(values));
        await draw();
        box.querySelector('form')?.querySelector('input')?.focus(); // ready for the next one
        await onChange();
        notify(t('web.sessions.added', { date: formatDate(saved.date), n: conflicts(saved) }));
      },
    }, sessionFields()) : null;
    mount(box, table(columns, sessions, { emptyText: t('web.sessions.none') }), addForm);
  };

  await draw();
  return box;
}
