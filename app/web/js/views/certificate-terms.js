// Words and values the certificate screens share (the workshop's register, a
// person's list, the participant's own page): the kinds and their rules, why
// someone gets none, a code as people read it, and a certificate's standing.
import { h } from '../dom.js';
import { label } from '../format.js';
import { language, locale, t } from '../i18n.js';

export const KINDS = ['attendance', 'completion'];

// What completion asks when a workshop sets no threshold of its own.
export const DEFAULT_THRESHOLD = 80;

// "Certificate of attendance", "结业证书".
export const kindName = (kind) => label('certificate_kind', kind);

// Who gets one, in words; threshold: the workshop's completion threshold.
export function kindRule(kind, threshold) {
  return kind === 'completion'
    ? t('web.certificates.rule_completion', { threshold })
    : t('web.certificates.rule_attendance');
}

// Why someone got none (the issue answer's `reason`).
const REASONS = {
  not_attended: 'web.certificates.reason_not_attended',
  not_completed: 'web.certificates.reason_not_completed',
  not_a_participant: 'web.certificates.reason_not_a_participant',
  cancelled: 'web.certificates.reason_cancelled',
  not_registered: 'web.certificates.reason_not_registered',
};

export function reasonText(reason, threshold) {
  return REASONS[reason] ? t(REASONS[reason], { threshold }) : reason;
}

// "K7MXRW4CQAH9" -> "K7MX-RW4C-QAH9": groups of four, as printed.
export function groupedCode(code) {
  return (String(code || '').match(/.{1,4}/g) || []).join('-');
}

// The code in a face that tells its letters apart, kept on one line.
export function codeNode(code) {
  return h('code', { class: 'cert-code', translate: 'no' }, groupedCode(code));
}

// The day of an RFC 3339 instant, in the reader's time zone: "7 Dec 2026", "2026年12月7日".
export function dayOf(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: language() === 'zh' ? 'long' : 'short', year: 'numeric' }).format(when);
}

// A link that opens a PDF in a new tab; the code after its words, for screen
// readers (a table of certificates has a PDF link in every row).
export function pdfLink(href, code) {
  return h('a', { href, target: '_blank', rel: 'noopener' }, t('web.certificates.pdf'), h('span', { class: 'visually-hidden' }, ` ${groupedCode(code)}`));
}

export const isRevoked = (c) => Boolean(c.revoked_at);

// Valid / Revoked, as a badge.
export function standingBadge(c) {
  return isRevoked(c)
    ? h('span', { class: ['badge', 'badge-revoked'] }, t('web.certificates.revoked'))
    : h('span', { class: ['badge', 'badge-valid'] }, t('web.certificates.valid'));
}

// The badge, and for a revoked one when and why (the reason where the answer holds it).
export function standingNodes(c) {
  if (!isRevoked(c)) return [standingBadge(c)];
  const when = dayOf(c.revoked_at);
  return [standingBadge(c), h('span', { class: 'cell-note' },
    c.revoke_reason ? t('web.certificates.revoked_on_because', { date: when, reason: c.revoke_reason }) : t('web.certificates.revoked_on', { date: when }))];
}

// A workshop's title in the interface's language, the other script beneath.
export function workshopTitleNodes(title, nativeTitle) {
  const zh = language() === 'zh' && nativeTitle;
  const main = zh ? nativeTitle : title || nativeTitle || '';
  const other = zh ? title : nativeTitle;
  return [h('span', { lang: zh ? 'zh' : null }, main),
    other && other !== main ? h('span', { class: 'cell-note', lang: zh ? 'en' : 'zh' }, other) : null];
}
