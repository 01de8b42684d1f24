// The interface's language and its catalog: every text a person reads is
// t('key', {values}), its pattern taken from the catalog the server serves
// (app/i18n/LANG.json at /assets/i18n/LANG.json, the same file the server
// renders its errors and reports from). Patterns are ICU MessageFormat:
// {name}, {n, number}, {n, plural, one {# person} other {# people}},
// {kind, select, a {...} other {...}}; numbers are formatted for the locale.

export const LANGUAGES = ['en', 'zh'];
const STORED = 'capdev.language';

let current = 'en';
let catalog = {};

export function language() {
  return current;
}

// The locale for Intl (dates, numbers, collation).
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}

// The language to start in before a user is known: a choice made on this
// browser's sign-in page, else the browser's own languages, else English.
export function preferredLanguage() {
  const stored = localStorage.getItem(STORED);
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.languages || [navigator.language || ''])
    .map((l) => l.toLowerCase()).find((l) => /^(zh|en)\b/.test(l));
  return browser && browser.startsWith('zh') ? 'zh' : 'en';
}

// The language chosen on this browser's sign-in page or switch, if any.
export function chosenHere() {
  const stored = localStorage.getItem(STORED);
  return LANGUAGES.includes(stored) ? stored : null;
}

export function rememberLanguage(lang) {
  localStorage.setItem(STORED, lang);
}

export async function loadLanguage(lang) {
  const wanted = LANGUAGES.includes(lang) ? lang : 'en';
  if (wanted === current && Object.keys(catalog).length) return;
  const response = await fetch(`/assets/i18n/${wanted}.json`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`catalog ${wanted}: HTTP ${response.status}`);
  catalog = await response.json();
  current = wanted;
  document.documentElement.lang = wanted === 'zh' ? 'zh-CN' : 'en';
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

// The text of `key` with `params` put in. A missing key shows itself (and the
// catalog test keeps that from shipping).
export function t(key, params = {}) {
  return tParts(key, params).join('');
}

// As t(), but a value may be a DOM node (a link inside a sentence): the parts
// in order, for h().
export function tParts(key, params = {}) {
  const pattern = catalog[key];
  if (pattern === undefined) {
    console.warn(`capdev: no text for ${key}`); // text-ok: for developers
    return [key];
  }
  return render(parse(pattern), params, null);
}

// --- a MessageFormat subset ---------------------------------------------------

const cache = new Map();
const COUNT = Symbol('#'); // the plural's number inside one of its options

function parse(pattern) {
  let parsed = cache.get(pattern);
  if (!parsed) {
    parsed = parseNodes(pattern, { i: 0 }, false);
    cache.set(pattern, parsed);
  }
  return parsed;
}

// Nodes: strings, COUNT, or {name, type, style, options: {selector: nodes}}.
function parseNodes(text, at, nested) {
  const nodes = [];
  let literal = '';
  while (at.i < text.length) {
    const c = text[at.i];
    if (c === '}' && nested) break;
    if (c === '{') {
      if (literal) nodes.push(literal);
      literal = '';
      at.i += 1;
      nodes.push(parseArgument(text, at));
    } else if (c === '#' && nested) {
      if (literal) nodes.push(literal);
      literal = '';
      nodes.push(COUNT);
      at.i += 1;
    } else {
      literal += c;
      at.i += 1;
    }
  }
  if (literal) nodes.push(literal);
  return nodes;
}

function readUntil(text, at, stops) {
  const start = at.i;
  while (at.i < text.length && !stops.includes(text[at.i])) at.i += 1;
  return text.slice(start, at.i).trim();
}

function parseArgument(text, at) {
  const name = readUntil(text, at, ',}');
  if (text[at.i] === '}') {
    at.i += 1;
    return { name };
  }
  at.i += 1;
  const type = readUntil(text, at, ',}');
  let style = '';
  const options = {};
  if (text[at.i] === ',') {
    at.i += 1;
    if (type === 'plural' || type === 'select') {
      while (at.i < text.length && text[at.i] !== '}') {
        const selector = readUntil(text, at, '{}');
        if (text[at.i] !== '{') break;
        at.i += 1;
        options[selector] = parseNodes(text, at, true);
        at.i += 1; // the option's '}'
      }
    } else {
      style = readUntil(text, at, '}');
    }
  }
  at.i += 1; // the argument's '}'
  return { name, type, style, options };
}

function formatNumber(n, style) {
  if (typeof n !== 'number') return n ?? '';
  if (style === 'percent') return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(n);
  return new Intl.NumberFormat(locale()).format(n);
}

function render(nodes, params, count) {
  const out = [];
  for (const node of nodes) {
    if (node === COUNT) out.push(formatNumber(count));
    else if (typeof node === 'string') out.push(node);
    else {
      const value = params[node.name];
      if (!node.type) out.push(typeof value === 'number' ? formatNumber(value) : (value ?? ''));
      else if (node.type === 'number') out.push(formatNumber(value, node.style));
      else if (node.type === 'plural') {
        const exact = node.options[`=${value}`];
        const category = new Intl.PluralRules(locale()).select(value);
        out.push(...render(exact || node.options[category] || node.options.other || [], params, value));
      } else if (node.type === 'select') {
        out.push(...render(node.options[value] || node.options.other || [], params, count));
      } else {
        out.push(value ?? '');
      }
    }
  }
  return out;
}
