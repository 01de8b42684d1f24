// The evaluation report: what participants thought of a workshop and what they
// learned (Kirkpatrick's levels 1 and 2), for one workshop or a project's
// workshops in a period. Every figure with the number of people behind it;
// for an anonymous questionnaire, a breakdown of fewer than 5 respondents is
// withheld and said so in words.
import { pairedBars, stackedBar } from '../chart.js';
import { listAllProjects } from '../client/projects.js';
import { getWorkshop, listWorkshops } from '../client/workshops.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatDate, formatDateRange, formatNumber, label, projectOptions, today } from '../format.js';
import { language, t } from '../i18n.js';
import { isFunder } from '../session.js';
import { empty, section } from '../ui.js';
import { fraction, percent, questionnaireTitle, scaleMean, signedPoints } from './evaluation-terms.js';
import { figures, periodFields, reportPage } from './report-page.js';

// --- numbers as the report reads them (evaluation-terms.js: as the workshop's page) ---

const dash = '—';
const missing = (v) => v === null || v === undefined;
const pct = percent;        // shares and rates come in percent: 62.5 -> "62.5%"
const mean = scaleMean;     // 1-5 means, and a score item's: "4.0", "2.63"
const points = signedPoints; // the mean gain, in percentage points (its label says so): "+17.5"

// A figure and, under it, how many people it stands on.
function withN(value, n) {
  return [value, missing(n) ? null : h('span', { class: 'figure-n' }, t('web.report_evaluation.n', { n }))];
}

// Each figure's label and definition: the catalog's figure.* entries, the
// same the server prints under its reports (keys written whole: the
// catalogs' test finds them here).
const FIGURES = {
  response_rate: ['figure.response_rate.label', 'figure.response_rate.definition'],
  satisfaction_mean: ['figure.satisfaction_mean.label', 'figure.satisfaction_mean.definition'],
  satisfied_share: ['figure.satisfied_share.label', 'figure.satisfied_share.definition'],
  pre_mean: ['figure.pre_mean.label', 'figure.pre_mean.definition'],
  post_mean: ['figure.post_mean.label', 'figure.post_mean.definition'],
  paired_n: ['figure.paired_n.label', 'figure.paired_n.definition'],
  mean_gain: ['figure.mean_gain.label', 'figure.mean_gain.definition'],
  normalized_gain: ['figure.normalized_gain.label', 'figure.normalized_gain.definition'],
  improved_share: ['figure.improved_share.label', 'figure.improved_share.definition'],
  mastery_share: ['figure.mastery_share.label', 'figure.mastery_share.definition'],
};

// The report's mastery threshold, for the labels and definitions that name it.
let threshold = 70;
const fig = (name) => t(FIGURES[name][0], { threshold });

// --- the screen ----------------------------------------------------------------------

export async function evaluationReportView({ query, root }) {
  const now = today();
  const values = {
    project_id: query.get('project_id') || '',
    workshop_id: query.get('workshop_id') || '',
    from: query.get('from') || `${now.slice(0, 4)}-01-01`,
    to: query.get('to') || now,
    mastery_threshold: query.get('mastery_threshold') || '70',
  };
  const projects = await listAllProjects();
  // Arriving from a workshop (?workshop_id=): its project is chosen too.
  if (values.workshop_id) {
    const picked = await getWorkshop(values.workshop_id).catch(() => null);
    if (picked?.project_id) values.project_id = String(picked.project_id);
  }
  const workshops = values.project_id ? await workshopsOf(values.project_id) : [];
  const project = projects.find((p) => String(p.id) === values.project_id) || null;
  const workshop = workshops.find((w) => String(w.id) === values.workshop_id) || null;

  const projectField = field({
    name: 'project_id', label: t('report.column.project'), type: 'select', blank: t('web.report_evaluation.choose_project'),
    value: values.project_id, options: projectOptions(projects), class: 'wide',
  });
  const workshopField = field({
    name: 'workshop_id', label: t('report.column.workshop'), type: 'select', blank: t('web.report_evaluation.all_workshops'),
    value: values.workshop_id, options: workshopChoices(workshops), class: 'wide', hint: t('web.report_evaluation.workshop_hint'),
  });
  // Another project: its workshops to choose from.
  projectField.control.addEventListener('change', async () => {
    const select = workshopField.control;
    const blank = select.options[0];
    select.replaceChildren(blank);
    const id = projectField.read();
    if (!id) return;
    const list = await workshopsOf(id).catch(() => []);
    if (projectField.read() === id) select.append(...workshopChoices(list).map(([v, text]) => h('option', { value: String(v) }, text)));
  });

  const params = values.workshop_id
    ? { workshop_id: values.workshop_id, mastery_threshold: values.mastery_threshold }
    : { project_id: values.project_id, from: values.from, to: values.to, mastery_threshold: values.mastery_threshold };
  await reportPage(root, {
    title: t('web.report_evaluation.title'),
    intro: t('web.report_evaluation.intro'),
    formFields: [
      projectField,
      workshopField,
      periodFields(values),
      field({
        name: 'mastery_threshold', label: t('web.report_evaluation.mastery_threshold'), type: 'number', min: 1, max: 100, step: 1,
        value: values.mastery_threshold,
      }),
    ],
    ready: Boolean(values.workshop_id || values.project_id),
    report: 'evaluation',
    params,
    fileStem: values.workshop_id ? `evaluation-workshop-${values.workshop_id}` : `evaluation-${project?.code || values.project_id}-${values.from}-${values.to}`,
    draw: (r) => drawEvaluation(r, { project, workshop }),
  });
}

async function workshopsOf(projectId) {
  return (await listWorkshops({ project_id: projectId, limit: 500 })).items.filter((w) => w.status !== 'cancelled');
}

function workshopChoices(list) {
  return list.map((w) => [w.id, `${w.title} — ${formatDateRange(w.start_date, w.end_date, w.dates_estimated)}`]);
}

// --- the report ---------------------------------------------------------------------------

function drawEvaluation(r, { project, workshop }) {
  threshold = r.mastery_threshold;
  const workshopTitles = new Map(r.evaluations.map((e) => [e.workshop_id, e.workshop_title]));
  const heading = r.workshop_id
    ? h('h2', {}, isFunder() ? (workshop?.title || workshopTitles.get(r.workshop_id) || '')
      : h('a', { href: `#/workshops/${r.workshop_id}` }, workshop?.title || workshopTitles.get(r.workshop_id) || ''))
    : h('h2', {}, t('web.report_evaluation.project_heading', {
      code: project?.code || String(r.project_id), period: t('report.period', { from: formatDate(r.from), to: formatDate(r.to) }),
    }));
  if (!r.evaluations.length) {
    return h('div', { class: 'report report-evaluation' }, heading, empty(t('web.report_evaluation.none')));
  }
  const several = new Set(r.evaluations.map((e) => e.workshop_id)).size > 1;
  return h('div', { class: 'report report-evaluation' },
    heading,
    totalsFigures(r.totals),
    definitions(),
    r.learning.length ? h('h2', { class: 'report-part' }, t('web.report_evaluation.learning')) : null,
    r.learning.map((l) => learningSection(l, several ? workshopTitles.get(l.workshop_id) : null)),
    h('h2', { class: 'report-part' }, t('web.report_evaluation.evaluations')),
    r.evaluations.map((e) => evaluationSection(e, several)));
}

function totalsFigures(totals) {
  if (!totals) return null;
  const pairs = [
    [t('web.report_evaluation.invited'), formatNumber(totals.invited)],
    [t('web.report_evaluation.responses'), formatNumber(totals.responses)],
    [fig('response_rate'), withN(pct(totals.response_rate), totals.invited)],
  ];
  if (!missing(totals.satisfaction_mean) || totals.satisfaction_n) {
    pairs.push(
      [fig('satisfaction_mean'), withN(mean(totals.satisfaction_mean), totals.satisfaction_n)],
      [fig('satisfied_share'), withN(pct(totals.satisfied_share), totals.satisfaction_n)],
    );
  }
  if (totals.paired_n || !missing(totals.pre_mean) || !missing(totals.post_mean)) {
    pairs.push(
      [fig('paired_n'), formatNumber(totals.paired_n)],
      [fig('pre_mean'), withN(pct(totals.pre_mean), totals.paired_n)],
      [fig('post_mean'), withN(pct(totals.post_mean), totals.paired_n)],
      [fig('mean_gain'), withN(points(totals.mean_gain), totals.paired_n)],
      [fig('normalized_gain'), withN(fraction(totals.normalized_gain), totals.paired_n)],
      [fig('improved_share'), withN(pct(totals.improved_share), totals.paired_n)],
      [fig('mastery_share'), withN(pct(totals.mastery_share), totals.paired_n)],
    );
  }
  return section(t('web.report_evaluation.totals'), figures(pairs));
}

function definitions() {
  return h('details', { class: 'definitions' },
    h('summary', {}, t('report.definitions')),
    h('dl', { class: 'details' },
      Object.values(FIGURES).map(([name, definition]) => [h('dt', {}, t(name, { threshold })), h('dd', {}, t(definition, { threshold }))]),
      h('dt', {}, t('web.report_evaluation.withheld_title')), h('dd', {}, t('web.report_evaluation.def.withheld'))));
}

function sexName(sex) {
  return label('gender', sex) || t('common.unknown');
}

// A breakdown by sex: a row per sex, a withheld one said so in words across its figures.
function bySexTable(caption, columns, rows) {
  if (!rows?.length) return null;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'by-sex' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('report.column.gender')),
        columns.map(([name]) => h('th', { scope: 'col', class: 'num' }, name)))),
      h('tbody', {}, rows.map((row) => h('tr', { dataset: { sex: row.sex }, class: row.suppressed ? 'withheld' : null },
        h('th', { scope: 'row' }, sexName(row.sex)),
        row.suppressed
          ? h('td', { colspan: columns.length, class: 'withheld-note' }, t('web.report_evaluation.withheld'))
          : columns.map(([, cell]) => h('td', { class: 'num' }, cell(row))))))));
}

function learningSection(l, workshopTitle) {
  // The bars are of the people who took both tests, as the gains and the
  // breakdown by sex are (everyone who took either when nobody took both).
  const paired = l.paired_n > 0 && !missing(l.paired_pre_mean);
  const groups = [paired
    ? { label: t('web.report_evaluation.everyone'), note: t('web.report_evaluation.n', { n: l.paired_n }), pairs: [l.paired_pre_mean, l.paired_post_mean] }
    : { label: t('web.report_evaluation.everyone'), note: t('web.report_evaluation.n_pre_post', { pre: l.pre_n, post: l.post_n }), pairs: [l.pre_mean, l.post_mean] }];
  for (const s of l.by_sex || []) {
    if (s.suppressed) continue;
    groups.push({ label: sexName(s.sex), note: t('web.report_evaluation.n', { n: s.paired_n }), pairs: [s.pre_mean, s.post_mean] });
  }
  const series = [t('web.report_evaluation.pre'), t('web.report_evaluation.post')];
  const withheld = (l.by_sex || []).filter((s) => s.suppressed);
  return section(t('web.report_evaluation.learning_heading', { title: questionnaireTitle(l) }),
    workshopTitle ? h('p', { class: 'muted' }, h('a', { href: `#/workshops/${l.workshop_id}` }, workshopTitle)) : null,
    l.anonymous ? h('p', { class: 'muted' }, t('web.report_evaluation.anonymous_note')) : null,
    h('div', { class: 'learning' },
      pairedBars(t(paired ? 'web.report_evaluation.pre_post_chart_paired' : 'web.report_evaluation.pre_post_chart'), series, groups, pct),
      figures([
        [fig('pre_mean'), withN(pct(l.pre_mean), l.pre_n)],
        [fig('post_mean'), withN(pct(l.post_mean), l.post_n)],
        [fig('paired_n'), formatNumber(l.paired_n)],
        [fig('mean_gain'), withN(points(l.mean_gain), l.paired_n)],
        [fig('normalized_gain'), withN(fraction(l.normalized_gain), l.paired_n)],
        [fig('improved_share'), withN(pct(l.improved_share), l.paired_n)],
        [fig('mastery_share'), withN(pct(l.mastery_share), l.paired_n)],
      ])),
    withheld.length ? h('p', { class: 'muted' }, t('web.report_evaluation.withheld_groups', { groups: withheld.map((s) => sexName(s.sex)).join(t('report.list_separator')) })) : null,
    bySexTable(t('web.report_evaluation.learning_by_sex'), [
      [fig('paired_n'), (s) => formatNumber(s.paired_n)],
      [fig('pre_mean'), (s) => pct(s.pre_mean)],
      [fig('post_mean'), (s) => pct(s.post_mean)],
      [fig('mean_gain'), (s) => points(s.mean_gain)],
      [fig('normalized_gain'), (s) => fraction(s.normalized_gain)],
      [fig('improved_share'), (s) => pct(s.improved_share)],
      [fig('mastery_share'), (s) => pct(s.mastery_share)],
    ], l.by_sex));
}

function evaluationSection(e, several) {
  const satisfaction = !missing(e.satisfaction_mean) || Boolean(e.satisfaction_n);
  const scored = e.kind === 'knowledge_test';
  const pairs = [
    [t('web.report_evaluation.invited'), formatNumber(e.invited)],
    [t('web.report_evaluation.responses'), formatNumber(e.responses)],
    [fig('response_rate'), withN(pct(e.response_rate), e.invited)],
  ];
  if (satisfaction) {
    pairs.push(
      [fig('satisfaction_mean'), withN(mean(e.satisfaction_mean), e.satisfaction_n)],
      [fig('satisfied_share'), withN(pct(e.satisfied_share), e.satisfaction_n)],
    );
  }
  if (scored) pairs.push([t('web.report_evaluation.score_mean'), withN(pct(e.score_mean), e.responses)]);
  const sexColumns = [[t('web.report_evaluation.respondents'), (s) => formatNumber(s.n)]];
  if (satisfaction) {
    sexColumns.push(
      [fig('satisfaction_mean'), (s) => mean(s.satisfaction_mean)],
      [fig('satisfied_share'), (s) => pct(s.satisfied_share)],
    );
  }
  if (scored) sexColumns.push([t('web.report_evaluation.score_mean'), (s) => pct(s.score_mean)]);
  const box = section(t('web.report_evaluation.evaluation_heading', { stage: label('stage', e.stage), title: questionnaireTitle(e) }),
    several ? h('p', { class: 'muted' }, h('a', { href: `#/workshops/${e.workshop_id}` }, e.workshop_title)) : null,
    e.anonymous ? h('p', { class: 'muted' }, t('web.report_evaluation.anonymous_note')) : null,
    figures(pairs),
    itemsTable(e),
    bySexTable(t('web.report_evaluation.by_sex'), sexColumns, e.by_sex));
  box.dataset.evaluation = String(e.evaluation_id);
  box.dataset.stage = e.stage;
  return box;
}

// The items: each with its n, its mean and how the answers spread.
function itemsTable(e) {
  if (!e.items?.length) return null;
  const likert = e.items.some((i) => i.type === 'likert5');
  const choice = e.items.some((i) => i.type === 'single_choice');
  const caption = t('web.report_evaluation.items');
  return [
    likert ? h('p', { class: 'dist-legend', 'aria-hidden': 'true' }, t('web.report_evaluation.likert_legend'), ' ',
      [1, 2, 3, 4, 5].map((v) => h('span', { class: 'chart-key' }, h('span', { class: ['chart-swatch', `dist-l${v}`] }), String(v)))) : null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'items' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('web.report_evaluation.question')),
          h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.respondents')),
          h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.mean')),
          choice ? h('th', { scope: 'col', class: 'num' }, t('web.report_evaluation.correct_share')) : null,
          h('th', { scope: 'col' }, t('web.report_evaluation.distribution')))),
        h('tbody', {}, e.items.map((item) => h('tr', { dataset: { key: item.key } },
          h('th', { scope: 'row', class: 'cell-wide' }, h('span', { class: 'item-key' }, item.key), ' ', questionText(item),
            h('span', { class: 'cell-note' }, label('item_type', item.type))),
          item.suppressed
            ? h('td', { colspan: choice ? 4 : 3, class: 'withheld-note' }, t('web.report_evaluation.withheld'))
            : [
              h('td', { class: 'num' }, formatNumber(item.n)),
              h('td', { class: 'num' }, item.type === 'likert5' || item.type === 'score' ? mean(item.mean) : dash),
              choice ? h('td', { class: 'num' }, item.type === 'single_choice' ? pct(item.correct_share) : dash) : null,
              h('td', { class: 'distribution' }, distribution(item)),
            ]))))),
  ];
}

function questionText(item) {
  const zh = language() === 'zh' && item.native_text;
  return zh ? h('span', { lang: 'zh' }, item.native_text) : item.text || item.native_text || '';
}

function distribution(item) {
  if (!item.distribution?.length || (item.type !== 'likert5' && item.type !== 'single_choice')) return '';
  const title = t('web.report_evaluation.distribution_of', { key: item.key });
  if (item.type === 'likert5') {
    const counts = new Map(item.distribution.map((d) => [d.value, d.count]));
    return stackedBar(title, [1, 2, 3, 4, 5].map((v) => ({ label: String(v), value: counts.get(v) || 0, tone: `l${v}` })));
  }
  return stackedBar(title, item.distribution.map((d, k) => ({
    label: t('web.report_evaluation.option_n', { n: d.value }), value: d.count, tone: `o${k % 6}`,
  })));
}
