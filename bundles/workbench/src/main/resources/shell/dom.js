// Small DOM helpers. Every text goes in through textContent or attributes, never as HTML, so
// nothing a module or a user wrote can become markup.

/** Creates an element: h('a', { href: '#/', class: 'x', onclick: fn }, 'text', child, …). */
export { el as h } from './view-kit.js';

/** A fresh copy of the first element of a <template> in index.html. */
export function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/**
 * Re-renders part of the page without losing the keyboard focus: if the focused element carries
 * attribute, the new element with the same value gets the focus back.
 */
export function keepingFocus(container, attribute, render) {
  const focused = document.activeElement;
  const value = container.contains(focused) ? focused.getAttribute(attribute) : null;
  render();
  if (value != null) {
    const match = [...container.querySelectorAll(`[${attribute}]`)]
      .find((element) => element.getAttribute(attribute) === value);
    match?.focus();
  }
}
