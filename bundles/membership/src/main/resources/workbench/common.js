// What the membership views share: the shell's view kit (building DOM from script), the
// module's REST address, and reading the dated records the API answers.

import { atLeast, el, problemText } from '/shell/view-kit.js';

export { atLeast, el, problemText };

export const BASE = '/api/v1/membership';

/** Today as yyyy-mm-dd in the reader's time zone. */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether a dated record ({from, to}, both days included, null for open) holds on day. */
export function holdsOn(dated, day) {
  return (dated.from == null || dated.from <= day) && (dated.to == null || day <= dated.to);
}

/** "2024-09-18 – now", "until 2025-10-25", "always". */
export function period(dated) {
  if (dated.from == null && dated.to == null) return 'always';
  if (dated.from == null) return `until ${dated.to}`;
  return `${dated.from} – ${dated.to ?? 'now'}`;
}

/** The institution's name (and acronym) on day, from its name history; its latest name if none held then. */
export function nameOn(institution, day) {
  const names = institution.names ?? [];
  const held = names.find((name) => holdsOn(name, day)) ?? names[names.length - 1];
  if (held == null) return institution.id;
  return held.acronym ? `${held.name} (${held.acronym})` : held.name;
}

export function institutionLink(id, text) {
  return el('a', { href: `#/membership/institution?id=${encodeURIComponent(id)}`, 'data-institution': id }, text);
}

export function personLink(id, text) {
  return el('a', { href: `#/membership/person?id=${encodeURIComponent(id)}`, 'data-person': id }, text);
}

/** A <select> with an empty first option labelled empty, then one option per [value, label]. */
export function select(id, empty, options, chosen) {
  const node = el('select', { id, name: id }, el('option', { value: '' }, empty),
    options.map(([value, label]) => el('option', { value }, label)));
  node.value = chosen ?? '';
  return node;
}

/** A labelled field in a form-row, with a place under it for the problem that names it. */
export function field(label, control) {
  return el('div', { class: 'form-row' }, el('label', { for: control.id }, label), control,
    el('p', { class: 'error field-problem', id: `${control.id}-problem`, role: 'alert', 'data-field-problem': control.id }));
}
