// Submitted reports: each as sent to a donor (frozen, never changed; opened
// as the page or workbook it was), and the figures that changed since, on
// request: named as the report names them, with the recorded writes that
// moved them.
import { organizations } from '../client/organizations.js';
import { projects } from '../client/projects.js';
import { getSubmissionChanges, listSubmissions, submissionUrl } from '../client/submissions.js';
import { h, mount } from '../dom.js';
import { formatDate, formatInstant, label, listText } from '../format.js';
import { language, t } from '../i18n.js';
import { orgName } from '../orgs.js';
import { isFunder } from '../session.js';
import { button, fieldName, loading, pageHeader, section, table } from '../ui.js';

// A submission's parameters as the report's facts read them: "Funder: …;
// Period: 1 Jan 2025 to 31 Dec 2025; …".
function paramsText(params, names) {
  const { from, to, ...rest } = params;
  const parts = [];
  const fact = (name, value) => parts.push(t('report.fact_line', { name, value }));
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'organization_id') fact(t('report.column.funder'), names.organization(value));
    else if (key === 'project_id') fact(t('report.column.project'), names.project(value));
    else if (key === 'include_children') fact(t('report.fact.include_children'), t(String(value) === 'false' ? 'common.no' : 'common.yes'));
    else if (key === 'completion_threshold') fact(t('report.fact.completion_threshold'), t('report.threshold_value', { threshold: Number(value) }));
    else parts.push(`${key}=${value}`);
  }
  if (from && to) fact(t('report.fact.period'), t('report.period', { from: formatDate(from), to: formatDate(to) }));
  return parts.join(t('report.list_separator'));
}

// Organizations and projects by id, where the user may list them.
async function namers() {
  const byId = (map, id) => map.get(Number(id));
  if (isFunder()) return { organization: (id) => id, project: (id) => id };
  const [orgs, list] = await Promise.all([organizations(), projects()]);
  const projectsById = new Map(list.map((p) => [p.id, p]));
  return {
    organization: (id) => (byId(orgs, id) ? orgName(byId(orgs, id)) : id),
    project: (id) => byId(projectsById, id)?.code || id,
  };
}

// The kinds of record the audit trail names (their words: web.audit.entity.*).
const ENTITIES = {
  workshop: 'web.audit.entity.workshop',
  session: 'web.audit.entity.session',
  registration: 'web.audit.entity.registration',
  attendance: 'web.audit.entity.attendance',
  project_organizations: 'web.audit.entity.project_organizations',
  workshop_organizations: 'web.audit.entity.workshop_organizations',
  indicator: 'web.audit.entity.indicator',
  indicator_values: 'web.audit.entity.indicator_values',
};

// "3 Mar 2026 10:02, chen.li: Attendance replaced (session of 2 Mar 2026, 2 marks changed)".
function recordText(r) {
  const details = [];
  if (r.session_date) details.push(t('web.report.submissions.session_of', { date: formatDate(r.session_date) }));
  if (r.marks_changed !== undefined) details.push(t('web.report.submissions.marks_changed', { n: r.marks_changed }));
  if (r.fields) details.push(t('web.report.submissions.fields_changed', { fields: listText(r.fields.map(fieldName)) }));
  return t('web.report.submissions.record', {
    when: formatInstant(r.at),
    who: r.by || t('web.audit.system'),
    record: ENTITIES[r.entity] ? t(ENTITIES[r.entity]) : r.entity,
    action: label('audit_action', r.action) || r.action,
    details: details.join(t('report.list_separator')),
    has_details: details.length ? 'yes' : 'no',
  });
}

// The recorded writes that moved a figure (coordinators and admins; absent
// for others): the newest first, and how many more.
function recordsCell(c) {
  if (!c.records) return '';
  const { items, more } = c.records;
  if (!items.length) return h('span', { class: 'muted' }, t('web.report.submissions.no_record'));
  return h('ul', { class: 'moved-by' },
    items.map((r) => h('li', {}, recordText(r))),
    more ? h('li', { class: 'muted' }, t('web.report.submissions.more_records', { n: more })) : null);
}

async function showChanges(s, out) {
  mount(out, loading(t('web.report.submissions.comparing')));
  const { changes } = await getSubmissionChanges(s.id);
  const columns = [
    { label: t('web.report.submissions.figure'), cell: (c) => [c.label, h('span', { class: 'cell-note' }, c.where)], class: 'cell-wide' },
    { label: t('web.report.submissions.as_submitted'), cell: (c) => c.submitted_text, numeric: true },
    { label: t('web.report.submissions.today'), cell: (c) => c.current_text, numeric: true },
  ];
  if (changes.some((c) => c.records)) {
    columns.push({ label: t('web.report.submissions.moved_by'), cell: recordsCell, class: 'cell-wide' });
  }
  mount(out, section(t('web.report.submissions.changes_heading', { id: String(s.id) }),
    table(columns, changes, { emptyText: t('web.report.submissions.no_changes') })));
}

export async function submissionsView({ root }) {
  const [{ items }, names] = await Promise.all([listSubmissions(), namers()]);
  const changes = h('div', { class: 'submission-changes' });
  mount(root,
    pageHeader(t('web.report.submissions.title'), { subtitle: t('web.report.submissions.subtitle') }),
    section(t('web.report.submissions.list'), table([
      { label: t('web.report.submissions.submitted'), cell: (s) => formatInstant(s.submitted_at) },
      { label: t('web.report.submissions.report'), cell: (s) => t('web.report.submissions.kind', { report: s.report }) },
      { label: t('web.report.submissions.parameters'), cell: (s) => paramsText(s.params, names) },
      { label: t('common.notes'), cell: (s) => s.note || '' },
      { label: t('web.report.submissions.by'), cell: (s) => s.submitted_by },
      // In capitals, as a code (hexadecimal reads the same in every language).
      { label: 'SHA-256', cell: (s) => h('code', { title: s.sha256.toUpperCase() }, `${s.sha256.slice(0, 12).toUpperCase()}…`) },
      {
        label: t('common.open'),
        cell: (s) => h('div', { class: 'row-actions' },
          h('a', { class: 'btn btn-secondary', href: submissionUrl(s.id, { format: 'html', lang: language() }), target: '_blank', rel: 'noopener' },
            t('web.report.submissions.page', { id: String(s.id) })),
          h('a', { class: 'btn btn-secondary', href: submissionUrl(s.id, { format: 'xlsx', lang: language() }), download: `submission-${s.id}-${s.report}.xlsx` },
            t('web.report.submissions.workbook', { id: String(s.id) })),
          h('a', { class: 'btn btn-link', href: submissionUrl(s.id), target: '_blank', rel: 'noopener' },
            t('web.report.submissions.frozen', { id: String(s.id) })),
          button(t('web.report.submissions.changes', { id: String(s.id) }), () => showChanges(s, changes))),
      },
    ], items, { emptyText: t('web.report.submissions.none') })),
    changes);
}
