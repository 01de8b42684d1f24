// The sign-in grid: registered people × sessions. A mark is set with a click
// (cycling Present → Late → Excused → Absent → none) or with the keys P, L, E,
// A (Delete clears; arrows move). Each session column is saved on its own:
// its sheet is replaced with PUT. Today's column comes first.
import { saveSessionAttendance } from '../client/attendance.js';
import { h } from '../dom.js';
import { formatDate, formatDay, label, today } from '../format.js';
import { language, t } from '../i18n.js';
import { canWrite, currentUser } from '../session.js';
import { busy, empty, notify, notifyProblem } from '../ui.js';
import { inLang, personName, personNameNodes, sentences } from './names.js';
import { sessionDay } from './workshop-sessions.js';

const CYCLE = [null, 'present', 'late', 'excused', 'absent'];
const KEYS = { p: 'present', l: 'late', e: 'excused', a: 'absent' };
// A mark as its cell shows it (P, L, E, A; 出, 迟, 假, 缺).
const LETTER = {
  present: 'web.attendance.letter.present',
  late: 'web.attendance.letter.late',
  excused: 'web.attendance.letter.excused',
  absent: 'web.attendance.letter.absent',
};

// Unsaved marks survive redraws and leaving the page, for the user who set
// them (never saved under another's name): workshop id ->
// Map("sessionId:personId" -> status or null).
const unsavedByWorkshop = new Map();
let unsavedBy = null;

// The unsaved marks, once another user has signed in: none (kept while
// nobody is, so the same user can sign in again after a session expires).
function drafts() {
  const me = currentUser()?.username;
  if (me && me !== unsavedBy) {
    unsavedByWorkshop.clear();
    unsavedBy = me;
  }
  return unsavedByWorkshop;
}

// Marks set but not saved, in every workshop: signing out and closing the
// tab ask first.
export function unsavedMarkCount() {
  let n = 0;
  for (const marks of drafts().values()) n += marks.size;
  return n;
}

export function discardUnsavedMarks() {
  unsavedByWorkshop.clear();
}

// A workshop's unsaved marks ("sessionId:personId" -> status or null), shared
// by the grid and the attendance view: a mark set in one shows in the other.
// Marks for a session or a registration removed since are gone with it.
export function unsavedMarks(workshopId, matrix) {
  if (!drafts().has(workshopId)) unsavedByWorkshop.set(workshopId, new Map());
  const unsaved = unsavedByWorkshop.get(workshopId);
  const cellKeys = new Set(matrix.sessions.flatMap((s) => matrix.rows.map((r) => `${s.id}:${r.person_id}`)));
  for (const k of [...unsaved.keys()]) if (!cellKeys.has(k)) unsaved.delete(k);
  return unsaved;
}

// Saves session c's sheet (its marks as markOf(r) gives them) and tells how
// many marks changed; on a refusal, the returned text names whose mark the
// server refused. -> {ok: true} | {ok: false, text}
export async function saveSheet(workshopId, matrix, c, markOf) {
  const { sessions, rows } = matrix;
  const s = sessions[c];
  // A mark cleared is sent as null: a participant's own check-in is kept
  // unless the sheet names them.
  const sheet = rows.map((row, r) => ({ person_id: row.person_id, status: markOf(r) ?? null }))
    .filter((m, r) => m.status || rows[r].marks[c]);
  const changed = rows.filter((row, r) => (markOf(r) ?? null) !== (row.marks[c] ?? null)).length;
  try {
    await saveSessionAttendance(workshopId, s.id, sheet);
    rows.forEach((row, r) => {
      if ((markOf(r) ?? null) !== (row.marks[c] ?? null) && row.sources) row.sources[c] = markOf(r) ? 'coordinator' : null;
      row.marks[c] = markOf(r);
    });
    notify(t('web.attendance.saved_changes', { date: formatDate(s.date), n: changed }));
    return { ok: true };
  } catch (problem) {
    const named = (problem.errors || []).map((e) => {
      const index = Number((/^\[(\d+)\]/.exec(e.field) || [])[1]);
      const who = Number.isInteger(index) && sheet[index] ? personName(rows.find((x) => x.person_id === sheet[index].person_id)) : null;
      return who ? t('web.attendance.person_problem', { name: who, message: e.message }) : e.message;
    });
    notifyProblem(problem, t('web.attendance.not_saved_for', { date: formatDate(s.date) }));
    return { ok: false, text: sentences([t('common.not_saved'), problem.detail, ...named]) };
  }
}

export function attendanceGrid(workshopId, matrix) {
  const unsaved = unsavedMarks(workshopId, matrix);
  if (!matrix.sessions.length) return empty(t('web.attendance.no_sessions'));
  if (!matrix.rows.length) return empty(t('web.attendance.nobody'));
  const editable = canWrite();
  const now = today();
  const { sessions, rows } = matrix;
  const order = sessions.map((_, i) => i)
    .sort((a, b) => Number(sessions[b].date === now) - Number(sessions[a].date === now) || a - b);
  const key = (c, r) => `${sessions[c].id}:${rows[r].person_id}`;
  const markOf = (c, r) => (unsaved.has(key(c, r)) ? unsaved.get(key(c, r)) : rows[r].marks[c]);
  const cells = new Map(); // "c:r" -> button
  const statusOf = new Map(); // c -> status element

  // Marks a participant set at self check-in, and people one phone checked
  // in together (a coordinator should look).
  const fromCheckin = (c, r) => !unsaved.has(key(c, r)) && rows[r].sources?.[c] === 'self_checkin';
  const flagged = (c, r) => (matrix.flags || []).some((f) => f.session_id === sessions[c].id
    && f.person_ids.includes(rows[r].person_id));

  const describe = (c, r) => {
    const m = markOf(c, r);
    return [t(unsaved.has(key(c, r)) ? 'web.attendance.cell_unsaved' : 'web.attendance.cell', {
      name: personName(rows[r]), date: formatDate(sessions[c].date), mark: m ? label('attendance', m) : t('web.attendance.no_mark'),
    }), fromCheckin(c, r) ? t('web.attendance.from_checkin') : null,
    flagged(c, r) ? t('web.attendance.flag_same_device') : null].filter(Boolean).join(language() === 'zh' ? '' : ' ');
  };

  const drawCell = (c, r) => {
    const btn = cells.get(`${c}:${r}`);
    const m = markOf(c, r);
    btn.textContent = m ? t(LETTER[m]) : '·';
    btn.className = ['mark', m ? `mark-${m}` : 'mark-none', unsaved.has(key(c, r)) ? 'unsaved' : '',
      fromCheckin(c, r) ? 'from-checkin' : '', flagged(c, r) ? 'flagged' : ''].join(' ');
    btn.setAttribute('aria-label', describe(c, r));
    btn.title = [fromCheckin(c, r) ? t('web.attendance.from_checkin') : null,
      flagged(c, r) ? t('web.attendance.flag_same_device') : null].filter(Boolean).join(language() === 'zh' ? '' : ' ');
  };

  const drawStatus = (c) => {
    const n = rows.filter((_, r) => unsaved.has(key(c, r))).length;
    const el = statusOf.get(c);
    if (el && !el.dataset.problem) el.textContent = n ? t('web.attendance.n_unsaved', { n }) : '';
  };

  const setMark = (c, r, value) => {
    if (value === rows[r].marks[c]) unsaved.delete(key(c, r));
    else unsaved.set(key(c, r), value);
    delete statusOf.get(c)?.dataset.problem;
    drawCell(c, r);
    drawStatus(c);
  };

  const save = async (c, btn) => {
    const status = statusOf.get(c);
    await busy(btn, async () => {
      const saved = await saveSheet(workshopId, matrix, c, (r) => markOf(c, r));
      if (saved.ok) {
        rows.forEach((_, r) => {
          unsaved.delete(key(c, r));
          drawCell(c, r);
        });
        delete status.dataset.problem;
        status.textContent = t('web.attendance.saved_short');
      } else {
        status.dataset.problem = 'yes';
        status.textContent = saved.text;
      }
    });
  };

  const focusCell = (c, r) => cells.get(`${c}:${r}`)?.focus();
  // One Tab stop for the whole grid (the last cell used); arrows move inside it.
  let current = null;
  const makeCurrent = (btn) => {
    if (current && current !== btn) current.tabIndex = -1;
    btn.tabIndex = 0;
    current = btn;
  };

  const onKey = (event, position, r) => {
    const c = order[position];
    const k = event.key.toLowerCase();
    if (KEYS[k] && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      setMark(c, r, KEYS[k]);
      if (r + 1 < rows.length) focusCell(c, r + 1); // on to the next person
    } else if (event.key === 'Delete' || event.key === 'Backspace') { // text-ok: keyboard keys
      event.preventDefault();
      setMark(c, r, null);
    } else if (event.key === 'ArrowDown' && r + 1 < rows.length) {
      event.preventDefault();
      focusCell(c, r + 1);
    } else if (event.key === 'ArrowUp' && r > 0) {
      event.preventDefault();
      focusCell(c, r - 1);
    } else if (event.key === 'ArrowRight' && position + 1 < order.length) {
      event.preventDefault();
      focusCell(order[position + 1], r);
    } else if (event.key === 'ArrowLeft' && position > 0) {
      event.preventDefault();
      focusCell(order[position - 1], r);
    }
  };

  const head = h('tr', {}, h('th', { scope: 'col' }, t('web.attendance.person')), order.map((c) => {
    const s = sessions[c];
    return h('th', { scope: 'col', class: s.date === now ? 'today' : null },
      // The day, with its year when that is not this year's.
      s.date.slice(0, 4) === now.slice(0, 4) ? formatDay(s.date) : sessionDay(s.date),
      s.date === now ? h('span', { class: 'badge badge-today' }, t('web.attendance.today')) : null,
      s.start_time || s.title ? h('span', { class: 'session-note' }, [s.start_time, s.title].filter(Boolean).join(' ')) : null);
  }));

  const body = rows.map((row, r) => h('tr', {},
    h('th', { scope: 'row' }, personNameNodes(row, { stacked: true }),
      row.organization ? h('span', { class: 'session-note' }, inLang(row.organization)) : null,
      row.role !== 'participant' ? h('span', { class: 'session-note' }, label('registration_role', row.role)) : null),
    order.map((c, position) => {
      const btn = h('button', { type: 'button', disabled: !editable });
      btn.addEventListener('click', () => {
        const next = CYCLE[(CYCLE.indexOf(markOf(c, r)) + 1) % CYCLE.length];
        setMark(c, r, next);
      });
      btn.addEventListener('keydown', (event) => onKey(event, position, r));
      btn.addEventListener('focus', () => makeCurrent(btn));
      btn.tabIndex = -1;
      cells.set(`${c}:${r}`, btn);
      return h('td', { class: sessions[c].date === now ? 'today' : null }, btn);
    })));

  const foot = editable ? h('tr', {}, h('th', { scope: 'row' }, t('web.attendance.save_each_day')), order.map((c) => {
    const s = sessions[c];
    const status = h('span', { class: 'col-status', 'aria-live': 'polite' });
    statusOf.set(c, status);
    return h('td', { class: sessions[c].date === now ? 'today' : null },
      h('button', {
        type: 'button', class: 'btn btn-primary btn-small',
        'aria-label': t('web.attendance.save_label', { date: formatDate(s.date) }),
        onClick: (e) => save(c, e.currentTarget),
      }, t('common.save')),
      h('button', {
        type: 'button', class: 'btn btn-link btn-small',
        'aria-label': t('web.attendance.all_present_label', { date: formatDate(s.date) }),
        onClick: () => rows.forEach((_, r) => { if (!markOf(c, r)) setMark(c, r, 'present'); }),
      }, t('web.attendance.all_present')),
      status);
  })) : null;

  // The grid scrolls in its own box, no taller than the window, its head,
  // names and Save row staying put: Save is in sight on a 40-row grid.
  const grid = h('div', { class: 'table-wrap grid-wrap' },
    h('table', { class: 'grid' },
      h('caption', {}, t('web.attendance.caption')),
      h('thead', {}, head), h('tbody', {}, body), foot ? h('tfoot', {}, foot) : null));
  for (const c of order) {
    rows.forEach((_, r) => drawCell(c, r));
    drawStatus(c);
  }
  if (editable) makeCurrent(cells.get(`${order[0]}:0`));
  const anyCheckin = rows.some((row) => (row.sources || []).includes('self_checkin'));
  return h('div', {},
    editable ? h('p', { class: 'hint' }, t('web.attendance.hint')) : null,
    grid,
    anyCheckin || matrix.flags?.length ? h('p', { class: 'hint grid-legend' },
      h('span', { class: ['mark', 'from-checkin', 'legend-sample'], 'aria-hidden': 'true' }, t(LETTER.present)), ' ',
      t('web.attendance.legend_checkin'),
      matrix.flags?.length ? [' ', h('span', { class: ['mark', 'flagged', 'legend-sample'], 'aria-hidden': 'true' }, t(LETTER.present)), ' ',
        t('web.attendance.legend_flagged')] : null) : null);
}
