// The evaluation report's screen: what participants thought of a workshop
// and what they learned (Kirkpatrick's levels 1 and 2), for one workshop or a
// project's workshops in a period; its figures drawn by evaluation-figures.js,
// as a workshop's Evaluation screen draws them.
import { listAllProjects } from '../client/projects.js';
import { getWorkshop, listWorkshops } from '../client/workshops.js';
import { h } from '../dom.js';
import { field } from '../form.js';
import { formatDate, formatDateRange, projectOptions, today } from '../format.js';
import { t } from '../i18n.js';
import { isFunder } from '../session.js';
import { empty } from '../ui.js';
import { drawEvaluationFigures } from './evaluation-figures.js';
import { periodFields, reportPage } from './report-page.js';

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

// Its heading (the workshop, or the project and the period), then its figures.
function drawEvaluation(r, { project, workshop }) {
  const workshopTitle = workshop?.title || r.evaluations.find((e) => e.workshop_id === r.workshop_id)?.workshop_title || '';
  const heading = r.workshop_id
    ? h('h2', {}, isFunder() ? workshopTitle : h('a', { href: `#/workshops/${r.workshop_id}` }, workshopTitle))
    : h('h2', {}, t('web.report_evaluation.project_heading', {
      code: project?.code || String(r.project_id), period: t('report.period', { from: formatDate(r.from), to: formatDate(r.to) }),
    }));
  return h('div', { class: 'report report-evaluation' },
    heading,
    r.evaluations.length ? drawEvaluationFigures(r) : empty(t('web.report_evaluation.none')));
}
