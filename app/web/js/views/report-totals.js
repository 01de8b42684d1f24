// The totals and workshop tables that the funder report and the programme
// summary both show (definitions: README, Reports).
import { barChart } from '../chart.js';
import { h } from '../dom.js';
import { formatDateRange, formatNumber, formatPercent, label } from '../format.js';
import { isFunder } from '../session.js';
import { empty, section, table } from '../ui.js';
import { figures } from './report-page.js';

// Counted figures for workshops with named participants, the reported
// headcount for those without: columns nobody in the list has are left out,
// so the table stays narrow enough to read.
export function workshopTable(list) {
  const named = list.some((w) => w.participants_registered > 0 || w.trainers > 0);
  const reported = list.some((w) => w.reported_headcount !== null);
  return table([
    {
      label: 'Workshop',
      cell: (w) => [
        isFunder() ? w.title : h('a', { href: `#/workshops/${w.workshop_id}` }, w.title),
        w.trainer_institutions.length ? h('span', { class: 'cell-note' }, `Trainers: ${w.trainer_institutions.join('; ')}`) : null,
        w.participating_agencies.length ? h('span', { class: 'cell-note' }, `Agencies: ${w.participating_agencies.join('; ')}`) : null,
      ],
      class: 'cell-wide',
    },
    { label: 'Project', cell: (w) => w.project_code },
    { label: 'Dates', cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
    { label: 'City', cell: (w) => w.city || '' },
    { label: 'Kind', cell: (w) => label('workshop_kind', w.kind) },
    ...(named ? [
      { label: 'People trained', cell: (w) => formatNumber(w.people_trained), numeric: true },
      { label: 'Participant-days', cell: (w) => formatNumber(w.participant_days), numeric: true },
      { label: 'Completed', cell: (w) => formatNumber(w.completed), numeric: true },
      { label: 'Attendance rate', cell: (w) => formatPercent(w.attendance_rate), numeric: true },
      { label: 'Trainers', cell: (w) => formatNumber(w.trainers), numeric: true },
    ] : []),
    ...(reported ? [
      { label: 'Reported headcount', cell: (w) => formatNumber(w.reported_headcount), numeric: true },
      { label: 'Estimated participant-days', cell: (w) => formatNumber(w.estimated_participant_days), numeric: true },
    ] : []),
  ], list, { emptyText: 'None.' });
}

// The totals every report shows.
export function totalsFigures(t) {
  return figures([
    ['Workshops held', formatNumber(t.workshops)],
    ['People trained', formatNumber(t.people_trained)],
    ['Participant-days', formatNumber(t.participant_days)],
    ['Completed a workshop', formatNumber(t.people_completed)],
    ['Attendance rate', formatPercent(t.attendance_rate)],
    ['Trainers and other roles', formatNumber(t.trainers)],
    ['Reported headcount', formatNumber(t.reported_headcount)],
    ['Participants (trained + reported)', formatNumber(t.participants)],
    ['Estimated participant-days', formatNumber(t.estimated_participant_days)],
    ['Agencies reached', formatNumber(t.agencies_reached.length)],
  ]);
}

export function definitions(threshold) {
  return h('p', { class: 'muted' },
    `Only held workshops count. People trained: participants marked present or late at least once (trainers and other roles apart). Completed: present or late in at least ${threshold}% of a workshop’s sessions. Reported headcounts of workshops without a named list, and their estimated participant-days, are shown apart.`);
}

export function genderChart(t) {
  return t.by_gender.length ? barChart('People trained, by gender', t.by_gender.map((g) => ({ label: label('gender', g.gender) || 'Unknown', value: g.people_trained }))) : null;
}

// A section of figures per group ("Participants by gender", "By city"): the
// group's name, then a column per figure. counts: [[column label, key]].
export function countsSection(title, rows, nameOf, counts) {
  return section(title, table([
    { label: title.replace(/^(Participants by|By) /, '').replace(/^./, (c) => c.toUpperCase()), cell: nameOf },
    ...counts.map(([name, key]) => ({ label: name, cell: (r) => formatNumber(r[key]), numeric: true })),
  ], rows));
}

export function uncertainSection(uncertain) {
  return section('Workshops with unknown or estimated dates',
    h('p', { class: 'muted' }, 'Counted apart: their dates cannot place them in the period with certainty.'),
    uncertain.workshops.length ? [totalsFigures(uncertain.totals), workshopTable(uncertain.workshops)] : empty('None.'));
}
