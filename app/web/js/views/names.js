// People named in the interface's language: in Chinese by their Chinese name
// where the record has one, else the Latin one; in English by the Latin name,
// lists of people showing the Chinese beside it (organizations: orgName).
import { h } from '../dom.js';
import { langOf } from '../format.js';
import { language } from '../i18n.js';

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
