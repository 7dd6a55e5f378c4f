// What the meetings views share: the REST addresses, the words for the model's values, dates as
// people write them ("18–21 September 2024", "November 2025"), labelled form fields, a modal
// form, and the country of a delegate's institution. DOM building comes from the shell's kit.

import { atLeast, el, problemText, timeElement } from '/shell/view-kit.js';

export { atLeast, el, problemText, timeElement };

export const MEETINGS = '/api/v1/meetings';
export const RECOMMENDATIONS = '/api/v1/recommendations';
export const MEMBERSHIP = '/api/v1/membership';

export const MEETING_KINDS = {
  'annual-meeting': 'Annual meeting', meeting: 'Meeting', workshop: 'Workshop', retreat: 'Retreat',
  'ewg-meeting': 'EWG meeting', conference: 'Conference', 'table-top-exercise': 'Table-top exercise',
  'field-exercise': 'Field exercise', training: 'Training',
};
export const MODES = { physical: 'Physical', virtual: 'Virtual', hybrid: 'Hybrid' };
export const MEETING_STATUSES = { planned: 'Planned', held: 'Held', postponed: 'Postponed', cancelled: 'Cancelled' };
export const PROCEEDING_KINDS = {
  'welcome-remarks': 'Welcome remarks', 'opening-remarks': 'Opening remarks', keynote: 'Keynote',
  'expert-presentation': 'Expert presentation', 'agenda-adoption': 'Adoption of the agenda', session: 'Session',
  'country-presentation': 'Country presentation', discussion: 'Discussion', recommendations: 'Recommendations',
  'other-matters': 'Other matters', 'report-consideration': 'Consideration of the report', 'closing-remarks': 'Closing remarks',
};
/** The proceedings that have a speaker, and those that propose or hold recommendations. */
export const SPOKEN = new Set(['welcome-remarks', 'opening-remarks', 'keynote', 'closing-remarks', 'expert-presentation', 'country-presentation']);
export const WITH_RECOMMENDATIONS = new Set(['expert-presentation', 'country-presentation', 'recommendations']);
export const PARTICIPANT_ROLES = {
  'head-of-delegation': 'Head of delegation', delegate: 'Delegate', presenter: 'Presenter', observer: 'Observer', secretariat: 'Secretariat',
};
export const ADDRESSEES = ['ADMM', 'ADMM-Plus', 'ADSOM', 'ADSOM-Plus', 'ASEAN', 'NADI', 'AMS', 'EWG'];
export const STEP_STATUSES = {
  proposed: 'Proposed', adopted: 'Adopted', reaffirmed: 'Reaffirmed', 'in-progress': 'In progress', implemented: 'Implemented', dropped: 'Dropped',
};
/** The topics the Siem Reap report uses; topics are free slugs, these are offered as suggestions. */
export const KNOWN_TOPICS = ['centrality', 'unity', 'ai', 'cyber-security', 'defence-diplomacy', 'non-traditional-security',
  'pandemic', 'human-resources', 'multilateralism'];

/** Today as yyyy-mm-dd in the reader's time zone. */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// Dates are days, not instants: read and written in UTC so that no time zone moves them.
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const utc = (iso) => new Date(`${iso}T00:00:00Z`);

/** A day as "18 September 2024". */
export function dayText(iso) {
  return iso ? DAY.format(utc(iso)) : '';
}

/** A meeting's dates: "18–21 September 2024", or "November 2025" when only the month is known. */
export function datesText({ from, to, dateAccuracy }) {
  if (!from) return '';
  const format = dateAccuracy === 'month' ? MONTH : DAY;
  return !to || to === from ? format.format(utc(from)) : format.formatRange(utc(from), utc(to));
}

/** A <time> element for a meeting's dates. */
export function datesElement(meeting) {
  return el('time', { datetime: meeting.dateAccuracy === 'month' ? meeting.from.slice(0, 7) : meeting.from }, datesText(meeting));
}

/** "yyyy-mm" to its first and last day. */
export function monthBounds(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** "H.E. Dr. LTG Nem Sowathey" from a person or a participant. */
export function personName(person) {
  return [person.honorific, person.rank, person.name].filter(Boolean).join(' ');
}

export function meetingLink(id, text) {
  return el('a', { href: `#/meetings/meeting?id=${encodeURIComponent(id)}`, 'data-meeting-link': id }, text);
}

/**
 * A link to a meeting known by its id, whose text becomes "dates: theme" once the meeting is read.
 * cache (a Map of id to the promised meeting, one per view) reads each meeting once.
 */
export function namedMeetingLink(api, id, cache) {
  const link = meetingLink(id, id);
  if (!cache.has(id)) cache.set(id, api.get(`${MEETINGS}/${encodeURIComponent(id)}`));
  cache.get(id).then((meeting) => { link.textContent = `${datesText(meeting)}: ${meeting.theme}`; }, () => { /* the id stays */ });
  return link;
}

export function badge(kind, value, text) {
  return el('span', { class: `meetings-badge meetings-${kind}-${value}`, [`data-${kind}`]: value }, text ?? value);
}

/** A <select> with an optional empty first option, then one option per [value, label]. */
export function select(id, empty, options, chosen) {
  const node = el('select', { id, name: id }, empty == null ? null : el('option', { value: '' }, empty),
    options.map(([value, label]) => el('option', { value }, label)));
  node.value = chosen ?? (empty == null ? options[0]?.[0] ?? '' : '');
  return node;
}

/** [[value, label]] of a map of labels, for select(). */
export function choicesOf(labels) {
  return Object.entries(labels);
}

/**
 * A labelled field in a form-row, an optional hint under the label, and a place under it for
 * the problem that names it (data-field-problem, found by showFieldProblem).
 */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'form-row' }, el('label', { for: control.id }, label),
    hintId ? el('p', { class: 'muted meetings-hint', id: hintId }, hint) : null, control,
    el('p', { class: 'error meetings-field-problem', role: 'alert', 'data-field-problem': control.id }));
}

/**
 * Shows a failed call's problem under the control its `field` names (controls maps field names
 * to controls), or in general when it names none of them. Answers whether a field took it.
 */
export function showFieldProblem(form, controls, error, general, prefix = 'Not saved') {
  for (const node of form.querySelectorAll('[data-field-problem]')) node.textContent = '';
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const text = `${prefix}: ${problemText(error)}`;
  // A problem in one of a list's entries ("paragraphs[2]", "addressees[0]") is shown at the list's control.
  const named = error?.body?.field ?? '';
  const control = controls[named] ?? controls[named.replace(/\[\d+].*$/, '')];
  const place = control && form.querySelector(`[data-field-problem="${control.id}"]`);
  if (place) {
    place.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    control.focus();
    general.textContent = '';
    return true;
  }
  general.textContent = text;
  return false;
}

/**
 * Moving the entry at index of ids by one place (by -1 up, +1 down): the new order, the place it
 * went to, the direction, and the direction of the move button that keeps the focus (the other
 * one once the entry has reached an end, where its own button is disabled).
 */
export function moved(ids, index, by) {
  const order = [...ids];
  const to = index + by;
  [order[index], order[to]] = [order[to], order[index]];
  const direction = by < 0 ? 'up' : 'down';
  const atEnd = to === 0 || to === order.length - 1;
  return { order, to, direction, focusDirection: atEnd ? (by < 0 ? 'down' : 'up') : direction };
}

/** Text areas hold paragraphs separated by blank lines. */
export function paragraphsOf(text) {
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
}

export function linesOf(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** A stale If-Match: what happened and what to do, the same words in every view. */
export function conflictText(what) {
  return `Someone else changed this meeting while you were working on ${what}, so nothing was saved. `
    + 'The page now shows the meeting as it is; check it and make your change again.';
}

/**
 * A modal dialog around a form, put in container (the view, so that it goes with it): opens at
 * once, gives the focus back to what had it when it closes (Escape or Cancel), and removes
 * itself. onsubmit(close) runs on submit; it calls close() when it is done. Answers { dialog, close }.
 */
export function modalForm({ container, id, title, body, submitLabel, onsubmit }) {
  const opener = document.activeElement;
  const submit = el('button', { type: 'submit', class: 'button-primary', id: `${id}-submit` }, submitLabel);
  const form = el('form', { class: 'meetings-dialog-form' },
    el('h2', { id: `${id}-title` }, title), ...body,
    el('div', { class: 'dialog-actions' },
      el('button', { type: 'button', id: `${id}-cancel`, onclick: () => dialog.close() }, 'Cancel'), submit));
  const dialog = el('dialog', { id, class: 'meetings-dialog', 'aria-labelledby': `${id}-title` }, form);
  const close = () => dialog.close();
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await onsubmit(close);
    } finally {
      submit.disabled = false;
    }
  });
  container.append(dialog);
  dialog.showModal();
  form.querySelector('input, select, textarea')?.focus();
  return { dialog, close };
}

/**
 * The country whose presentation summaries a delegate may edit: their account's institution's
 * country (the server applies the same rule). Null for anyone else or an account without one.
 */
export async function delegateCountry(api, user) {
  if (user.role !== 'delegate' || !user.institution) return null;
  const institution = await api.get(`${MEMBERSHIP}/institutions/${encodeURIComponent(user.institution)}`);
  return institution.country;
}

/** code → short name of every country in the directory. */
export async function countryNames(api) {
  const countries = await api.get(`${MEMBERSHIP}/countries`);
  return new Map(countries.map((country) => [country.code, country.shortName]));
}
