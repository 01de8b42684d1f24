// The totals and workshop tables that the funder report and the programme
// summary both show, and what each figure means: labels and definitions are
// the catalog's figure.* entries, the same the server prints under its
// reports (README, Reports).
import { barChart } from '../chart.js';
import { organizations } from '../client/organizations.js';
import { h } from '../dom.js';
import { formatDateRange, formatNumber, formatPercent, label } from '../format.js';
import { language, t, tParts } from '../i18n.js';
import { isFunder } from '../session.js';
import { empty, section, table } from '../ui.js';
import { figures } from './report-page.js';

// Each figure's label and definition (keys written whole: the catalogs' test
// finds them here).
const FIGURES = {
  workshops_held: ['figure.workshops_held.label', 'figure.workshops_held.definition'],
  people_trained: ['figure.people_trained.label', 'figure.people_trained.definition'],
  participations: ['figure.participations.label', 'figure.participations.definition'],
  participant_days: ['figure.participant_days.label', 'figure.participant_days.definition'],
  participants_registered: ['figure.participants_registered.label', 'figure.participants_registered.definition'],
  completed: ['figure.completed.label', 'figure.completed.definition'],
  people_completed: ['figure.people_completed.label', 'figure.people_completed.definition'],
  attendance_rate: ['figure.attendance_rate.label', 'figure.attendance_rate.definition'],
  trainers: ['figure.trainers.label', 'figure.trainers.definition'],
  reported_headcount: ['figure.reported_headcount.label', 'figure.reported_headcount.definition'],
  estimated_participant_days: ['figure.estimated_participant_days.label', 'figure.estimated_participant_days.definition'],
  participants: ['figure.participants.label', 'figure.participants.definition'],
  agencies_reached: ['figure.agencies_reached.label', 'figure.agencies_reached.definition'],
  trainer_institutions: ['figure.trainer_institutions.label', 'figure.trainer_institutions.definition'],
  dates_uncertain: ['figure.dates_uncertain.label', 'figure.dates_uncertain.definition'],
};

// The figures of the funder report and the summary; of the attendance report.
export const TOTAL_FIGURES = ['people_trained', 'participations', 'participant_days', 'completed', 'attendance_rate', 'trainers',
  'reported_headcount', 'estimated_participant_days', 'participants', 'agencies_reached', 'trainer_institutions', 'dates_uncertain'];
export const ATTENDANCE_FIGURES = ['participants_registered', 'people_trained', 'participant_days', 'completed', 'attendance_rate', 'trainers'];

export function figureLabel(name) {
  return t(FIGURES[name][0]);
}

// What the figures mean, folded under the report (open it to read).
export function definitions(threshold, names = TOTAL_FIGURES) {
  return h('details', { class: 'definitions' },
    h('summary', {}, t('report.definitions')),
    h('p', { class: 'muted' }, t('report.note.held_only')),
    h('dl', { class: 'details' }, names.map((name) => [
      h('dt', {}, figureLabel(name)),
      h('dd', {}, t(FIGURES[name][1], { threshold })),
    ])));
}

// Organizations' names as the reader's language shows them: in Chinese, the
// Chinese name where the organization has one (reports carry the Latin name;
// a funder user, who may not list organizations, sees that).
export async function organizationNamer() {
  if (language() !== 'zh' || isFunder()) return (name) => name;
  const byName = new Map();
  for (const o of (await organizations()).values()) byName.set(o.name, o);
  return (name) => byName.get(name)?.native_name || name;
}

// Names as a list reads them ("a; b", "a；b").
export function nameList(names, nameOf = (n) => n) {
  return names.map(nameOf).join(t('report.list_separator'));
}

// Why a workshop with uncertain dates is listed apart: no dates at all, or
// estimated ones that only may fall in the period.
export function whyApart(w) {
  return w.start_date
    ? t('report.uncertain.why_estimated', { dates: formatDateRange(w.start_date, w.end_date) })
    : t('report.uncertain.why_unknown');
}

// Counted figures for workshops with named participants, the reported
// headcount for those without: columns nobody in the list has are left out,
// so the table stays narrow enough to read. why: say under each workshop why
// it is listed apart (the dates-uncertain section).
export function workshopTable(list, nameOf = (n) => n, { why = false } = {}) {
  const named = list.some((w) => w.participants_registered > 0 || w.trainers > 0);
  const reported = list.some((w) => w.reported_headcount !== null);
  return table([
    {
      label: t('report.column.workshop'),
      cell: (w) => [
        isFunder() ? w.title : h('a', { href: `#/workshops/${w.workshop_id}` }, w.title),
        why ? h('span', { class: ['cell-note', 'why-apart'] }, whyApart(w)) : null,
        w.trainer_institutions.length
          ? h('span', { class: 'cell-note' }, t('web.report.trainers_note', { names: nameList(w.trainer_institutions, nameOf) })) : null,
        w.participating_agencies.length
          ? h('span', { class: 'cell-note' }, t('web.report.agencies_note', { names: nameList(w.participating_agencies, nameOf) })) : null,
      ],
      class: 'cell-wide',
    },
    { label: t('report.column.project'), cell: (w) => w.project_code },
    { label: t('common.dates'), cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
    { label: t('common.city'), cell: (w) => w.city || '' },
    { label: t('common.kind'), cell: (w) => label('workshop_kind', w.kind), class: 'nowrap' },
    ...(named ? [
      { label: figureLabel('people_trained'), cell: (w) => formatNumber(w.people_trained), numeric: true },
      { label: figureLabel('participant_days'), cell: (w) => formatNumber(w.participant_days), numeric: true },
      { label: figureLabel('completed'), cell: (w) => formatNumber(w.completed), numeric: true },
      { label: figureLabel('attendance_rate'), cell: (w) => formatPercent(w.attendance_rate), numeric: true },
      { label: t('report.column.trainers'), cell: (w) => formatNumber(w.trainers), numeric: true },
    ] : []),
    ...(reported ? [
      { label: figureLabel('reported_headcount'), cell: (w) => formatNumber(w.reported_headcount), numeric: true },
      { label: figureLabel('estimated_participant_days'), cell: (w) => formatNumber(w.estimated_participant_days), numeric: true },
    ] : []),
  ], list, { emptyText: t('report.none') });
}

// The totals every report shows.
export function totalsFigures(totals) {
  return figures([
    [figureLabel('workshops_held'), formatNumber(totals.workshops)],
    [figureLabel('people_trained'), formatNumber(totals.people_trained)],
    [figureLabel('participant_days'), formatNumber(totals.participant_days)],
    [figureLabel('people_completed'), formatNumber(totals.people_completed)],
    [figureLabel('attendance_rate'), formatPercent(totals.attendance_rate)],
    [figureLabel('trainers'), formatNumber(totals.trainers)],
    [figureLabel('reported_headcount'), formatNumber(totals.reported_headcount)],
    [figureLabel('participants'), formatNumber(totals.participants)],
    [figureLabel('estimated_participant_days'), formatNumber(totals.estimated_participant_days)],
    [figureLabel('agencies_reached'), formatNumber(totals.agencies_reached.length)],
  ]);
}

// "Trainer institutions: a; b" with the label in bold.
export function namedList(figure, names, nameOf) {
  return names.length ? h('p', {}, tParts('web.report.named_list', {
    label: h('strong', {}, figureLabel(figure)), names: nameList(names, nameOf),
  })) : null;
}

export function genderChart(totals) {
  return totals.by_gender.length
    ? barChart(t('web.report.chart.by_gender'), totals.by_gender.map((g) => ({
      label: label('gender', g.gender) || t('common.unknown'), value: g.people_trained,
    })))
    : null;
}

// A section of figures per group ("Participants by gender", "By city"): the
// group's name under `column`, then a column per figure. counts: [[column
// label, key]].
export function countsSection(title, column, rows, nameOf, counts) {
  return section(title, table([
    { label: column, cell: nameOf },
    ...counts.map(([name, key]) => ({ label: name, cell: (r) => formatNumber(r[key]), numeric: true })),
  ], rows));
}

export function uncertainSection(uncertain, nameOf) {
  return section(t('report.section.dates_uncertain'),
    h('p', { class: 'muted' }, t('web.report.uncertain_note')),
    uncertain.workshops.length ? [totalsFigures(uncertain.totals), workshopTable(uncertain.workshops, nameOf, { why: true })] : empty(t('report.none')));
}
