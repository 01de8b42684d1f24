// What every report screen shares: the parameter form with the report below
// it, its downloads (in the interface's language, and where a report goes to
// a donor in the other one too), its figures, and under them (funder report)
// the form that records it as submitted to a donor.
import { REPORT_FORMATS, getReport, reportUrl } from '../client/reports.js';
import { submitReport } from '../client/submissions.js';
import { h, mount } from '../dom.js';
import { field, fields, form, showProblem } from '../form.js';
import { LANGUAGES, language, t, tParts } from '../i18n.js';
import { navigate } from '../router.js';
import { canWrite } from '../session.js';
import { button, loading, notify, openDialog, pageHeader } from '../ui.js';

const FORMAT_LABELS = {
  json: 'web.report.download.json', csv: 'web.report.download.csv', html: 'web.report.download.html', xlsx: 'web.report.download.xlsx',
};
// The same, in another language than the interface's (JSON has none).
const OTHER_LABELS = { xlsx: 'web.report.other.xlsx', html: 'web.report.other.html', csv: 'web.report.other.csv' };

// A report's address with `lang`: the server writes CSV, XLSX and HTML in it.
function inLanguage(href, lang) {
  const target = new URL(href, window.location.href);
  target.searchParams.set('lang', lang);
  return `${target.pathname}${target.search}`;
}

function link(format, target, text, fileStem) {
  return format === 'html'
    ? h('a', { class: 'btn btn-secondary', href: target, target: '_blank', rel: 'noopener' }, text)
    : h('a', { class: 'btn btn-secondary', href: target, download: `${fileStem}.${format}` }, text);
}

// Links to the report in every format the server writes (shared with the
// results report), in the interface's language; hrefOf(format) is the
// report's address in that format. otherLanguage: also offer the workbook,
// page and CSV in the other language (a report the coordinator sends: the
// funder report in English for the donor, in Chinese for the counterpart).
export function downloads(hrefOf, fileStem, { otherLanguage = false } = {}) {
  const here = language();
  const mine = h('nav', { class: 'downloads', 'aria-label': t('web.report.downloads') },
    REPORT_FORMATS.map((format) => link(format, inLanguage(hrefOf(format), here), t(FORMAT_LABELS[format]), fileStem)));
  if (!otherLanguage) return mine;
  return [mine, ...LANGUAGES.filter((lang) => lang !== here).map((lang) => {
    const heading = t('web.report.also_in', { lang });
    return h('nav', { class: 'downloads', 'aria-label': heading },
      h('span', { class: 'muted' }, heading),
      REPORT_FORMATS.filter((format) => OTHER_LABELS[format]).map((format) => link(
        format, inLanguage(hrefOf(format), lang), t(OTHER_LABELS[format], { lang }), `${fileStem}-${lang}`)));
  })];
}

export function figures(pairs) {
  return h('dl', { class: 'figures' }, pairs.map(([name, value]) => h('div', { class: 'figure' }, h('dt', {}, name), h('dd', {}, value))));
}

// The period: two dates, labelled as the report reads them.
export function periodFields(values, [fromLabel, toLabel] = [t('web.report.from'), t('web.report.to')]) {
  return [
    field({ name: 'from', label: fromLabel, type: 'date', value: values.from }),
    field({ name: 'to', label: toLabel, type: 'date', value: values.to }),
  ];
}

// Completion: the share of sessions a participant must attend (API default 80).
export function thresholdField(values) {
  return field({
    name: 'completion_threshold', label: t('web.report.threshold'), type: 'number', value: values.completion_threshold, min: 1, max: 100, step: 1,
  });
}

// Renders the parameter form, then the report below it; a refused request
// (bad dates, unknown id) is explained on the form. report: the report's
// name ('attendance', 'funder', 'summary'); submittable: it can be sent to a
// donor (and so is offered in both languages).
export async function reportPage(root, { title, intro, formFields, ready, report, params, draw, fileStem, submittable = false }) {
  const out = h('div', {});
  const paramsForm = form({
    submitLabel: t('web.report.show'),
    failLabel: t('web.report.failed'),
    class: 'report-form',
    onSubmit: async (v) => navigate(window.location.hash.slice(1).split('?')[0], v),
  }, fields(formFields));
  mount(root, pageHeader(title, { subtitle: intro }), paramsForm, out);
  if (!ready) return;
  mount(out, loading(t('web.report.preparing')));
  try {
    const answer = await getReport(report, params);
    // Recording it as submitted comes after the figures: read them first.
    mount(out,
      downloads((format) => reportUrl(report, { ...params, format }), fileStem, { otherLanguage: submittable }),
      await draw(answer),
      submittable && canWrite() ? submitForm(report, params) : null);
  } catch (problem) {
    mount(out);
    showProblem(paramsForm, problem);
  }
}

// Asks before freezing: what is kept for ever, and that nothing is sent.
function confirmSubmit(note) {
  return openDialog(t('web.report.submit_confirm_title'), (close) => h('div', { class: 'confirm-submit' },
    h('p', {}, t('web.report.submit_confirm_frozen')),
    h('p', {}, h('strong', {}, t('web.report.submit_confirm_nothing_sent'))),
    note ? h('p', { class: 'muted' }, t('web.report.submit_confirm_note', { note })) : null,
    h('div', { class: 'dialog-actions' },
      button(t('web.report.submit_confirm'), () => close(true), { kind: 'primary' }),
      button(t('common.cancel'), () => close(false)))));
}

// Records the report, as it stands, as submitted to a donor (frozen, never
// changed or deleted); it sends nothing.
function submitForm(report, params) {
  const sent = h('p', { class: 'submitted', role: 'status' });
  return h('div', { class: 'submit-report' },
    form({
      submitLabel: t('web.report.submit'),
      failLabel: t('web.report.submit_failed'),
      heading: t('web.report.submit_heading'),
      onSubmit: async (v, el) => {
        if (!(await confirmSubmit(v.note))) return;
        const s = await submitReport(report, params, v.note || null);
        el.reset();
        notify(t('web.report.submitted_notice', { id: String(s.id) }));
        mount(sent, tParts('web.report.submitted_as', {
          id: String(s.id),
          hash: s.sha256.slice(0, 12).toUpperCase(),
          link: h('a', { href: '#/reports/submissions' }, t('web.report.see_submissions')),
        }));
      },
    },
    h('p', { class: 'muted' }, t('web.report.submit_explained')),
    fields([field({ name: 'note', label: t('web.report.note'), type: 'textarea', rows: 2, class: 'wide' })])),
    sent);
}
