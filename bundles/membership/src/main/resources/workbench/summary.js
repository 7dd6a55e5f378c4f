// The home view's Membership card: how many countries, institutions and people the directory
// holds, and who co-chairs each Experts' Working Group today.
import { BASE, el, problemText } from './common.js';

// The list routes answer at most this many records.
const LIMIT = 1000;

// mount resolves once the card is filled, so that the home view counts as rendered only then.
export async function mount(element, context) {
  const { api } = context;
  element.append(el('p', { class: 'muted' }, 'Loading…'));
  let answers;
  try {
    answers = await Promise.all([api.get(`${BASE}/countries`), api.get(`${BASE}/institutions?limit=${LIMIT}`),
      api.get(`${BASE}/people?limit=${LIMIT}`), api.get(`${BASE}/cochairs`), api.get(`${BASE}/bodies`)]);
  } catch (error) {
    if (!context.signal?.aborted) element.replaceChildren(el('p', { class: 'error' }, `The directory could not be read: ${problemText(error)}`));
    return;
  }
  const [countries, institutions, people, cochairs, bodies] = answers;
  const count = (list) => (list.length >= LIMIT ? `${LIMIT}+` : String(list.length));
  const countryNames = new Map(countries.map((c) => [c.code, c.shortName]));
  const bodyNames = new Map(bodies.map((b) => [b.id, b.name]));
  element.replaceChildren(
    el('dl', { id: 'membership-counts' },
      el('div', {}, el('dt', {}, 'Countries'), el('dd', { 'data-count': 'countries' }, count(countries))),
      el('div', {}, el('dt', {}, 'Institutions'), el('dd', { 'data-count': 'institutions' }, count(institutions))),
      el('div', {}, el('dt', {}, 'People'), el('dd', { 'data-count': 'people' }, count(people)))),
    el('p', {}, 'EWG co-chairs today:'),
    cochairs.length === 0 ? el('p', { class: 'muted', id: 'membership-cochairs' }, 'None recorded.')
      : el('ul', { id: 'membership-cochairs' }, cochairs.map((cycle) => el('li', { 'data-cochair': cycle.body },
        `${bodyNames.get(cycle.body) ?? cycle.body}: ${countryNames.get(cycle.aseanCountry) ?? cycle.aseanCountry} and `
        + `${countryNames.get(cycle.plusCountry) ?? cycle.plusCountry} (until ${cycle.to ?? 'further notice'})`))),
    el('p', {}, el('a', { href: '#/membership/directory' }, 'Open the directory')));
}
