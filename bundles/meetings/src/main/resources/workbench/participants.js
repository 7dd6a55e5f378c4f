// A meeting's participants by delegation (#/meetings/participants?id=…), as in the report's
// Annex I: grouped by country, then institution, each person with their role, rank and position
// on the meeting's first day. The secretariat adds a participant (country, then institution, then
// a person found by name in the membership directory) and removes one.
import {
  MEMBERSHIP, PARTICIPANT_ROLES, atLeast, choicesOf, countryNames, datesText, el, field, meetingLink,
  personName, problemText, select, showFieldProblem,
} from './common.js';
import { meetingDocument, meetingView } from './editing.js';

const ROLE_ORDER = Object.keys(PARTICIPANT_ROLES);
const PAUSE = 300;

export function mount(element, context) {
  const view = meetingView(element, context, 'participants');
  if (!view) return;
  const { api, params, user } = context;
  const { address, problem } = view;
  const mayEdit = atLeast(user, 'secretariat');
  const intro = el('p', { id: 'participants-meeting' });
  const groups = el('div', { id: 'participants-groups' });
  let countries = new Map();
  let institutions = [];
  const doc = meetingDocument({ api, address, root: element, render, problem, notify: context.notify });

  function render() {
    const m = doc.meeting;
    intro.replaceChildren(meetingLink(m.id, m.theme), `, ${datesText(m)}. Positions as on ${datesText({ from: m.from, dateAccuracy: 'day' })}.`);
    const byCountry = groupBy(m.participants, (p) => p.country);
    const sorted = [...byCountry].sort(([a], [b]) => (countries.get(a) ?? a).localeCompare(countries.get(b) ?? b));
    groups.replaceChildren(...(sorted.length === 0 ? [el('p', { class: 'muted' }, 'No participants are recorded yet.')]
      : sorted.map(([code, people]) => delegation(code, people))));
  }

  function delegation(code, people) {
    const headingId = `delegation-${code}-heading`;
    const byInstitution = groupBy(people, (p) => p.institution ?? '');
    return el('section', { class: 'card meetings-delegation', 'data-delegation': code, 'aria-labelledby': headingId },
      el('h2', { id: headingId, tabindex: -1 }, `${countries.get(code) ?? code} `, el('span', { class: 'muted' }, `(${people.length})`)),
      [...byInstitution].map(([institution, members]) => el('div', { 'data-institution-group': institution },
        el('h3', {}, members[0].institutionName ?? (institution || 'No institution named')),
        el('div', { class: 'table-scroll' }, el('table', { class: 'table table-stacked' },
          el('thead', {}, el('tr', {}, ['Role', 'Name', 'Position'].map((name) => el('th', { scope: 'col' }, name)),
            mayEdit ? el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')) : null)),
          el('tbody', {}, members.sort(byRoleThenName).map(row)))))));
  }

  const row = (p) => el('tr', { 'data-participant': p.id, 'data-person': p.person },
    el('td', { 'data-label': 'Role' }, PARTICIPANT_ROLES[p.role] ?? p.role),
    el('td', { 'data-label': 'Name', class: 'participant-name' }, p.person ? personName(p) : el('span', { class: 'muted' }, 'not named')),
    el('td', { 'data-label': 'Position', class: 'participant-position' }, p.position ?? ''),
    mayEdit ? el('td', { 'data-label': 'Actions' }, el('button', { type: 'button', 'data-action': 'remove-participant', 'data-participant-id': p.id,
      'aria-label': `Remove ${p.person ? p.name : 'this participant'}`, onclick: () => remove(p) }, 'Remove')) : null);

  async function remove(p) {
    const who = p.person ? p.name : `the participant of ${countries.get(p.country) ?? p.country}`;
    const sure = await context.confirm({ title: 'Remove participant', message: `Remove ${who} from the meeting?`, confirmLabel: 'Remove', danger: true });
    if (!sure) return;
    try {
      await doc.change('DELETE', `/participants/${p.id}`, undefined, { what: 'the participants',
        focus: `#delegation-${p.country}-heading`, done: `${who} was removed.` });
    } catch (error) {
      problem.textContent = `Not removed: ${problemText(error)}`;
      problem.focus();
    }
  }

  /** The form that adds a participant: country, institution, person (searched by name), role. */
  function addForm(meeting) {
    const controls = {
      country: select('participant-country', 'Choose a country…', [...countries], null),
      institution: select('participant-institution', 'None named', [], null),
      person: select('participant-person', 'Nobody named (the delegation only)', [], null),
      role: select('participant-role', null, choicesOf(PARTICIPANT_ROLES), 'delegate'),
    };
    const search = el('input', { id: 'participant-search', type: 'search', autocomplete: 'off' });
    const found = el('p', { class: 'muted', role: 'status', id: 'participant-found' });
    const formProblem = el('p', { class: 'error', role: 'alert' });
    const form = el('form', { id: 'participant-form', class: 'card', 'aria-labelledby': 'participant-form-heading' },
      el('h2', { id: 'participant-form-heading' }, 'Add a participant'),
      field('Country', controls.country), field('Institution', controls.institution),
      field('Find a person by name', search, 'People of the chosen institution on the meeting’s first day, or anyone in the directory.'),
      found, field('Person', controls.person), field('Role', controls.role), formProblem,
      el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary', id: 'participant-add' }, 'Add participant')));

    controls.country.addEventListener('change', () => {
      controls.institution.replaceChildren(el('option', { value: '' }, 'None named'), ...institutions
        .filter((i) => i.country === controls.country.value).map((i) => el('option', { value: i.id }, i.acronym ? `${i.name} (${i.acronym})` : i.name)));
      findPeople();
    });
    controls.institution.addEventListener('change', findPeople);
    let pause = null;
    search.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(findPeople, PAUSE);
    });
    let asked = 0;
    async function findPeople() {
      const query = new URLSearchParams({ limit: '50' });
      if (search.value.trim()) query.set('q', search.value.trim());
      if (controls.institution.value) {
        query.set('institution', controls.institution.value);
        query.set('at', meeting.from);
      } else if (!search.value.trim()) {
        controls.person.replaceChildren(el('option', { value: '' }, 'Nobody named (the delegation only)'));
        found.textContent = 'Choose an institution or type a name to find people.';
        return;
      }
      const question = ++asked;
      try {
        const people = await api.get(`${MEMBERSHIP}/people?${query}`);
        if (question !== asked) return;
        controls.person.replaceChildren(el('option', { value: '' }, 'Nobody named (the delegation only)'),
          ...people.map((p) => el('option', { value: p.id, 'data-institution': p.affiliation?.institution ?? '' },
            `${personName(p)}${p.affiliation ? `, ${p.affiliation.position}` : ''}`)));
        if (people.length > 0) controls.person.value = people[0].id;
        found.textContent = `${people.length === 0 ? 'Nobody' : people.length} ${people.length === 1 ? 'person' : 'people'} found.`;
      } catch (error) {
        if (question === asked) found.textContent = `People could not be searched: ${problemText(error)}`;
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const sent = { country: controls.country.value || null, institution: controls.institution.value || null,
        person: controls.person.value || null, role: controls.role.value };
      // A person found by name alone brings their institution of the meeting's day.
      if (!sent.institution && sent.person) sent.institution = controls.person.selectedOptions[0]?.dataset.institution || null;
      sent.country ??= institutions.find((i) => i.id === sent.institution)?.country ?? null;
      try {
        const added = await doc.change('POST', '/participants', sent, { what: 'the participants',
          focus: `#delegation-${sent.country}-heading`, done: `Added to the delegation of ${countries.get(sent.country) ?? sent.country}.` });
        if (added) form.replaceWith(addForm(doc.meeting));
      } catch (error) {
        showFieldProblem(form, controls, error, formProblem, 'Not added');
      }
    });
    return form;
  }

  const load = async () => {
    [countries, institutions] = await Promise.all([countryNames(api), mayEdit ? api.get(`${MEMBERSHIP}/institutions?limit=1000`) : []]);
    view.loaded();
    element.append(intro, problem, groups);
    await doc.reload();
    if (mayEdit) element.append(addForm(doc.meeting));
  };
  load().catch((error) => view.fail(error, `The participants of '${params.id}'`));
}

function groupBy(list, key) {
  const groups = new Map();
  for (const item of list) {
    const value = key(item);
    if (!groups.has(value)) groups.set(value, []);
    groups.get(value).push(item);
  }
  return groups;
}

function byRoleThenName(a, b) {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.name ?? '').localeCompare(b.name ?? '');
}
