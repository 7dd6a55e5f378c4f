// The recommendation tracker (#/meetings/recommendations): every recommendation of every meeting,
// filtered by topic, addressee, status, country of origin, the meeting's dates and text, a page
// at a time, newest meeting first. Choosing one shows its timeline from proposal to outcome, each
// step with the meeting or document where it happened; the secretariat adds a follow-up step.
// The address's parameters (topic, status, meeting, rid, …) start the view filtered, so that
// other views and the dashboard link to a filtered tracker.
import {
  ADDRESSEES, KNOWN_TOPICS, MEETINGS, RECOMMENDATIONS, STEP_STATUSES, atLeast, badge, choicesOf, countryNames, datesElement,
  dayText, el, field, meetingLink, namedMeetingLink, problemText, select, showFieldProblem, today,
} from './common.js';

const FILTERS = ['topic', 'addressee', 'status', 'country', 'from', 'to', 'q', 'meeting'];
const PAGE = 25;

export function mount(element, context) {
  context.stylesheet('meetings.css');
  const { api, params, user } = context;
  const mayFollowUp = atLeast(user, 'secretariat');
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params[name] ?? '']));
  let offset = 0;
  let selected = params.rid ?? null;
  let countries = new Map();
  let asked = 0;
  const meetingsRead = new Map(); // the meetings the timelines name, read once

  const controls = {
    topic: el('input', { id: 'tracker-topic', type: 'text', list: 'tracker-topics', autocomplete: 'off', value: filters.topic }),
    addressee: select('tracker-addressee', 'Any addressee', ADDRESSEES.map((a) => [a, a]), filters.addressee),
    status: select('tracker-status', 'Any status', choicesOf(STEP_STATUSES), filters.status),
    country: select('tracker-country', 'Any country', [], null),
    from: el('input', { id: 'tracker-from', type: 'date', value: filters.from }),
    to: el('input', { id: 'tracker-to', type: 'date', value: filters.to }),
    q: el('input', { id: 'tracker-q', type: 'search', value: filters.q, autocomplete: 'off' }),
  };
  const meetingFilter = el('p', { id: 'tracker-meeting-filter' });
  const form = el('form', { id: 'tracker-filters', class: 'card meetings-filters', role: 'search', 'aria-label': 'Filter the recommendations' },
    field('Topic', controls.topic), el('datalist', { id: 'tracker-topics' }, KNOWN_TOPICS.map((topic) => el('option', { value: topic }))),
    field('Addressee', controls.addressee), field('Status', controls.status), field('Country of origin', controls.country),
    field('Meetings from', controls.from), field('Meetings to', controls.to), field('Text', controls.q), meetingFilter,
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary', id: 'tracker-filter' }, 'Filter'),
      el('button', { type: 'button', id: 'tracker-clear', onclick: clear }, 'Clear')));
  const message = el('p', { class: 'muted', role: 'status', id: 'tracker-message' }, 'Loading…');
  const rows = el('tbody');
  const previous = el('button', { type: 'button', id: 'tracker-previous', onclick: () => page(-PAGE) }, 'Previous page');
  const next = el('button', { type: 'button', id: 'tracker-next', onclick: () => page(PAGE) }, 'Next page');
  const timeline = el('section', { id: 'tracker-timeline', class: 'card', 'aria-labelledby': 'tracker-timeline-heading', hidden: true });
  element.append(form, el('div', { class: 'meetings-tracker' },
    el('section', { 'aria-labelledby': 'tracker-results-heading', class: 'meetings-tracker-results' },
      el('h2', { id: 'tracker-results-heading' }, 'Recommendations'), message,
      el('div', { class: 'table-scroll' }, el('table', { id: 'tracker-table', class: 'table table-stacked' },
        el('thead', {}, el('tr', {}, ['Meeting', 'Recommendation', 'From', 'To', 'Status', 'Timeline'].map((name) => el('th', { scope: 'col' }, name)))),
        rows)),
      el('div', { class: 'toolbar', role: 'group', 'aria-label': 'Pages' }, previous, next)),
    timeline));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const name of FILTERS) if (controls[name]) filters[name] = controls[name].value.trim();
    offset = 0;
    load();
  });

  function clear() {
    for (const name of FILTERS) {
      filters[name] = '';
      if (controls[name]) controls[name].value = '';
    }
    offset = 0;
    load();
  }

  function page(by) {
    offset = Math.max(0, offset + by);
    load().then(() => rows.querySelector('button')?.focus());
  }

  async function load() {
    meetingFilter.replaceChildren(...(filters.meeting ? ['Only the recommendations of meeting ', meetingLink(filters.meeting, filters.meeting), ' ',
      el('button', { type: 'button', id: 'tracker-all-meetings', onclick: () => { filters.meeting = ''; offset = 0; load(); } }, 'Show every meeting’s')] : []));
    const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
    const question = ++asked;
    message.className = 'muted';
    message.textContent = 'Loading…';
    try {
      const answer = await api.get(`${RECOMMENDATIONS}?${query}`);
      if (question !== asked || context.signal.aborted) return;
      const { recommendations: items, total } = answer;
      rows.replaceChildren(...items.map(row));
      previous.disabled = offset === 0;
      next.disabled = offset + items.length >= total;
      message.textContent = items.length === 0 ? 'No recommendation matches the filters.'
        : `Recommendations ${offset + 1}–${offset + items.length} of ${total}, newest meeting first.`;
      markSelected();
    } catch (error) {
      if (question !== asked || context.signal.aborted) return;
      rows.replaceChildren();
      message.className = 'error';
      message.textContent = `The recommendations could not be loaded: ${problemText(error)}`;
    }
  }

  const row = (rec) => {
    const meeting = meetingOf(rec);
    return el('tr', { 'data-recommendation': rec.id },
      el('td', { 'data-label': 'Meeting' }, meeting.from ? datesElement(meeting) : null, meeting.from ? el('br') : null,
        meetingLink(meeting.id, meeting.theme ?? meeting.id)),
      el('td', { 'data-label': 'Recommendation' }, el('span', { class: 'meetings-label' }, `${rec.label}.`), ' ', rec.text,
        rec.topics?.length ? el('span', { class: 'meetings-meta' }, rec.topics.map((topic) => el('span', { class: 'meetings-topic' }, topic))) : null),
      el('td', { 'data-label': 'From' }, (rec.countries ?? []).map((code) => countries.get(code) ?? code).join(', ')),
      el('td', { 'data-label': 'To' }, (rec.addressees ?? []).join(', ')),
      el('td', { 'data-label': 'Status' }, badge('recommendation-status', rec.status, STEP_STATUSES[rec.status])),
      el('td', { 'data-label': 'Timeline' }, el('button', { type: 'button', 'data-action': 'timeline', 'data-recommendation-id': rec.id,
        'aria-label': `Timeline of recommendation ${rec.label}: ${rec.text.slice(0, 60)}`, onclick: () => show(rec.id) }, 'Timeline')));
  };

  function markSelected() {
    for (const tr of rows.querySelectorAll('tr')) {
      if (tr.dataset.recommendation === selected) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  }

  async function show(rid, { focus = true } = {}) {
    selected = rid;
    markSelected();
    timeline.hidden = false;
    timeline.replaceChildren(el('h2', { id: 'tracker-timeline-heading', tabindex: -1 }, 'Timeline'), el('p', { class: 'muted' }, 'Loading…'));
    try {
      const rec = await api.get(`${RECOMMENDATIONS}/${encodeURIComponent(rid)}`);
      if (selected !== rid || context.signal.aborted) return;
      const meeting = meetingOf(rec);
      meetingsRead.set(meeting.id, Promise.resolve(meeting));
      timeline.replaceChildren(...[
        el('h2', { id: 'tracker-timeline-heading', tabindex: -1 }, `Timeline of recommendation ${rec.label}`),
        el('p', { id: 'tracker-timeline-text' }, rec.text),
        el('p', { class: 'muted' }, 'Made at ', meetingLink(meeting.id, meeting.theme ?? meeting.id),
          (rec.countries ?? []).length ? `, from ${(rec.countries).map((code) => countries.get(code) ?? code).join(', ')}` : ''),
        el('ol', { class: 'meetings-timeline', id: 'tracker-steps' }, (rec.history ?? []).map((step) => el('li', { 'data-step': step.status },
          badge('recommendation-status', step.status, STEP_STATUSES[step.status]), ' ', el('time', { datetime: step.on }, dayText(step.on)),
          step.meeting ? [' at ', namedMeetingLink(api, step.meeting, meetingsRead)] : null,
          step.document ? [' in ', el('span', { class: 'meetings-document' }, step.document)] : null,
          step.note ? el('p', { class: 'muted' }, step.note) : null))),
        mayFollowUp ? await followUpForm(rec) : null,
      ].filter(Boolean));
      if (focus) timeline.querySelector('#tracker-timeline-heading').focus();
    } catch (error) {
      if (selected !== rid) return;
      timeline.replaceChildren(el('h2', { id: 'tracker-timeline-heading', tabindex: -1 }, 'Timeline'),
        el('p', { class: 'error' }, `The recommendation could not be loaded: ${problemText(error)}`));
    }
  }

  let meetingChoices = null;
  async function followUpForm(rec) {
    // The meetings a step may name, read once; without them a step can still name a document.
    meetingChoices ??= api.get(`${MEETINGS}?limit=1000`).then((meetings) => meetings.map((m) => [m.id, `${m.from}: ${m.theme}`]), () => {
      meetingChoices = null;
      return [];
    });
    const last = rec.history?.[rec.history.length - 1];
    const steps = {
      status: select('step-status', null, choicesOf(STEP_STATUSES), last?.status === 'proposed' ? 'adopted' : 'in-progress'),
      on: el('input', { id: 'step-on', type: 'date', value: last && last.on > today() ? last.on : today(), min: last?.on, required: true }),
      meeting: select('step-meeting', 'No meeting', await meetingChoices, null),
      document: el('input', { id: 'step-document', type: 'text', maxlength: 500 }),
      note: el('textarea', { id: 'step-note', rows: 2, maxlength: 2000 }),
    };
    const problem = el('p', { class: 'error', role: 'alert' });
    const form = el('form', { id: 'step-form', 'aria-labelledby': 'step-form-heading' },
      el('h3', { id: 'step-form-heading' }, 'Add a follow-up step'),
      field('Status', steps.status), field('On', steps.on, last ? `Not before ${dayText(last.on)}, the last step.` : null),
      field('At the meeting', steps.meeting), field('Or in the document', steps.document, 'A document’s title or reference, when no meeting says it.'),
      field('Note', steps.note), problem,
      el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary', id: 'step-add' }, 'Add step')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = (control) => control.value.trim() || null;
      try {
        await api.post(`${RECOMMENDATIONS}/${encodeURIComponent(rec.id)}/history`, { status: steps.status.value, on: steps.on.value,
          meeting: steps.meeting.value || null, document: text(steps.document), note: text(steps.note) });
        context.notify(`Recommendation ${rec.label} is now ${STEP_STATUSES[steps.status.value].toLowerCase()}.`);
        await show(rec.id);
        load();
      } catch (error) {
        showFieldProblem(form, steps, error, problem, 'Not added');
      }
    });
    return form;
  }

  (async () => {
    try {
      countries = await countryNames(api);
      controls.country.append(...[...countries].map(([code, name]) => el('option', { value: code }, name)));
      controls.country.value = filters.country;
    } catch (error) {
      message.textContent = `The countries could not be loaded: ${problemText(error)}`;
    }
    await load();
    if (selected) show(selected, { focus: false });
  })();
}

/** The meeting a recommendation was made at, from the tracker's fields: { id, theme, from, to, dateAccuracy }. */
function meetingOf(rec) {
  return { id: rec.meeting, theme: rec.meetingTheme, from: rec.meetingFrom, to: rec.meetingTo, dateAccuracy: rec.meetingDateAccuracy };
}
