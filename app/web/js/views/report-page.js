// What every report screen shares: the parameter form with the report below
// it, its downloads, its figures, and (funder report) the form that submits it
// to a donor.
import { REPORT_FORMATS, getReport, reportUrl } from '../client/reports.js';
import { submitReport } from '../client/submissions.js';
import { h, mount } from '../dom.js';
import { field, fields, form, showProblem } from '../form.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { loading, notify, pageHeader } from '../ui.js';

const FORMAT_LABELS = {
  json: 'Download JSON', csv: 'Download CSV', html: 'Open printable page (HTML)', xlsx: 'Download Excel workbook',
};

// Links to the report in every format the server writes (shared with the
// results report); hrefOf(format) is the report's address in that format.
export function downloads(hrefOf, fileStem) {
  return h('nav', { class: 'downloads', 'aria-label': 'Downloads' },
    REPORT_FORMATS.map((format) => {
      const target = hrefOf(format);
      return format === 'html'
        ? h('a', { class: 'btn btn-secondary', href: target, target: '_blank', rel: 'noopener' }, FORMAT_LABELS.html)
        : h('a', { class: 'btn btn-secondary', href: target, download: `${fileStem}.${format}` }, FORMAT_LABELS[format] || `Download ${format.toUpperCase()}`);
    }));
}

export function figures(pairs) {
  return h('dl', { class: 'figures' }, pairs.map(([name, value]) => h('div', { class: 'figure' }, h('dt', {}, name), h('dd', {}, value))));
}

// The period: two dates, labelled as the report reads them.
export function periodFields(values, [fromLabel, toLabel] = ['From', 'To']) {
  return [
    field({ name: 'from', label: fromLabel, type: 'date', value: values.from }),
    field({ name: 'to', label: toLabel, type: 'date', value: values.to }),
  ];
}

// Completion: the share of sessions a participant must attend (API default 80).
export function thresholdField(values) {
  return field({ name: 'completion_threshold', label: 'Completion threshold (% of sessions)', type: 'number', value: values.completion_threshold, min: 1, max: 100, step: 1 });
}

// Renders the parameter form, then the report below it; a refused request
// (bad dates, unknown id) is explained on the form. report: the report's
// name ('attendance', 'funder', 'summary'); submittable: it can be sent to a donor.
export async function reportPage(root, { title, intro, formFields, ready, report, params, draw, fileStem, submittable = false }) {
  const out = h('div', {});
  const paramsForm = form({
    submitLabel: 'Show report',
    failLabel: 'No report.',
    class: 'report-form',
    onSubmit: async (v) => navigate(window.location.hash.slice(1).split('?')[0], v),
  }, fields(formFields));
  mount(root, pageHeader(title, { subtitle: intro }), paramsForm, out);
  if (!ready) return;
  mount(out, loading('Preparing the report…'));
  try {
    const answer = await getReport(report, params);
    mount(out,
      downloads((format) => reportUrl(report, { ...params, format }), fileStem),
      submittable && canWrite() ? submitForm(report, params) : null,
      await draw(answer));
  } catch (problem) {
    mount(out);
    showProblem(paramsForm, problem);
  }
}

// Freezes the report as sent to a donor.
function submitForm(report, params) {
  const sent = h('p', { class: 'submitted', role: 'status' });
  return h('div', { class: 'submit-report' },
    form({
      submitLabel: 'Submit to donor',
      failLabel: 'Not submitted.',
      heading: 'Submit to donor',
      onSubmit: async (v, el) => {
        const s = await submitReport(report, params, v.note || null);
        el.reset();
        notify(`Report submitted (submission ${s.id}); it is kept exactly as sent.`);
        mount(sent, `Submitted as submission ${s.id}, SHA-256 ${s.sha256.slice(0, 12)}… `, h('a', { href: '#/reports/submissions' }, 'See all submissions'));
      },
    }, fields([field({ name: 'note', label: 'Note (to whom, why)', type: 'textarea', rows: 2, class: 'wide' })])),
    sent);
}
