// The membership directory: institutions and people, filtered by a name search, a country, a
// body, an institution and a day, with the filters kept in the view's address so that a
// filtered directory can be linked to. The REST API filters institutions by all of them and
// people by name, institution and day; people are narrowed to the shown institutions here.
import { BASE, el, field, institutionLink, personLink, problemText, select } from './common.js';

const FILTERS = ['q', 'country', 'body', 'institution', 'at'];

export function mount(element, context) {
  const { api, params } = context;
  const q = el('input', { id: 'directory-q', name: 'q', type: 'search', value: params.q ?? '' });
  const at = el('input', { id: 'directory-at', name: 'at', type: 'date', value: params.at ?? '' });
  const filters = el('form', { id: 'directory-filters', class: 'card', role: 'search', 'aria-label': 'Filter the directory' },
    field('Name', q), el('div', { class: 'form-row' }, el('p', { class: 'muted' }, 'Loading the filters…')), field('On the day', at),
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary' }, 'Filter'),
      el('button', { type: 'button', onclick: () => context.navigate('membership/directory') }, 'Clear')));
  const status = el('p', { class: 'muted', role: 'status', id: 'directory-status' }, 'Loading…');
  const institutionRows = el('tbody');
  const peopleRows = el('tbody');
  element.append(filters, status,
    el('section', { 'aria-labelledby': 'directory-institutions-heading' },
      el('h2', { id: 'directory-institutions-heading' }, 'Institutions'),
      el('div', { class: 'table-scroll' }, el('table', { id: 'directory-institutions', class: 'table table-stacked' },
        el('thead', {}, el('tr', {}, ['Name', 'Country', 'Parent organisation'].map((name) => el('th', { scope: 'col' }, name)))),
        institutionRows))),
    el('section', { 'aria-labelledby': 'directory-people-heading' },
      el('h2', { id: 'directory-people-heading' }, 'People'),
      el('div', { class: 'table-scroll' }, el('table', { id: 'directory-people', class: 'table table-stacked' },
        el('thead', {}, el('tr', {}, ['Name', 'Position', 'Institution'].map((name) => el('th', { scope: 'col' }, name)))),
        peopleRows))));

  const choices = {};
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = { q: q.value.trim(), at: at.value };
    for (const name of ['country', 'body', 'institution']) chosen[name] = choices[name]?.value ?? '';
    context.navigate('membership/directory', Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== '')));
  });

  const query = (names, extra = {}) => {
    const search = new URLSearchParams(extra);
    for (const name of names) if (params[name]) search.set(name, params[name]);
    return search.size === 0 ? '' : `?${search}`;
  };

  const load = async () => {
    const [countries, bodies, allInstitutions] = await Promise.all([
      api.get(`${BASE}/countries`), api.get(`${BASE}/bodies`), api.get(`${BASE}/institutions`)]);
    choices.country = select('directory-country', 'Any country', countries.map((c) => [c.code, c.shortName]), params.country);
    choices.body = select('directory-body', 'Any body', bodies.map((b) => [b.id, b.acronym ? `${b.acronym}: ${b.name}` : b.name]), params.body);
    choices.institution = select('directory-institution', 'Any institution',
      allInstitutions.map((i) => [i.id, i.acronym ? `${i.name} (${i.acronym})` : i.name]), params.institution);
    filters.children[1].replaceWith(field('Country', choices.country), field('Body', choices.body), field('Institution', choices.institution));

    const countryNames = new Map(countries.map((c) => [c.code, c.shortName]));
    const [institutions, people] = await Promise.all([
      api.get(`${BASE}/institutions${query(['q', 'country', 'body', 'at'])}`),
      api.get(`${BASE}/people${query(['q', 'institution', 'at'], { limit: '1000' })}`)]);
    const names = new Map(allInstitutions.map((i) => [i.id, i.name]));
    const shown = params.institution ? institutions.filter((i) => i.id === params.institution) : institutions;
    // A name search matches institutions and people separately; the place filters narrow people to their institutions.
    const placeFilter = params.country || params.body;
    const placeIds = placeFilter ? new Set((await api.get(`${BASE}/institutions${query(['country', 'body', 'at'])}`)).map((i) => i.id)) : null;
    const shownPeople = placeIds ? people.filter((p) => p.affiliation && placeIds.has(p.affiliation.institution)) : people;

    institutionRows.replaceChildren(...shown.map((i) => el('tr', { 'data-institution-row': i.id },
      el('td', { 'data-label': 'Name' }, institutionLink(i.id, i.acronym ? `${i.name} (${i.acronym})` : i.name)),
      el('td', { 'data-label': 'Country', 'data-country': i.country }, countryNames.get(i.country) ?? i.country),
      el('td', { 'data-label': 'Parent organisation' }, i.parentOrganisation ?? ''))));
    peopleRows.replaceChildren(...shownPeople.map((p) => el('tr', { 'data-person-row': p.id },
      el('td', { 'data-label': 'Name' }, personLink(p.id, [p.honorific, p.rank, p.name].filter(Boolean).join(' '))),
      el('td', { 'data-label': 'Position' }, p.affiliation?.position ?? el('span', { class: 'muted' }, 'no affiliation')),
      el('td', { 'data-label': 'Institution' }, p.affiliation
        ? institutionLink(p.affiliation.institution, names.get(p.affiliation.institution) ?? p.affiliation.institution) : ''))));
    const filtered = FILTERS.some((name) => params[name]);
    status.textContent = `${shown.length} ${shown.length === 1 ? 'institution' : 'institutions'} and ${shownPeople.length} `
      + `${shownPeople.length === 1 ? 'person' : 'people'}${filtered ? ' match the filters' : ''}${params.at ? `, as on ${params.at}` : ''}.`;
  };
  load().catch((error) => {
    if (context.signal?.aborted) return;
    status.className = 'error';
    status.textContent = `The directory could not be loaded: ${problemText(error)}`;
  });
}
