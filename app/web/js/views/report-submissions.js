// Submitted reports: each as sent to a donor (frozen, never changed), and
// the figures that changed since, on request.
import { organizations } from '../client/organizations.js';
import { projects } from '../client/projects.js';
import { getSubmissionChanges, listSubmissions, submissionUrl } from '../client/submissions.js';
import { h, mount } from '../dom.js';
import { formatDate, formatInstant } from '../format.js';
import { t } from '../i18n.js';
import { orgName } from '../orgs.js';
import { isFunder } from '../session.js';
import { button, loading, pageHeader, section, table } from '../ui.js';

// A submission's parameters as the report's facts read them: "Funder: …;
// Period: 1 Jan 2025 to 31 Dec 2025; …".
function paramsText(params, names) {
  const { from, to, ...rest } = params;
  const parts = [];
  const fact = (name, value) => parts.push(t('report.fact_line', { name, value }));
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'organization_id') fact(t('report.column.funder'), names.organization(value));
    else if (key === 'project_id') fact(t('report.column.project'), names.project(value));
    else if (key === 'include_children') fact(t('report.fact.include_children'), t(value === 'false' ? 'common.no' : 'common.yes'));
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

async function showChanges(s, out) {
  mount(out, loading(t('web.report.submissions.comparing')));
  const { changes } = await getSubmissionChanges(s.id);
  const value = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  mount(out, section(t('web.report.submissions.changes_heading', { id: String(s.id) }), table([
    { label: t('web.report.submissions.figure'), cell: (c) => h('code', {}, c.path) },
    { label: t('web.report.submissions.as_submitted'), cell: (c) => value(c.submitted) },
    { label: t('web.report.submissions.today'), cell: (c) => value(c.current) },
  ], changes, { emptyText: t('web.report.submissions.no_changes') })));
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
          h('a', { class: 'btn btn-secondary', href: submissionUrl(s.id), target: '_blank', rel: 'noopener' },
            t('web.report.submissions.frozen', { id: String(s.id) })),
          button(t('web.report.submissions.changes', { id: String(s.id) }), () => showChanges(s, changes))),
      },
    ], items, { emptyText: t('web.report.submissions.none') })),
    changes);
}
