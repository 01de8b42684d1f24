// Reports: the list of them (each its own screen: report-attendance.js,
// report-funder.js, report-summary.js, report-submissions.js). Figures come
// from the server as they are; charts show what is easier seen than read;
// downloads in every format the API writes.
import { h, mount } from '../dom.js';
import { isFunder } from '../session.js';
import { pageHeader } from '../ui.js';

export async function reportsView({ root }) {
  const card = (title, text, target) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: target }, title)), h('p', {}, text));
  mount(root, pageHeader('Reports'),
    h('ul', { class: 'cards' },
      isFunder() ? null : card('Attendance', 'One workshop: marks per session, attendance rate, participant-days, by organization, gender and province.', '#/reports/attendance'),
      card('Funder', 'What one funder’s money did in a period: projects, workshops held, people trained, participant-days.', '#/reports/funder'),
      card('Submissions', 'Reports as sent to donors, kept exactly as sent, with the figures that changed since.', '#/reports/submissions'),
      isFunder() ? null : card('Programme summary', 'All projects in a period: workshops by month, kind, city and status.', '#/reports/summary')));
}
