// People and organizations named in the interface's language: in Chinese by
// their Chinese name where the record has one, else the Latin one; in English
// by the Latin name, lists of people showing the Chinese beside it.
import { h } from '../dom.js';
import { langOf } from '../format.js';
import { language, locale } from '../i18n.js';
import { orgName } from '../orgs.js';

// A text in Chinese characters in an element that says so (fonts and screen
// readers follow lang); other text as it is.
export function inLang(text) {
  return langOf(text) ? h('span', { lang: 'zh' }, text) : text;
}

// {full_name, native_name} -> the one name to show, as text.
export function personName(p) {
  if (!p) return '';
  if (language() === 'zh' && p.native_name) return p.native_name;
  return p.full_name || p.native_name || '';
}

// The name for a list of people: "WANG Fang 王芳" in English (the Chinese
// in its own element; on a line of its own with `stacked`), "王芳" in Chinese.
export function personNameNodes(p, { stacked = false } = {}) {
  if (!p) return [];
  const main = personName(p);
  const other = language() !== 'zh' && p.native_name && p.native_name !== main ? p.native_name : null;
  if (!other) return [inLang(main)];
  return stacked
    ? [main, h('span', { class: 'session-note', lang: 'zh' }, other)]
    : [main, ' ', h('span', { lang: 'zh' }, other)];
}

// Whole sentences, each already ending in its full stop, one after the other:
// a space between them in English, none in Chinese.
export function sentences(texts) {
  return texts.filter(Boolean).join(language() === 'zh' ? '' : ' ');
}

// Their name in the other script, when it differs: WANG Fang in Chinese, 王芳 in English.
export function personOther(p) {
  if (!p) return '';
  const other = language() === 'zh' && p.native_name ? p.full_name : p.native_name;
  return other && other !== personName(p) ? other : '';
}

// --- organizations (orgName in ../orgs.js: with the short name) ---------------------

// 公安部 in Chinese; "Ministry of Public Security of the People's Republic of China" in English.
export function orgShown(org) {
  if (!org) return '';
  return language() === 'zh' && org.native_name ? org.native_name : org.name;
}

// Short, for a picker's line: 公安部 in Chinese, MPS in English.
export function orgShort(org) {
  if (!org) return '';
  return language() === 'zh' && org.native_name ? org.native_name : org.short_name || org.name;
}

// Its name in the other script, when it has one: the English name in Chinese,
// the Chinese name in English.
export function orgOther(org) {
  if (!org) return '';
  return (language() === 'zh' ? (org.native_name ? org.name : '') : org.native_name) || '';
}

export function orgLinkShown(org) {
  return org ? h('a', { href: `#/organizations/${org.id}` }, inLang(orgName(org))) : '';
}

// Nodes (links, say) as a list in words: "A, B and C", "A、B和C".
export function listNodes(nodes) {
  const keys = nodes.map((_, i) => `\u0000${i}\u0000`);
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).formatToParts(keys)
    .map((part) => (part.type === 'element' ? nodes[keys.indexOf(part.value)] : part.value));
}
