// Reports: the list of them (each its own screen: report-attendance.js,
// report-funder.js, report-summary.js, report-submissions.js,
// report-evaluation.js). Figures come from the server as they are; charts
// show what is easier seen than read; downloads in every format the API
// writes, in English or Chinese.
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { isFunder } from '../session.js';
import { pageHeader } from '../ui.js';

export async function reportsView({ root }) {
  const card = (title, text, target) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: target }, title)), h('p', {}, text));
  mount(root, pageHeader(t('nav.reports')),
    h('ul', { class: 'cards' },
      isFunder() ? null : card(t('web.report.list.attendance'), t('web.report.list.attendance_text'), '#/reports/attendance'),
      card(t('web.report.list.funder'), t('web.report.list.funder_text'), '#/reports/funder'),
      card(t('web.report.list.submissions'), t('web.report.list.submissions_text'), '#/reports/submissions'),
      isFunder() ? null : card(t('report.summary.title'), t('web.report.list.summary_text'), '#/reports/summary'),
      isFunder() ? null : card(t('web.report_evaluation.title'), t('web.report_evaluation.list_text'), '#/reports/evaluation')));
}
