// Submitted reports: each as sent to a donor (frozen, never changed), and
// the figures that changed since, on request.
import { getSubmissionChanges, listSubmissions, submissionUrl } from '../client/submissions.js';
import { h, mount } from '../dom.js';
import { formatInstant } from '../format.js';
import { button, loading, pageHeader, section, table } from '../ui.js';

function paramsText(params) {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ');
}

async function showChanges(s, out) {
  mount(out, loading('Comparing with today’s figures…'));
  const { changes } = await getSubmissionChanges(s.id);
  const value = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  mount(out, section(`Changes since submission ${s.id}`, table([
    { label: 'Figure', cell: (c) => h('code', {}, c.path) },
    { label: 'As submitted', cell: (c) => value(c.submitted) },
    { label: 'Today', cell: (c) => value(c.current) },
  ], changes, { emptyText: 'No figure has changed since it was submitted.' })));
}

export async function submissionsView({ root }) {
  const { items } = await listSubmissions();
  const changes = h('div', { class: 'submission-changes' });
  mount(root,
    pageHeader('Submitted reports', { subtitle: 'Reports as sent to donors: each is kept exactly as sent and never changed.' }),
    section('Submissions', table([
      { label: 'Submitted', cell: (s) => formatInstant(s.submitted_at) },
      { label: 'Report', cell: (s) => (s.report === 'funder' ? 'Funder report' : 'Results report') },
      { label: 'Parameters', cell: (s) => paramsText(s.params) },
      { label: 'Note', cell: (s) => s.note || '' },
      { label: 'By', cell: (s) => s.submitted_by },
      { label: 'SHA-256', cell: (s) => h('code', { title: s.sha256 }, `${s.sha256.slice(0, 12)}…`) },
      {
        label: 'Open',
        cell: (s) => h('div', { class: 'row-actions' },
          h('a', { class: 'btn btn-secondary', href: submissionUrl(s.id), target: '_blank', rel: 'noopener' }, `Frozen JSON ${s.id}`),
          button(`Changes ${s.id}`, () => showChanges(s, changes))),
      },
    ], items, { emptyText: 'No report has been submitted yet.' })),
    changes);
}
