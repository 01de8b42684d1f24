// The audit trail (administrators): who changed what and when, with filters.
import { listAudit } from '../client/audit.js';
import { listAllUsers } from '../client/users.js';
import { h, mount } from '../dom.js';
import { field, fields, readValues } from '../form.js';
import { ENUMS, formatInstant, label, options } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { errorBox, pageHeader, pager, table } from '../ui.js';

const FILTERS = ['user_id', 'entity', 'entity_id', 'action', 'from', 'to'];
// Records that have a page of their own.
const PAGES = { workshop: 'workshops', person: 'people', organization: 'organizations', project: 'projects' };
// The kinds of record the trail names (its "entity"), in the order the filter offers them.
const ENTITIES = {
  workshop: 'web.audit.entity.workshop',
  session: 'web.audit.entity.session',
  registration: 'web.audit.entity.registration',
  attendance: 'web.audit.entity.attendance',
  checkin: 'web.audit.entity.checkin',
  participant_link: 'web.audit.entity.participant_link',
  person: 'web.audit.entity.person',
  organization: 'web.audit.entity.organization',
  project: 'web.audit.entity.project',
  project_organizations: 'web.audit.entity.project_organizations',
  workshop_organizations: 'web.audit.entity.workshop_organizations',
  result: 'web.audit.entity.result',
  indicator: 'web.audit.entity.indicator',
  indicator_values: 'web.audit.entity.indicator_values',
  report_submission: 'web.audit.entity.report_submission',
  questionnaire: 'web.audit.entity.questionnaire',
  evaluations: 'web.audit.entity.evaluations',
  response: 'web.audit.entity.response',
  anonymous_response: 'web.audit.entity.anonymous_response',
  certificate: 'web.audit.entity.certificate',
  certificate_template: 'web.audit.entity.certificate_template',
  user: 'web.audit.entity.user',
};

function entityName(entity) {
  return ENTITIES[entity] ? t(ENTITIES[entity]) : entity;
}

function actionName(action) {
  return ENUMS.audit_action.includes(action) ? label('audit_action', action) : action;
}

export async function auditView({ query, root }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k)]));
  const cursor = query.get('cursor');
  const [users, page] = await Promise.all([
    listAllUsers(),
    listAudit({ ...filters, cursor, limit: 50 }).catch((problem) => ({ problem })),
  ]);
  const entities = Object.keys(ENTITIES);
  if (filters.entity && !ENTITIES[filters.entity]) entities.push(filters.entity);
  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': t('web.audit.filter_label'), novalidate: true },
    fields(
      field({ name: 'user_id', label: t('web.audit.user'), type: 'select', blank: t('web.audit.anyone'), options: users.map((u) => [u.id, u.username]), value: filters.user_id }),
      field({ name: 'entity', label: t('web.audit.record_type'), type: 'select', blank: t('web.audit.any_record_type'), options: entities.map((e) => [e, entityName(e)]), value: filters.entity }),
      field({ name: 'entity_id', label: t('web.audit.record_id'), type: 'number', min: 1, value: filters.entity_id }),
      field({
        name: 'action', label: t('web.audit.action'), type: 'select', blank: t('web.audit.any_action'),
        options: options('audit_action'), value: filters.action,
      }),
      field({ name: 'from', label: t('common.from'), type: 'date', value: filters.from }),
      field({ name: 'to', label: t('common.to'), type: 'date', value: filters.to })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.filter')),
      h('a', { href: '#/audit', class: 'btn btn-secondary' }, t('web.audit.clear_filters'))));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/audit', readValues(filterForm));
  });

  const json = (value) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));
  mount(root,
    pageHeader(t('web.audit.title')),
    filterForm,
    page.problem ? errorBox(page.problem) : [
      table([
        { label: t('web.audit.when'), cell: (e) => formatInstant(e.at), class: 'nowrap' },
        { label: t('web.audit.who'), cell: (e) => e.username || t('web.audit.system'), class: 'nowrap' },
        { label: t('web.audit.action'), cell: (e) => actionName(e.action), class: 'nowrap' },
        {
          label: t('web.audit.record'),
          class: 'nowrap',
          cell: (e) => {
            const text = e.entity_id ? t('web.audit.record_numbered', { entity: entityName(e.entity), id: String(e.entity_id) }) : entityName(e.entity);
            const target = PAGES[e.entity];
            return target && e.entity_id && e.action !== 'delete' ? h('a', { href: `#/${target}/${e.entity_id}` }, text) : text;
          },
        },
        {
          label: t('web.audit.change'),
          // The record as stored (JSON), drawn when opened.
          cell: (e) => {
            const diff = h('div', { class: 'diff' });
            const box = h('details', {}, h('summary', { class: 'nowrap' }, t('web.audit.before_and_after')), diff);
            box.addEventListener('toggle', () => {
              if (box.open && !diff.childNodes.length) {
                mount(diff,
                  h('div', {}, h('h3', {}, t('web.audit.before')), h('pre', {}, json(e.before))),
                  h('div', {}, h('h3', {}, t('web.audit.after')), h('pre', {}, json(e.after))));
              }
            });
            return box;
          },
        },
      ], page.items, { caption: t('web.audit.caption'), emptyText: t('web.audit.none_match') }),
      pager(page, { path: '/audit', params: filters, query }),
    ]);
}
