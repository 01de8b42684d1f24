// A workshop's certificates screen: issuing certificates of attendance or of
// completion to its participants (who got one, who did not and why), and the
// register of every certificate issued, with each one's PDF, its public
// verification page, and revoking one with a reason.
import {
  certificatePdfUrl, issueCertificates, listCertificates, revokeCertificate, workshopCertificatesPdfUrl,
} from '../client/certificates.js';
import { getWorkshop } from '../client/workshops.js';
import { h, mount, uid } from '../dom.js';
import { field, form } from '../form.js';
import { formatDateRange } from '../format.js';
import { language, locale, t } from '../i18n.js';
import { canWrite } from '../session.js';
import { button, empty, errorBox, linkButton, loading, notify, openDialog, pageHeader, section, table } from '../ui.js';
import {
  DEFAULT_THRESHOLD, KINDS, codeNode, dayOf, groupedCode, isRevoked, kindName, kindRule, pdfLink, reasonText, standingNodes,
} from './certificate-terms.js';
import { inLang, personName, personOther } from './names.js';
import { bothNames, bothNamesNode } from './person-fields.js';
import { figures } from './report-page.js';

export async function workshopCertificatesView({ params, root }) {
  const id = Number(params.id);
  const workshop = await getWorkshop(id);
  const threshold = workshop.completion_threshold ?? DEFAULT_THRESHOLD;
  const registerBox = h('div', {}, loading());

  // After issuing or revoking; focus: the id of a certificate whose actions
  // take the focus again (the button that opened a dialog is redrawn).
  const drawRegister = async (focus = null) => {
    try {
      const items = await listCertificates(id);
      mount(registerBox, registerPart(id, items, { revoke: (c) => revoke(c) }));
    } catch (problem) {
      mount(registerBox, errorBox(problem));
      return;
    }
    if (focus !== null) registerBox.querySelector(`[data-certificate="${focus}"] a`)?.focus();
  };

  // Asks the reason (required: the server says so at the field); what is
  // typed stays while the dialog is open, whatever the answer.
  const revoke = async (c) => {
    const saved = await openDialog(t('web.certificates.revoke_title', { name: bothNames(c), code: groupedCode(c.code) }), (close) => form({
      class: 'revoke-form',
      submitLabel: t('web.certificates.revoke_submit'),
      failLabel: t('web.certificates.not_revoked'),
      cancel: button(t('common.back'), () => close(null)),
      onSubmit: async (values) => close(await revokeCertificate(c.id, values.reason)),
    },
    h('p', {}, kindName(c.kind), ' · ', codeNode(c.code)),
    field({ name: 'reason', label: t('web.certificates.revoke_reason'), type: 'textarea', rows: 3, hint: t('web.certificates.revoke_hint') })));
    if (saved) notify(t('web.certificates.revoked_notice', { name: bothNames(c), code: groupedCode(c.code) }));
    await drawRegister(c.id); // revoked meanwhile elsewhere (409): shown so
  };

  mount(root,
    pageHeader(t('web.certificates.title'), {
      subtitle: [workshopTitle(workshop), formatDateRange(workshop.start_date, workshop.end_date, workshop.dates_estimated)].filter(Boolean).join(' · '),
      actions: [linkButton(t('web.certificates.back'), `#/workshops/${id}`)],
    }),
    canWrite() ? section(t('web.certificates.issue'), issuePart(workshop, threshold, () => drawRegister())) : null,
    section(t('web.certificates.register'), registerBox));
  await drawRegister();
}

function workshopTitle(w) {
  return (language() === 'zh' && w.native_title) || w.title;
}

// --- issuing ----------------------------------------------------------------------

function issuePart(workshop, threshold, onIssued) {
  if (workshop.status === 'cancelled') {
    return h('p', { class: 'marks-notice', role: 'note' }, t('web.certificates.cancelled_workshop'));
  }
  const outcome = h('div', { class: 'issue-outcome' });
  const issueForm = form({
    class: 'issue-form',
    submitLabel: t('web.certificates.issue_submit'),
    failLabel: t('web.certificates.not_issued'),
    onSubmit: async (values) => {
      mount(outcome);
      const answer = await issueCertificates(workshop.id, { kind: values.kind });
      mount(outcome, outcomePart(values.kind, answer, threshold));
      notify(t('web.certificates.issued_notice', { n: answer.created }));
      await onIssued();
      outcome.querySelector('h3')?.focus();
    },
  },
  h('p', { class: 'muted' }, t('web.certificates.issue_intro')),
  kindChoice(threshold, workshop.completion_threshold === null || workshop.completion_threshold === undefined));
  return h('div', {}, issueForm, outcome);
}

// The two kinds as radio buttons, each with its rule in words; a field of the
// form (`kind`), where a refusal of the kind is shown.
function kindChoice(threshold, byDefault) {
  const group = uid('kind');
  let first = null;
  const choices = KINDS.map((kind) => {
    const id = uid('kind');
    const rule = h('span', { class: 'cell-note', id: `${id}-rule` }, kindRule(kind, threshold),
      kind === 'completion' ? [' ', t(byDefault ? 'web.certificates.threshold_default' : 'web.certificates.threshold_own', { threshold })] : null);
    const radio = h('input', { type: 'radio', id, name: group, value: kind, checked: kind === 'attendance', 'aria-describedby': rule.id });
    first = first || radio;
    return h('div', { class: 'field-radio' }, radio, h('div', {}, h('label', { for: id }, kindName(kind)), rule));
  });
  const error = h('p', { class: 'field-error', id: `${group}-error`, hidden: true });
  const wrapper = h('fieldset', { class: 'choice kind-choice', dataset: { field: 'kind' } },
    h('legend', {}, t('web.certificates.kind')), choices, error);
  wrapper.control = first;
  wrapper.read = () => wrapper.querySelector(`input[name="${group}"]:checked`)?.value ?? null;
  return wrapper;
}

// The answer in place: how many are valid and how many new, and each person
// who got none, by both names, with the reason in words.
function outcomePart(kind, answer, threshold) {
  const passed = [...answer.not_eligible].sort((a, b) => personName(a).localeCompare(personName(b), locale()));
  return h('div', { class: 'issue-answer' },
    h('h3', { tabindex: '-1' }, t('web.certificates.outcome_title', { kind: kindName(kind) })),
    figures([
      [t('web.certificates.figure_valid'), String(answer.issued.length)],
      [t('web.certificates.figure_new'), String(answer.created)],
      [t('web.certificates.figure_not_eligible'), String(passed.length)],
    ]),
    passed.length ? [
      h('h4', {}, t('web.certificates.not_eligible')),
      h('ul', { class: 'not-eligible' }, passed.map((p) => h('li', { dataset: { person: String(p.person_id) } },
        h('span', { class: 'not-eligible-name' }, bothNamesNode(p)),
        h('span', { class: 'not-eligible-reason' }, reasonText(p.reason, threshold))))),
    ] : null);
}

// --- the register -------------------------------------------------------------------

function registerPart(workshopId, items, { revoke }) {
  if (!items.length) return empty(t('web.certificates.none_yet'));
  const valid = items.filter((c) => !isRevoked(c)).length;
  const columns = [
    { label: t('web.certificates.holder'), cell: holderNodes, class: 'cert-holder' },
    { label: t('common.kind'), cell: (c) => kindName(c.kind), class: 'cert-kind' },
    { label: t('web.certificates.code'), cell: (c) => codeNode(c.code), class: 'nowrap', phone: true },
    { label: t('web.certificates.issued'), cell: (c) => dayOf(c.issued_at), class: 'nowrap', phone: true },
    { label: t('common.status'), cell: standingNodes, class: 'cert-status' },
    { label: t('web.workshop.actions'), cell: (c) => actions(c, revoke), class: 'cert-actions' },
  ];
  return [
    h('div', { class: 'register-head' },
      h('p', { class: 'register-count' }, t('web.certificates.register_count', { valid, revoked: items.length - valid })),
      valid ? h('a', { class: 'btn btn-secondary', href: workshopCertificatesPdfUrl(workshopId), download: `certificates-${workshopId}.pdf` },
        t('web.certificates.download_all')) : null),
    h('div', { class: 'register' }, phoneLabels(table(columns, items, { caption: t('web.certificates.register_caption') }), columns)),
  ];
}

// On a phone each row is a card (certificates.css): the cells whose value
// does not say what it is carry their column's name.
function phoneLabels(wrap, columns) {
  for (const row of wrap.querySelectorAll('tbody > tr')) {
    [...row.children].forEach((cell, i) => {
      if (columns[i].phone) cell.dataset.label = columns[i].label;
    });
  }
  return wrap;
}

// Both names, stacked; the name a link to the person's page.
function holderNodes(c) {
  const other = personOther(c);
  return [h('a', { href: `#/people/${c.person_id}` }, inLang(personName(c))),
    other ? h('span', { class: 'cell-note' }, inLang(other)) : null];
}

// The PDF, the verification page (a new tab: it is the public page), Revoke.
// Each says whose it is to a screen reader (the code, after the visible words).
function actions(c, revoke) {
  const whose = () => h('span', { class: 'visually-hidden' }, ` ${groupedCode(c.code)}`);
  return h('div', { class: 'row-actions', dataset: { certificate: String(c.id) } },
    pdfLink(certificatePdfUrl(c.id), c.code),
    h('a', { href: c.verify_url, target: '_blank', rel: 'noopener' }, t('web.certificates.verify'), whose()),
    canWrite() && !isRevoked(c) ? button([t('web.certificates.revoke'), whose()], () => revoke(c), { kind: 'link', class: 'btn btn-link btn-revoke' }) : null);
}
