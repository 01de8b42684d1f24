// Tiny DOM helpers. Elements are built with createElement and text is set with
// textContent, so names typed by users never become markup. No inline styles:
// the Content-Security-Policy forbids them, so looks come from classes in app.css.

const SVG_NS = 'http://www.w3.org/2000/svg';

// h('a', {href: '#/x', class: 'btn', onClick: fn}, 'text', child, [more])
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

// The same for SVG (charts): attributes only, no properties.
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') throw new Error('inline styles are blocked by the CSP; use a class' /* text-ok: for developers */);
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'for') {
      el.htmlFor = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && !key.includes('-') && key !== 'list' && key !== 'form') {
      el[key] = value; // value, checked, disabled, hidden, type, id...
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

// Appends strings (as text), nodes and nested arrays; skips null/false.
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Replaces an element's children.
export function mount(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;
// A unique id for label/aria wiring.
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
