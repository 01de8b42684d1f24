// A workshop's evaluation screen: the project's questionnaires attached by
// stage (pre-test, post-test, reaction survey, follow-up) with the dates each
// is open and how many have answered; the paper forms, printed, typed in and
// imported; and the figures donors ask for.
import { getAttendance } from '../client/attendance.js';
import { getResponses, listEvaluations, paperFormUrl, setEvaluations } from '../client/evaluations.js';
import { listQuestionnaires } from '../client/questionnaires.js';
import { listRegistrations } from '../client/registrations.js';
import { getReport, reportUrl } from '../client/reports.js';
import { getWorkshop } from '../client/workshops.js';
import { h, mount, uid } from '../dom.js';
import { field, form } from '../form.js';
import { formatInstant } from '../format.js';
import { locale, t } from '../i18n.js';
import { canWrite } from '../session.js';
import { details, empty, errorBox, linkButton, loading, notify, pageHeader, section } from '../ui.js';
import { drawEvaluationFigures } from './evaluation-figures.js';
import { responseGrid } from './evaluation-grid.js';
import { answersImport } from './evaluation-import.js';
import {
  KIND_OF_STAGE, STAGES, evaluationName, fromLocalInput, questionnaireTitle, stageName, toLocalInput,
} from './evaluation-terms.js';
import { personName } from './names.js';
import { downloads } from './report-page.js';

// Whom a stage's answers are asked of, as the figures count them: "3 of 8
// answered", or the count alone before the figures are in.
function countText(evaluation, report) {
  const counted = report?.evaluations?.find((e) => e.evaluation_id === evaluation.id);
  return counted
    ? t('web.evaluation.answered_of', { n: evaluation.responses, invited: counted.invited })
    : t('web.evaluation.answered', { n: evaluation.responses });
}

// The participants whose paper forms are typed in: every registration with
// the role participant, in the order of the host's list, then by name; a
// cancelled or no-show registration only if it has answers already.
function participants(registrations, matrix) {
  const names = new Map(matrix.rows.map((r) => [r.person_id, r]));
  return registrations.filter((r) => r.role === 'participant')
    .map((r) => ({ ...names.get(r.person_id), registration_id: r.id, person_id: r.person_id, status: r.status, list_order: r.list_order }))
    .sort((a, b) => (a.list_order ?? Infinity) - (b.list_order ?? Infinity) || personName(a).localeCompare(personName(b), locale()));
}

export async function workshopEvaluationView({ params, query, root }) {
  const id = Number(params.id);
  const workshop = await getWorkshop(id);
  const header = pageHeader(t('web.evaluation.title'), {
    subtitle: workshop.title, actions: [linkButton(t('web.evaluation.back'), `#/workshops/${id}`)],
  });
  const stagesBox = h('div', {}, loading());
  const answersBox = h('div', {}, loading());
  const figuresBox = h('div', {}, loading());
  mount(root, header,
    section(t('web.evaluation.stages'), stagesBox),
    section(t('web.evaluation.paper_forms'), answersBox),
    section(t('web.evaluation.figures'), figuresBox));

  let report = null;
  let evaluations = [];
  let byId = new Map(); // questionnaire id -> questionnaire
  const counts = new Map(); // evaluation id -> its count's element

  // The figures and the counts, again after answers were saved: a burst of
  // saves (Save all) asks once.
  const drawFigures = async () => {
    try {
      report = await getReport('evaluation', { workshop_id: id });
      mount(figuresBox, figuresPart(id, report, byId));
    } catch (problem) {
      report = null;
      mount(figuresBox, errorBox(problem));
    }
  };
  let pending = null;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const [fresh] = await Promise.all([listEvaluations(id).catch(() => evaluations), drawFigures()]);
      evaluations = fresh;
      for (const e of evaluations) {
        const el = counts.get(e.id);
        if (el) el.textContent = countText(e, report);
      }
    }, 400);
  };

  const load = async () => {
    const [list, questionnaires, registrations, matrix] = await Promise.all([
      listEvaluations(id), listQuestionnaires(workshop.project_id), listRegistrations(id), getAttendance(id)]);
    evaluations = list;
    counts.clear();
    byId = new Map(questionnaires.map((q) => [q.id, q]));
    await drawFigures();
    mount(stagesBox, stagesPart({ workshop, evaluations, questionnaires, byId, report, counts, onSaved: load }));
    mount(answersBox, evaluations.length
      ? answersPart({ workshopId: id, evaluations, byId, people: participants(registrations, matrix), asked: query.get('stage'), onSaved: refresh })
      : empty(t('web.evaluation.no_stages_yet')));
  };
  await load();
}

// --- the figures -------------------------------------------------------------------

// The evaluation report of this one workshop, drawn as its report screen draws
// it (without the totals: they are this workshop's); questionnaires: id ->
// questionnaire, naming a choice's options.
function figuresPart(workshopId, report, questionnaires) {
  if (!report.evaluations.length) return empty(t('web.evaluation.no_figures'));
  return [
    h('p', {}, h('a', { href: `#/reports/evaluation?workshop_id=${workshopId}` }, t('web.evaluation.full_report'))),
    downloads((format) => reportUrl('evaluation', { workshop_id: workshopId, format }), `evaluation-workshop-${workshopId}`),
    drawEvaluationFigures(report, { totals: false, inSection: true, questionnaires }),
  ];
}

// --- the stages -------------------------------------------------------------------

function stagesPart({ workshop, evaluations, questionnaires, byId, report, counts, onSaved }) {
  const byStage = new Map(evaluations.map((e) => [e.stage, e]));
  const projectLink = h('a', { href: `#/projects/${workshop.project_id}` }, t('web.evaluation.project_questionnaires'));
  const intro = h('p', { class: 'muted' }, t('web.evaluation.stages_intro'), ' ', projectLink);

  // Per stage: what the coordinator reads whatever they may change.
  const facts = (stage) => {
    const e = byStage.get(stage);
    if (!e) return null;
    const count = h('p', { class: 'stage-count' }, countText(e, report));
    counts.set(e.id, count);
    return h('div', { class: 'stage-facts' }, count,
      h('a', { href: paperFormUrl(workshop.id, e.id), target: '_blank', rel: 'noopener' },
        t('web.evaluation.print_form'), h('span', { class: 'visually-hidden' }, ` (${stageName(stage)})`)));
  };

  if (!canWrite()) {
    return h('div', {}, intro, h('div', { class: 'stages' }, STAGES.filter((s) => byStage.has(s)).map((stage) => {
      const e = byStage.get(stage);
      return h('div', { class: 'stage', dataset: { stage } }, h('h3', {}, stageName(stage)), details([
        [t('web.evaluation.questionnaire'), questionnaireTitle(byId.get(e.questionnaire_id))],
        [t('web.evaluation.opens'), e.opens_at ? formatInstant(e.opens_at) : t('web.evaluation.open_from_now')],
        [t('web.evaluation.closes'), e.closes_at ? formatInstant(e.closes_at) : t('web.evaluation.never_closes')],
      ]), facts(stage));
    })), byStage.size ? null : empty(t('web.evaluation.no_stages_yet')));
  }

  // Per stage: its questionnaire (of the kind the stage takes) and its dates.
  const chosen = {};
  const cards = STAGES.map((stage) => {
    const e = byStage.get(stage);
    const choices = questionnaires.filter((q) => q.kind === KIND_OF_STAGE[stage]);
    const pick = field({
      name: `${stage}.questionnaire_id`, label: t('web.evaluation.questionnaire'), type: 'select', numeric: true,
      blank: t('web.evaluation.not_used'), value: e?.questionnaire_id, options: choices.map((q) => [q.id, questionnaireTitle(q)]),
    });
    chosen[stage] = pick;
    const headingId = uid('stage');
    return h('fieldset', { class: 'stage', 'aria-labelledby': headingId, dataset: { stage } },
      h('legend', { id: headingId }, stageName(stage)),
      pick,
      field({ name: `${stage}.opens_at`, label: t('web.evaluation.opens'), type: 'datetime-local', value: toLocalInput(e?.opens_at), hint: t('web.evaluation.opens_hint') }),
      field({ name: `${stage}.closes_at`, label: t('web.evaluation.closes'), type: 'datetime-local', value: toLocalInput(e?.closes_at), hint: t('web.evaluation.closes_hint') }),
      facts(stage));
  });
  // The same knowledge test before and after: choosing it for one stage
  // proposes it for the other while that one has none.
  for (const [a, b] of [['pre', 'post'], ['post', 'pre']]) {
    chosen[a].control.addEventListener('change', () => {
      if (chosen[a].control.value && !chosen[b].control.value) chosen[b].control.value = chosen[a].control.value;
    });
  }

  const stagesForm = form({
    class: 'stages-form',
    submitLabel: t('web.evaluation.save_stages'),
    failLabel: t('web.evaluation.stages_not_saved'),
    onSubmit: async (values) => {
      const sent = STAGES.filter((stage) => values[`${stage}.questionnaire_id`] !== null).map((stage) => ({
        questionnaire_id: values[`${stage}.questionnaire_id`], stage,
        opens_at: fromLocalInput(values[`${stage}.opens_at`]), closes_at: fromLocalInput(values[`${stage}.closes_at`]),
      }));
      try {
        await setEvaluations(workshop.id, sent);
      } catch (problem) {
        // "[1].opens_at" is the field of the second stage sent.
        problem.errors = problem.errors.map((e) => {
          const at = /^\[(\d+)\]\.?(.*)$/.exec(e.field || '');
          return at && sent[Number(at[1])] ? { ...e, field: `${sent[Number(at[1])].stage}.${at[2]}` } : e;
        });
        throw problem;
      }
      notify(t('web.evaluation.stages_saved', { n: sent.length }));
      await onSaved();
    },
  }, h('div', { class: 'stages' }, cards));
  return h('div', {}, intro,
    questionnaires.length ? null : h('p', { class: 'marks-notice', role: 'note' }, t('web.evaluation.no_questionnaires')),
    stagesForm);
}

// --- the paper forms ----------------------------------------------------------------

function answersPart({ workshopId, evaluations, byId, people, asked, onSaved }) {
  const ordered = STAGES.map((stage) => evaluations.find((e) => e.stage === stage)).filter(Boolean);
  const first = ordered.find((e) => e.stage === asked) || ordered[0];
  const pickId = uid('evaluation');
  const picker = h('select', { id: pickId },
    ordered.map((e) => h('option', { value: String(e.id), selected: e === first }, evaluationName(e, byId.get(e.questionnaire_id)))));
  const out = h('div', {});
  // Each questionnaire's grid is kept while the screen is open: what was
  // typed in one stays while another is shown.
  const grids = new Map();
  const show = async () => {
    const e = ordered.find((x) => String(x.id) === picker.value);
    if (!grids.has(e.id)) {
      mount(out, loading());
      try {
        const data = await getResponses(workshopId, e.id);
        grids.set(e.id, h('div', {},
          responseGrid({ workshopId, data, people, onSaved }),
          canWrite() ? answersImport(workshopId, e, { onDone: async () => { grids.delete(e.id); onSaved(); await show(); } }) : null));
      } catch (problem) {
        mount(out, errorBox(problem));
        return;
      }
    }
    mount(out, grids.get(e.id));
  };
  picker.addEventListener('change', show);
  show();
  return h('div', {},
    h('div', { class: 'field take-session' }, h('label', { for: pickId }, t('web.evaluation.which_form')), picker),
    out);
}
