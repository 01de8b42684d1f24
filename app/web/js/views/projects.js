// Projects: list, a page with its parties (funders with amounts, implementers,
// counterparts), its workshops, questionnaires and certificate template, and
// the form. In Chinese a project is named by its Chinese title where it has one.
import { organizations } from '../client/organizations.js';
import {
  createProject, deleteProject, getProject, getProjectParties, iatiUrl, listProjects, setProjectParties, updateProject,
} from '../client/projects.js';
import { listQuestionnaires } from '../client/questionnaires.js';
import { listWorkshops } from '../client/workshops.js';
import { deleteFromPage } from '../delete-flow.js';
import { h, mount } from '../dom.js';
import { changes, field, fields, form, readValues, withoutEmpty } from '../form.js';
import { formatAmount, formatDate, formatDateRange, formatNumber, label } from '../format.js';
import { language, t } from '../i18n.js';
import { organizationPicker } from '../orgs.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { busy, button, details, linkButton, notify, notifyProblem, openDialog, pageHeader, pager, section, table } from '../ui.js';
import { certificateTemplateSection } from './certificate-template.js';
import { statusBadge } from './home.js';
import { questionnaireTitle } from './evaluation-terms.js';
import { inLang, orgLinkShown, orgShown } from './names.js';

// The title shown: the Chinese one in Chinese where there is one.
export function projectTitle(p) {
  return language() === 'zh' && p.native_title ? p.native_title : p.title;
}

// The other title, when there is one.
function otherTitle(p) {
  if (!p.native_title) return '';
  return language() === 'zh' ? p.title : p.native_title;
}

export async function projectsView({ query, root }) {
  const q = query.get('q');
  const cursor = query.get('cursor');
  const page = await listProjects({ q, cursor, limit: 50 });
  const search = h('form', { class: 'filters', role: 'search', 'aria-label': t('web.projects.search_label'), novalidate: true },
    fields(field({ name: 'q', label: t('web.projects.code_or_title'), value: q })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.search')),
      h('a', { href: '#/projects', class: 'btn btn-secondary' }, t('common.clear_search'))));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/projects', readValues(search));
  });
  mount(root,
    pageHeader(t('web.projects.title'), { actions: canWrite() ? [linkButton(t('web.project.new'), '#/projects/new', { kind: 'primary' })] : [] }),
    search,
    table([
      { label: t('web.project.field.code'), cell: (p) => h('a', { href: `#/projects/${p.id}` }, p.code), class: 'nowrap' },
      { label: t('web.project.field.title'), cell: (p) => inLang(projectTitle(p)) },
      { label: t('web.project.field.funding_instrument'), cell: (p) => inLang(p.funding_instrument) },
      { label: t('common.dates'), cell: (p) => (p.start_date || p.end_date ? formatDateRange(p.start_date, p.end_date) : ''), class: 'nowrap' },
    ], page.items, { emptyText: t('web.projects.none_match') }),
    pager(page, { path: '/projects', params: { q }, query }));
}

export async function projectView({ params, query, root }) {
  const id = Number(params.id);
  const [project, workshops, questionnaires, certificateSection] = await Promise.all([
    getProject(id),
    listWorkshops({ project_id: id, limit: 100 }),
    listQuestionnaires(id),
    certificateTemplateSection(id),
  ]);
  const questionnairesSection = section(t('web.questionnaire.list_title'), questionnaireTable(id, questionnaires));
  questionnairesSection.id = 'questionnaires';
  mount(root,
    pageHeader(t('web.project.heading', { code: project.code, title: projectTitle(project) }), {
      subtitle: otherTitle(project),
      actions: [
        linkButton(t('web.project.results'), `#/projects/${id}/results`),
        ...(canWrite() ? [linkButton(t('common.edit'), `#/projects/${id}/edit`), linkButton(t('web.project.new_workshop'), `#/workshops/new?project_id=${id}`)] : []),
        linkButton(t('web.project.export_iati'), iatiUrl(id), { download: `iati-${project.code}.xml` }),
      ],
    }),
    section(t('web.project.details'), details([
      [t('web.project.field.code'), project.code], [t('web.project.field.title'), inLang(project.title)],
      [t('web.project.field.native_title'), project.native_title ? h('span', { lang: 'zh' }, project.native_title) : null],
      [t('web.project.field.summary'), inLang(project.summary)],
      [t('web.project.field.start_date'), formatDate(project.start_date)], [t('web.project.field.end_date'), formatDate(project.end_date)],
      [t('web.project.field.funding_instrument'), inLang(project.funding_instrument)], [t('web.project.field.default_currency'), project.default_currency],
    ])),
    section(t('web.project.parties'), await partiesEditor(project)),
    section(t('web.project.workshops'), table([
      { label: t('common.title'), cell: (w) => h('a', { href: `#/workshops/${w.id}` }, inLang(w.title)), class: 'cell-wide' },
      { label: t('common.kind'), cell: (w) => label('workshop_kind', w.kind), class: 'nowrap' },
      { label: t('common.status'), cell: (w) => statusBadge(w.status) },
      { label: t('common.dates'), cell: (w) => formatDateRange(w.start_date, w.end_date, w.dates_estimated), class: 'nowrap' },
      { label: t('common.city'), cell: (w) => inLang(w.city), class: 'nowrap' },
    ], workshops.items, { emptyText: t('web.project.no_workshops') }),
    workshops.next_cursor ? h('p', {}, h('a', { href: `#/workshops?project_id=${id}` }, t('web.project.all_workshops'))) : null),
    questionnairesSection,
    certificateSection,
    canWrite() ? h('div', { class: 'danger-zone' }, button(t('web.project.delete'), (e) => remove(project, e.currentTarget), { kind: 'danger' })) : null);
  const target = { questionnaires: questionnairesSection, 'certificate-template': certificateSection }[query?.get('section')];
  if (target) {
    target.scrollIntoView();
    root.dataset.scrolled = '';
  }
}

// The project's questionnaires (kept here, reused by its workshops): kind,
// anonymity, number of items; a new one from here.
function questionnaireTable(projectId, list) {
  return [
    h('p', { class: 'muted' }, t('web.questionnaire.list_intro')),
    table([
      { label: t('common.title'), cell: (q) => h('a', { href: `#/questionnaires/${q.id}` }, inLang(questionnaireTitle(q))), class: 'cell-wide' },
      { label: t('common.kind'), cell: (q) => label('questionnaire_kind', q.kind), class: 'nowrap' },
      { label: t('web.questionnaire.anonymous'), cell: (q) => t(q.anonymous ? 'common.yes' : 'common.no'), class: 'nowrap' },
      { label: t('web.questionnaire.item_count'), cell: (q) => formatNumber(q.items.length), numeric: true },
    ], list, { emptyText: t('web.questionnaire.none') }),
    canWrite() ? h('div', { class: 'actions' }, linkButton(t('web.questionnaire.new'), `#/projects/${projectId}/questionnaires/new`)) : null,
  ];
}

// The parties are one set, replaced with PUT on every change.
async function partiesEditor(project) {
  const box = h('div', {});
  let parties = await getProjectParties(project.id);

  const save = async (next) => {
    const saved = await setProjectParties(project.id, next.map((p) => withoutEmpty({
      organization_id: p.organization_id, role: p.role, amount: p.amount ?? null, currency: p.currency ?? null,
    })));
    parties = Array.isArray(saved) ? saved : next;
    await draw();
  };

  const money = (p = {}) => [
    field({ name: 'amount', label: t('web.project.amount'), type: 'number', min: 0, step: 'any', value: p.amount, hint: t('web.project.amount_hint') }),
    field({ name: 'currency', label: t('web.project.currency'), value: p.currency ?? project.default_currency, hint: t('web.project.currency_hint') }),
  ];

  const edit = (p, name) => openDialog(t('web.project.party_title', { name, code: project.code }), (close) => form({
    submitLabel: t('web.project.save_party'),
    cancel: button(t('common.back'), () => close(null)),
    onSubmit: async (values) => {
      await save(parties.map((x) => (x === p ? { ...x, ...values } : x)));
      notify(t('web.project.party_saved', { name }));
      close(true);
    },
  }, fields(field({ name: 'role', label: t('common.role'), type: 'select', options: 'project_role', value: p.role }), money(p))));

  const draw = async () => {
    const orgs = await organizations();
    const nameOf = (p) => orgShown(orgs.get(p.organization_id)) || p.organization_name || t('web.project.organization_n', { id: String(p.organization_id) });
    const columns = [
      { label: t('common.organization'), cell: (p) => orgLinkShown(orgs.get(p.organization_id)) || nameOf(p) },
      { label: t('common.role'), cell: (p) => label('project_role', p.role), class: 'nowrap' },
      { label: t('web.project.amount'), cell: (p) => formatAmount(p.amount, p.currency), numeric: true },
    ];
    if (canWrite()) {
      columns.push({
        label: t('common.actions'),
        cell: (p) => h('div', { class: 'row-actions' },
          button(t('web.project.change'), () => edit(p, nameOf(p)), { 'aria-label': t('web.project.change_label', { name: nameOf(p) }) }),
          button(t('common.remove'), (e) => busy(e.currentTarget, async () => {
            try {
              await save(parties.filter((x) => x !== p));
              notify(t('web.project.party_removed', { name: nameOf(p), code: project.code }));
            } catch (problem) {
              notifyProblem(problem, t('web.project.not_removed'));
            }
          }), { kind: 'link', 'aria-label': t('web.project.remove_label', { name: nameOf(p) }) })),
      });
    }
    const addForm = canWrite() ? form({
      submitLabel: t('web.project.add_party'),
      heading: t('web.project.add_party_heading'),
      class: 'inline-form',
      onSubmit: async (values) => {
        await save([...parties, values]);
        const org = orgs.get(values.organization_id);
        notify(t('web.project.party_added', { name: org ? orgShown(org) : t('common.organization'), role: values.role }));
        box.querySelector('input')?.focus();
      },
    }, fields(
      organizationPicker({ label: t('common.organization') }),
      field({ name: 'role', label: t('common.role'), type: 'select', options: 'project_role', value: 'lead_funder' }),
      money())) : null;
    mount(box, table(columns, parties, { emptyText: t('web.project.no_parties') }), addForm);
  };
  await draw();
  return box;
}

function remove(project, btn) {
  return deleteFromPage(btn, {
    question: t('web.project.delete_confirm', { code: project.code }), confirmLabel: t('web.project.delete'),
    remove: () => deleteProject(project.id), deleted: t('web.project.deleted', { code: project.code }), back: '/projects',
  });
}

export async function projectFormView({ params, root }) {
  const editing = Boolean(params.id);
  const project = editing ? await getProject(params.id) : {};
  mount(root,
    pageHeader(editing ? t('web.project.edit_title', { code: project.code }) : t('web.project.new')),
    form({
      submitLabel: editing ? t('common.save') : t('web.project.create'),
      cancel: h('a', { href: editing ? `#/projects/${params.id}` : '#/projects', class: 'btn btn-secondary' },
        editing ? t('web.project.back_to_project') : t('web.project.back_to_projects')),
      onSubmit: async (values) => {
        const saved = editing
          ? await updateProject(params.id, changes(values, project))
          : await createProject(withoutEmpty(values));
        notify(t(editing ? 'web.project.saved' : 'web.project.created', { code: saved.code }));
        navigate(`/projects/${saved.id}`);
      },
    },
    fields(
      field({ name: 'code', label: t('web.project.field.code'), value: project.code, hint: t('web.project.code_hint') }),
      field({ name: 'title', label: t('web.project.field.title'), value: project.title, class: 'wide' })),
    field({ name: 'native_title', label: t('web.project.field.native_title'), value: project.native_title, lang: 'zh' }),
    field({ name: 'summary', label: t('web.project.field.summary'), type: 'textarea', value: project.summary }),
    fields(
      field({ name: 'start_date', label: t('web.project.field.start_date'), type: 'date', value: project.start_date }),
      field({ name: 'end_date', label: t('web.project.field.end_date'), type: 'date', value: project.end_date }),
      field({ name: 'funding_instrument', label: t('web.project.field.funding_instrument'), value: project.funding_instrument }),
      field({ name: 'default_currency', label: t('web.project.field.default_currency'), value: project.default_currency, hint: t('web.project.currency_hint') }))));
}
