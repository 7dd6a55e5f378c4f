// What the shell and every view share (docs/extending.md): building DOM nodes from script
// (the content security policy forbids inline markup, and text is always added as text
// nodes, never parsed as HTML), the words for a failed call, times, and the role order.
// Views import it from /shell/view-kit.js; it is part of the contract, so it only grows.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an HTML element: el('button', { type: 'button', class: 'button-primary', onclick }, 'Save').
 * Attributes that are null, undefined or false are left out; true gives an empty attribute;
 * on… attributes become event listeners. Children are nodes or strings; null and false are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** Creates an SVG element, like el(). */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

/** The text to show for a failed call: the problem's detail, else its title, else the error's message. */
export function problemText(error) {
  return error?.detail || error?.title || error?.message || String(error);
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A <time> element for an ISO instant, shown in the reader's locale and time zone. */
export function timeElement(iso) {
  const date = new Date(iso);
  return el('time', { datetime: iso }, Number.isNaN(date.getTime()) ? String(iso) : DATE_TIME.format(date));
}

const ROLES = ['observer', 'delegate', 'secretariat', 'administrator'];

/** Whether the user's role is this role or a higher one (observer < delegate < secretariat < administrator). */
export function atLeast(user, role) {
  return ROLES.indexOf(user.role) >= ROLES.indexOf(role);
}
