// The fields of a meeting's header (body … expectedOutcomes), for the "New meeting" dialog and
// the editor's Details form: one set of controls named like the REST fields, so that a problem's
// `field` finds its control. Dates known only to the month are entered as months.

import { MEETING_KINDS, MEETING_STATUSES, MODES, choicesOf, el, field, linesOf, monthBounds, select } from './common.js';

/**
 * meeting: the values to start from (a new meeting's defaults, or the meeting); choices:
 * { bodies, countries, institutions, people } from the membership directory, where people are
 * [[id, label]] to choose the chair from (institutions and people may be omitted: then there is
 * no organiser or chair field). prefix keeps the controls' ids apart from another form's.
 * Answers { controls, rows, read() }: read() gives the header fields as the REST API takes them.
 */
export function headerFields(meeting, choices, prefix) {
  const id = (name) => `${prefix}-${name}`;
  const month = meeting.dateAccuracy === 'month';
  const controls = {
    body: select(id('body'), null, choices.bodies.map((b) => [b.id, b.acronym ? `${b.acronym}: ${b.name}` : b.name]), meeting.body),
    kind: select(id('kind'), null, choicesOf(MEETING_KINDS), meeting.kind),
    theme: el('textarea', { id: id('theme'), rows: 2, maxlength: 500, required: true }),
    hostCountry: select(id('hostCountry'), 'Choose a country…', choices.countries.map((c) => [c.code, c.shortName]), meeting.hostCountry),
    city: el('input', { id: id('city'), type: 'text', maxlength: 200 }),
    venue: el('input', { id: id('venue'), type: 'text', maxlength: 300 }),
    dateAccuracy: select(id('dateAccuracy'), null, [['day', 'Days'], ['month', 'Only the month']], meeting.dateAccuracy ?? 'day'),
    from: el('input', { id: id('from'), type: month ? 'month' : 'date', required: true }),
    to: el('input', { id: id('to'), type: month ? 'month' : 'date' }),
    mode: select(id('mode'), null, choicesOf(MODES), meeting.mode),
    status: select(id('status'), null, choicesOf(MEETING_STATUSES), meeting.status),
    topics: el('textarea', { id: id('topics'), rows: 3 }),
    expectedOutcomes: el('textarea', { id: id('expectedOutcomes'), rows: 3 }),
  };
  if (choices.institutions) {
    controls.organiser = select(id('organiser'), 'None recorded', choices.institutions.map((i) =>
      [i.id, `${i.acronym ? `${i.name} (${i.acronym})` : i.name}, ${i.country}`]), meeting.organiser);
  }
  if (choices.people) controls.chair = select(id('chair'), 'None recorded', choices.people, meeting.chair);
  controls.theme.value = meeting.theme ?? '';
  controls.city.value = meeting.city ?? '';
  controls.venue.value = meeting.venue ?? '';
  controls.topics.value = (meeting.topics ?? []).join('\n');
  controls.expectedOutcomes.value = (meeting.expectedOutcomes ?? []).join('\n');
  const showDates = (accuracy, from, to) => {
    const type = accuracy === 'month' ? 'month' : 'date';
    controls.from.type = type;
    controls.to.type = type;
    controls.from.value = from ? (type === 'month' ? from.slice(0, 7) : from) : '';
    controls.to.value = to ? (type === 'month' ? to.slice(0, 7) : to) : '';
  };
  showDates(meeting.dateAccuracy, meeting.from, meeting.to);
  // Switching keeps the dates: a month becomes its first and last day, a day its month.
  controls.dateAccuracy.addEventListener('change', () => {
    const { from, to } = dates(controls.from.type === 'month' ? 'month' : 'day');
    showDates(controls.dateAccuracy.value, from, to);
  });

  function dates(accuracy) {
    const from = controls.from.value || null;
    const to = controls.to.value || null;
    if (accuracy !== 'month') return { from, to: to ?? from };
    return { from: from && monthBounds(from).from, to: (to ?? from) && monthBounds(to ?? from).to };
  }

  const rows = [
    field('Body', controls.body), field('Kind', controls.kind), field('Theme', controls.theme),
    field('Host country', controls.hostCountry), field('City', controls.city), field('Venue', controls.venue),
    field('Dates known to the', controls.dateAccuracy),
    field('From', controls.from), field('To', controls.to, 'Empty for a one-day meeting (or one month).'),
    field('Mode', controls.mode), field('Status', controls.status),
    controls.organiser ? field('Organising institution', controls.organiser) : null,
    controls.chair ? field('Chair', controls.chair, 'The chair is chosen among the participants.') : null,
    field('Topics', controls.topics, 'One per line.'), field('Expected outcomes', controls.expectedOutcomes, 'One per line.'),
  ].filter(Boolean);

  const read = () => {
    const text = (control) => control.value.trim() || null;
    const header = {
      body: controls.body.value, kind: controls.kind.value, theme: controls.theme.value.trim(),
      hostCountry: controls.hostCountry.value || null, city: text(controls.city), venue: text(controls.venue),
      dateAccuracy: controls.dateAccuracy.value, ...dates(controls.dateAccuracy.value),
      mode: controls.mode.value, status: controls.status.value,
      topics: linesOf(controls.topics.value), expectedOutcomes: linesOf(controls.expectedOutcomes.value),
    };
    header.organiser = controls.organiser ? controls.organiser.value || null : meeting.organiser ?? null;
    header.chair = controls.chair ? controls.chair.value || null : meeting.chair ?? null;
    return header;
  };
  return { controls, rows, read };
}
