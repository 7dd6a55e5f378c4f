// The meetings list (#/meetings/list): Upcoming and Past tabs, a search that runs as the reader
// types (after a pause), and filters by body and status. Each row links to the meeting's editor.
// The secretariat (and administrators) create a meeting's header in a dialog; the "New meeting"
// command opens this view with new=true, which opens the dialog at once.
import {
  MEETINGS, MEETING_KINDS, MEETING_STATUSES, MEMBERSHIP, MODES, atLeast, badge, choicesOf, countryNames, datesElement,
  el, field, meetingLink, modalForm, problemText, select, showFieldProblem, today,
} from './common.js';
import { headerFields } from './header.js';

const TABS = [['upcoming', 'Upcoming'], ['past', 'Past']];
const LIMIT = 200;
const PAUSE = 300;

export function mount(element, context) {
  context.stylesheet('meetings.css');
  const { api, params, user } = context;
  const mayCreate = atLeast(user, 'secretariat');
  const state = { when: params.when === 'past' ? 'past' : 'upcoming', q: params.q ?? '', body: params.body ?? '', status: params.status ?? '' };
  let countries = new Map();
  let bodies = [];
  let asked = 0; // only the answer to the latest question is shown

  const tabs = TABS.map(([value, label]) => el('button', {
    type: 'button', role: 'tab', id: `meetings-tab-${value}`, 'data-when': value, 'aria-controls': 'meetings-panel',
    onclick: () => choose(value), onkeydown: (event) => moveBetweenTabs(event, value),
  }, label));
  const q = el('input', { id: 'meetings-q', type: 'search', value: state.q, autocomplete: 'off' });
  const bodyRow = el('p', { class: 'muted' }, 'Loading the bodies…');
  const status = select('meetings-status', 'Any status', choicesOf(MEETING_STATUSES), state.status);
  const filters = el('form', { id: 'meetings-filters', class: 'card meetings-filters', role: 'search', 'aria-label': 'Find meetings' },
    field('Search', q, 'In the theme, the city and the host country.'), bodyRow, field('Status', status));
  const message = el('p', { class: 'muted', role: 'status', id: 'meetings-message' }, 'Loading…');
  const rows = el('tbody');
  const panel = el('div', { id: 'meetings-panel', role: 'tabpanel' }, message,
    el('div', { class: 'table-scroll' }, el('table', { id: 'meetings-table', class: 'table table-stacked' },
      el('thead', {}, el('tr', {}, ['Dates', 'Theme', 'Kind', 'Host', 'Mode', 'Status'].map((name) => el('th', { scope: 'col' }, name)))),
      rows)));
  if (mayCreate) {
    element.append(el('div', { class: 'toolbar' },
      el('button', { type: 'button', id: 'meetings-new', class: 'button-primary', onclick: () => newMeeting() }, 'New meeting')));
  }
  element.append(filters, el('div', { role: 'tablist', class: 'meetings-tabs', 'aria-label': 'Upcoming or past meetings' }, tabs), panel);

  let pause = null;
  q.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => { state.q = q.value.trim(); load(); }, PAUSE);
  });
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pause);
    state.q = q.value.trim();
    load();
  });
  status.addEventListener('change', () => { state.status = status.value; load(); });

  function choose(when) {
    state.when = when;
    load();
  }

  /** Left and Right (and Home, End) move between the tabs and choose, as the ARIA tabs pattern has it. */
  function moveBetweenTabs(event, when) {
    const index = TABS.findIndex(([value]) => value === when);
    const next = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + TABS.length) % TABS.length];
    target.focus();
    choose(target.dataset.when);
  }

  async function load() {
    for (const tab of tabs) {
      const selected = tab.dataset.when === state.when;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `meetings-tab-${state.when}`);
    const query = new URLSearchParams({ when: state.when, limit: String(LIMIT) });
    for (const name of ['q', 'body', 'status']) if (state[name]) query.set(name, state[name]);
    const question = ++asked;
    message.className = 'muted';
    message.textContent = 'Loading…';
    try {
      const meetings = await api.get(`${MEETINGS}?${query}`);
      if (question !== asked || context.signal.aborted) return;
      rows.replaceChildren(...meetings.map(row));
      const filtered = state.q || state.body || state.status;
      const one = meetings.length === 1;
      message.textContent = meetings.length === 0
        ? `No ${state.when} meetings${filtered ? ' match the search' : ''}.`
        : `${meetings.length >= LIMIT ? `The first ${LIMIT}` : meetings.length} ${state.when} ${one ? 'meeting' : 'meetings'}`
          + `${filtered ? ` ${one ? 'matches' : 'match'} the search` : ''}, ${state.when === 'past' ? 'latest' : 'soonest'} first.`;
    } catch (error) {
      if (question !== asked || context.signal.aborted) return;
      rows.replaceChildren();
      message.className = 'error';
      message.textContent = `The meetings could not be loaded: ${problemText(error)}`;
    }
  }

  const row = (meeting) => el('tr', { 'data-meeting': meeting.id },
    el('td', { 'data-label': 'Dates', class: 'meetings-dates' }, datesElement(meeting)),
    el('td', { 'data-label': 'Theme' }, meetingLink(meeting.id, meeting.theme)),
    el('td', { 'data-label': 'Kind' }, MEETING_KINDS[meeting.kind] ?? meeting.kind),
    el('td', { 'data-label': 'Host', 'data-country': meeting.hostCountry },
      [meeting.city, countries.get(meeting.hostCountry) ?? meeting.hostCountry].filter(Boolean).join(', ')),
    el('td', { 'data-label': 'Mode' }, MODES[meeting.mode] ?? meeting.mode),
    el('td', { 'data-label': 'Status' }, badge('status', meeting.status, MEETING_STATUSES[meeting.status])));

  function newMeeting() {
    const fields = headerFields({ body: bodies.some((b) => b.id === 'nadi') ? 'nadi' : bodies[0]?.id, kind: 'meeting', mode: 'physical',
      status: 'planned', dateAccuracy: 'day', from: today() }, { bodies, countries: [...countries].map(([code, shortName]) => ({ code, shortName })) },
    'new-meeting');
    const problem = el('p', { class: 'error', role: 'alert', id: 'new-meeting-problem' });
    modalForm({
      container: element, id: 'new-meeting', title: 'New meeting', submitLabel: 'Create', body: [...fields.rows, problem],
      async onsubmit(close) {
        try {
          const answer = await api.request('POST', MEETINGS, { body: fields.read() });
          close();
          context.notify(`The meeting "${answer.body.theme}" was created.`);
          context.navigate('meetings/meeting', { id: answer.body.id });
        } catch (error) {
          showFieldProblem(problem.parentElement, fields.controls, error, problem, 'Not created');
        }
      },
    });
  }

  (async () => {
    try {
      const [names, allBodies] = await Promise.all([countryNames(api), api.get(`${MEMBERSHIP}/bodies`)]);
      countries = names;
      bodies = allBodies;
      const body = select('meetings-body', 'Any body', bodies.map((b) => [b.id, b.acronym || b.name]), state.body);
      body.addEventListener('change', () => { state.body = body.value; load(); });
      bodyRow.replaceWith(field('Body', body));
    } catch (error) {
      bodyRow.className = 'error';
      bodyRow.textContent = `The bodies and countries could not be loaded: ${problemText(error)}`;
    }
    await load();
    if (mayCreate && params.new === 'true' && !context.signal.aborted) newMeeting();
  })();
  return () => clearTimeout(pause);
}
