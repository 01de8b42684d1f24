// Taking attendance, made for a phone: one session at a time (today's first),
// a row per registered person with the name and four marks of at least 44 px,
// and All present and Save in a bar that stays at the bottom of the window.
// Its unsaved marks are the grid's (attendance-grid.js): set in one, they show
// in the other, and signing out asks about them.
import { getAttendance } from '../client/attendance.js';
import { getWorkshop } from '../client/workshops.js';
import { h, mount, uid } from '../dom.js';
import { formatDate, label, today } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, empty, linkButton, pageHeader } from '../ui.js';
import { saveSheet, unsavedMarks } from './attendance-grid.js';
import { personName, personNameNodes } from './names.js';
import { sessionDay } from './workshop-sessions.js';

const MARKS = ['present', 'late', 'excused', 'absent'];
const LETTER = {
  present: 'web.attendance.letter.present',
  late: 'web.attendance.letter.late',
  excused: 'web.attendance.letter.excused',
  absent: 'web.attendance.letter.absent',
};

// The session asked for, else today's, else the last one before today, else the first.
function chosenSession(sessions, asked) {
  const byId = sessions.findIndex((s) => String(s.id) === asked);
  if (byId >= 0) return byId;
  const now = today();
  const todays = sessions.findIndex((s) => s.date === now);
  if (todays >= 0) return todays;
  const past = sessions.map((s, i) => [s.date, i]).filter(([date]) => date && date < now);
  return past.length ? past[past.length - 1][1] : 0;
}

export async function takeAttendanceView({ params, query, root }) {
  const id = Number(params.id);
  const [workshop, matrix] = await Promise.all([getWorkshop(id), getAttendance(id)]);
  const back = linkButton(t('web.take.back'), `#/workshops/${id}`);
  const header = pageHeader(t('web.take.title'), { subtitle: workshop.title, actions: [back] });
  const { sessions, rows } = matrix;
  if (!sessions.length || !rows.length) {
    mount(root, header, empty(t(sessions.length ? 'web.take.nobody' : 'web.take.no_sessions')));
    return;
  }
  const c = chosenSession(sessions, query.get('session'));
  const session = sessions[c];
  const unsaved = unsavedMarks(id, matrix);
  const editable = canWrite();
  const key = (r) => `${session.id}:${rows[r].person_id}`;
  const markOf = (r) => (unsaved.has(key(r)) ? unsaved.get(key(r)) : rows[r].marks[c]);

  // Which session: a choice of every day, today's marked.
  const pickId = uid('session');
  const picker = h('select', { id: pickId },
    sessions.map((s, i) => h('option', { value: String(s.id), selected: i === c },
      [sessionDay(s.date), s.start_time, s.title, s.date === today() ? t('web.take.today_note') : null].filter(Boolean).join(' · '))));
  picker.addEventListener('change', () => navigate(`/workshops/${id}/attendance`, { session: picker.value }));

  const buttons = []; // per row: mark -> button
  const tally = h('p', { class: 'save-bar-status', 'aria-live': 'polite' });
  const drawTally = () => {
    const marked = rows.filter((_, r) => markOf(r)).length;
    const pending = rows.filter((_, r) => unsaved.has(key(r))).length;
    tally.textContent = t('web.take.tally', { marked, total: rows.length, pending });
  };
  const drawRow = (r) => {
    const m = markOf(r);
    for (const mark of MARKS) {
      const btn = buttons[r][mark];
      btn.setAttribute('aria-pressed', String(m === mark));
      btn.className = ['mark', m === mark ? `mark-${mark}` : 'mark-none', m === mark && unsaved.has(key(r)) ? 'unsaved' : ''].join(' ');
    }
  };
  const setMark = (r, value) => {
    if (value === (rows[r].marks[c] ?? null)) unsaved.delete(key(r));
    else unsaved.set(key(r), value);
    drawRow(r);
    drawTally();
  };

  const list = h('ul', { class: 'take-list' }, rows.map((row, r) => {
    const name = personName(row);
    buttons[r] = {};
    const marks = MARKS.map((mark) => {
      // A second tap on the mark set clears it.
      const btn = h('button', {
        type: 'button', disabled: !editable, 'aria-label': t('web.take.mark_label', { name, mark: label('attendance', mark) }),
        onClick: () => setMark(r, markOf(r) === mark ? null : mark),
      }, t(LETTER[mark]));
      buttons[r][mark] = btn;
      return btn;
    });
    return h('li', { class: 'take-row' },
      h('span', { class: 'take-name' }, personNameNodes(row, { stacked: true }),
        row.role !== 'participant' ? h('span', { class: 'session-note' }, label('registration_role', row.role)) : null),
      h('span', { class: 'take-marks', role: 'group', 'aria-label': name }, marks));
  }));
  rows.forEach((_, r) => drawRow(r));
  drawTally();

  const problem = h('p', { class: 'refusal', role: 'alert', hidden: true });
  const bar = editable ? h('div', { class: 'save-bar' },
    tally,
    h('div', { class: 'save-bar-actions' },
      button(t('web.attendance.all_present'), () => rows.forEach((_, r) => { if (!markOf(r)) setMark(r, 'present'); }),
        { 'aria-label': t('web.attendance.all_present_label', { date: formatDate(session.date) }) }),
      button(t('common.save'), (e) => busy(e.currentTarget, async () => {
        const saved = await saveSheet(id, matrix, c, markOf);
        problem.hidden = saved.ok;
        problem.textContent = saved.ok ? '' : saved.text;
        if (!saved.ok) return;
        rows.forEach((_, r) => {
          unsaved.delete(key(r));
          drawRow(r);
        });
        drawTally();
      }), { kind: 'primary', 'aria-label': t('web.attendance.save_label', { date: formatDate(session.date) }) }))) : tally;

  mount(root,
    header,
    h('div', { class: 'field take-session' }, h('label', { for: pickId }, t('web.take.session')), picker),
    h('p', { class: 'hint' }, t('web.take.hint')),
    problem,
    list,
    bar);
}
