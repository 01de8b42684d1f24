// A workshop's sessions (one attendance sheet each): add, move, remove.
import { addSession, deleteSession, listSessions, updateSession } from '../client/sessions.js';
import { confirmThenRun } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, withoutEmpty } from '../form.js';
import { formatDate, formatDay } from '../format.js';
import { canWrite } from '../session.js';
import { button, notify, openDialog, table } from '../ui.js';

export async function sessionsSection(workshopId, onChange) {
  const box = h('div', {});
  const conflictNote = (saved) => (saved.conflicts?.length ? ` It creates ${saved.conflicts.length} scheduling conflict(s): see Conflicts.` : '');

  const sessionFields = (s = {}) => fields(
    field({ name: 'date', label: 'Date', type: 'date', value: s.date }),
    field({ name: 'start_time', label: 'Start time', type: 'time', value: s.start_time }),
    field({ name: 'end_time', label: 'End time', type: 'time', value: s.end_time }),
    field({ name: 'title', label: 'Session title', value: s.title }));

  const edit = (s) => openDialog(`Move or edit the session of ${formatDate(s.date)}`, (close) => form({
    submitLabel: 'Save session',
    cancel: button('Back', () => close(null)),
    onSubmit: async (values) => {
      const saved = await updateSession(workshopId, s.id, changes(values, s));
      close(saved);
      await draw();
      await onChange(); // feedback once the grid shows the change too
      notify(`Session saved for ${formatDate(saved.date)}.${conflictNote(saved)}`);
    },
  }, sessionFields(s)));

  const remove = (s, btn) => confirmThenRun(btn, {
    question: `Remove the session of ${formatDate(s.date)}?`, confirmLabel: 'Remove session', failLabel: 'Not removed',
  }, async () => {
    await deleteSession(workshopId, s.id);
    await draw();
    await onChange();
    notify(`Session of ${formatDate(s.date)} removed.`);
  });

  const draw = async () => {
    const sessions = (await listSessions(workshopId))
      .sort((a, b) => `${a.date} ${a.start_time || ''}`.localeCompare(`${b.date} ${b.start_time || ''}`));
    const columns = [
      { label: 'Date', cell: (s) => formatDay(s.date) + ` ${s.date.slice(0, 4)}`, class: 'nowrap' },
      { label: 'Time', cell: (s) => (s.start_time ? `${s.start_time}${s.end_time ? `–${s.end_time}` : ''}` : '') },
      { label: 'Title', cell: (s) => s.title || '' },
    ];
    if (canWrite()) {
      columns.push({
        label: 'Actions',
        cell: (s) => h('div', { class: 'row-actions' },
          button('Move or edit', () => edit(s), { 'aria-label': `Move or edit the session of ${formatDate(s.date)}` }),
          button('Remove', (e) => remove(s, e.currentTarget), { kind: 'link', 'aria-label': `Remove the session of ${formatDate(s.date)}` })),
      });
    }
    const addForm = canWrite() ? form({
      submitLabel: 'Add session',
      heading: 'Add a session',
      class: 'inline-form',
      onSubmit: async (values, el) => {
        const saved = await addSession(workshopId, withoutEmpty(values));
        await draw();
        box.querySelector('form input')?.focus(); // ready for the next one
        await onChange();
        notify(`Session added on ${formatDate(saved.date)}.${conflictNote(saved)}`);
      },
    }, sessionFields()) : null;
    mount(box, table(columns, sessions, { emptyText: 'No sessions yet. A workshop with dates gets one per day.' }), addForm);
  };

  await draw();
  return box;
}
