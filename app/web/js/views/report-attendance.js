// The attendance report: one workshop's marks per session, attendance rate,
// participant-days, by role, organization, gender and province.
import { columnChart } from '../chart.js';
import { organizations } from '../client/organizations.js';
import { getWorkshop, listWorkshops } from '../client/workshops.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { addDays, formatDate, formatDateRange, formatNumber, formatPercent, label, today } from '../format.js';
import { language, locale, t } from '../i18n.js';
import { orgName } from '../orgs.js';
import { isFunder } from '../session.js';
import { section, table } from '../ui.js';
import { statusBadge } from './home.js';
import { figures, periodFields, reportPage, thresholdField } from './report-page.js';
import {
  ATTENDANCE_FIGURES, countsSection, definitions, figureLabel, genderChart,
} from './report-totals.js';

export async function attendanceReportView({ query, root }) {
  const now = today();
  const values = {
    from: query.get('from') || addDays(now, -365),
    to: query.get('to') || addDays(now, 60),
    workshop_id: query.get('workshop_id'),
    completion_threshold: query.get('completion_threshold') || '80',
  };
  const list = await listWorkshops({ from: values.from, to: values.to, limit: 500 });
  const choices = list.items.filter((w) => w.status !== 'cancelled');
  if (values.workshop_id && !choices.some((w) => String(w.id) === values.workshop_id)) {
    const picked = await getWorkshop(values.workshop_id).catch(() => null);
    if (picked) choices.unshift(picked);
  }
  await reportPage(root, {
    title: t('web.report.attendance.title'),
    intro: t('web.report.attendance.intro'),
    formFields: [
      periodFields(values, [t('web.report.attendance.from'), t('web.report.attendance.to')]),
      field({
        name: 'workshop_id', label: t('report.column.workshop'), type: 'select', blank: t('web.report.attendance.choose'), value: values.workshop_id, class: 'wide',
        options: choices.map((w) => [w.id, `${w.title} — ${formatDateRange(w.start_date, w.end_date, w.dates_estimated)}`]),
      }),
      thresholdField(values),
    ],
    ready: Boolean(values.workshop_id),
    report: 'attendance',
    params: { workshop_id: values.workshop_id, completion_threshold: values.completion_threshold },
    fileStem: `attendance-${values.workshop_id}`,
    draw: drawAttendance,
  });
}

function breakdown(title, column, rows, nameOf) {
  return countsSection(title, column, rows, nameOf, [
    [t('report.column.registered'), 'registered'], [figureLabel('people_trained'), 'people_trained'],
    [figureLabel('participant_days'), 'participant_days'], [figureLabel('completed'), 'completed'],
  ]);
}

// A session's day on a chart's axis: "10 Mar", "3月10日".
function axisDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

async function drawAttendance(r) {
  const w = r.workshop;
  const totals = r.totals;
  // In Chinese, organizations by their Chinese names (the report carries ids).
  const byId = language() === 'zh' && !isFunder() ? await organizations() : new Map();
  const organization = (o) => (byId.has(o.organization_id) ? orgName(byId.get(o.organization_id)) : o.name) || t('web.report.no_organization');
  return h('div', { class: 'report' },
    h('h2', {}, h('a', { href: `#/workshops/${w.id}` }, w.title)),
    h('p', { class: 'muted' }, [formatDateRange(w.start_date, w.end_date, w.dates_estimated), w.city].filter(Boolean).join(' · '), ' ', statusBadge(w.status)),
    figures([
      [figureLabel('participants_registered'), formatNumber(totals.participants_registered)],
      [figureLabel('people_trained'), formatNumber(totals.people_trained)],
      [figureLabel('attendance_rate'), formatPercent(totals.attendance_rate)],
      [figureLabel('participant_days'), formatNumber(totals.participant_days)],
      [t('web.report.attendance.completed_at', { threshold: r.completion_threshold }), formatNumber(totals.completed)],
      [figureLabel('trainers'), formatNumber(totals.trainers)],
    ]),
    definitions(r.completion_threshold, ATTENDANCE_FIGURES),
    h('div', { class: 'charts' },
      r.sessions.length
        ? columnChart(t('web.report.attendance.chart'), r.sessions.map((s) => ({ label: axisDay(s.date), value: s.present + s.late })))
        : null,
      genderChart(r)),
    section(t('web.report.attendance.sessions'), table([
      { label: t('web.report.date'), cell: (s) => formatDate(s.date), class: 'nowrap' },
      { label: t('common.title'), cell: (s) => s.title || '', rowHeader: false },
      { label: label('attendance', 'present'), cell: (s) => formatNumber(s.present), numeric: true },
      { label: label('attendance', 'late'), cell: (s) => formatNumber(s.late), numeric: true },
      { label: label('attendance', 'excused'), cell: (s) => formatNumber(s.excused), numeric: true },
      { label: label('attendance', 'absent'), cell: (s) => formatNumber(s.absent), numeric: true },
      { label: t('report.column.unmarked'), cell: (s) => formatNumber(s.unmarked), numeric: true },
      { label: figureLabel('attendance_rate'), cell: (s) => formatPercent(s.attendance_rate), numeric: true },
      { label: t('report.column.others_present'), cell: (s) => formatNumber(s.trainers_present), numeric: true },
    ], r.sessions)),
    section(t('report.attendance.by_role'), table([
      { label: t('report.column.role'), cell: (x) => label('registration_role', x.role) },
      { label: t('report.column.registered'), cell: (x) => formatNumber(x.registered), numeric: true },
      { label: t('report.column.attended'), cell: (x) => formatNumber(x.attended), numeric: true },
    ], r.by_role)),
    breakdown(t('report.attendance.by_organization'), t('report.column.organization'), r.by_organization, organization),
    breakdown(t('report.attendance.by_gender'), t('report.column.gender'), r.by_gender, (g) => label('gender', g.gender) || t('common.unknown')),
    breakdown(t('report.attendance.by_province'), t('report.column.province'), r.by_province, (p) => p.province || t('common.unknown')));
}
