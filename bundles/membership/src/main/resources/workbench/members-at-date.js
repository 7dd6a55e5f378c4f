// "Who belonged on this day": a body's member institutions with their name as of the day, and
// the countries in each grouping (ASEAN member states, observers, ADMM-Plus partners) that day.
import { BASE, el, field, institutionLink, problemText, select, today } from './common.js';

const GROUPINGS = [
  ['asean-member', 'ASEAN member states'],
  ['asean-observer', 'ASEAN observers'],
  ['admm-plus-partner', 'ADMM-Plus dialogue partners'],
];

export function mount(element, context) {
  const { api, params } = context;
  const day = params.at || today();
  const at = el('input', { id: 'members-at', name: 'at', type: 'date', value: day, required: true });
  const bodyRow = el('p', { class: 'muted' }, 'Loading the bodies…');
  const form = el('form', { id: 'members-form', class: 'card', 'aria-label': 'Body and day' }, bodyRow, field('On the day', at),
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary' }, 'Show')));
  const status = el('p', { class: 'muted', role: 'status', id: 'members-status' }, 'Loading…');
  const results = el('div', { id: 'members-results' });
  element.append(form, status, results);
  let body = null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate('membership/members-at-date', { body: body?.value ?? '', at: at.value });
  });

  const load = async () => {
    const bodies = await api.get(`${BASE}/bodies`);
    body = select('members-body', 'No body', bodies.map((b) => [b.id, b.acronym ? `${b.acronym}: ${b.name}` : b.name]),
      params.body ?? (bodies.some((b) => b.id === 'nadi') ? 'nadi' : ''));
    bodyRow.replaceWith(field('Body', body));
    const sections = [];
    if (body.value) {
      const chosen = bodies.find((b) => b.id === body.value);
      const [memberships, institutions] = await Promise.all([
        api.get(`${BASE}/memberships?body=${encodeURIComponent(body.value)}&at=${day}`),
        api.get(`${BASE}/institutions?body=${encodeURIComponent(body.value)}&at=${day}`)]);
      const byId = new Map(institutions.map((i) => [i.id, i]));
      const rows = memberships.map((m) => ({ membership: m, institution: byId.get(m.institution) }))
        .sort((a, b) => (a.institution?.name ?? a.membership.institution).localeCompare(b.institution?.name ?? b.membership.institution));
      sections.push(el('section', { 'aria-labelledby': 'members-body-heading', 'data-members': 'body' },
        el('h2', { id: 'members-body-heading' }, `Members of ${chosen?.acronym || chosen?.name || body.value} on ${day}: `,
          el('span', { id: 'members-body-count' }, String(rows.length))),
        el('div', { class: 'table-scroll' }, el('table', { id: 'members-body-table', class: 'table table-stacked' },
          el('thead', {}, el('tr', {}, ['Institution (name that day)', 'Country', 'Role', 'Since'].map((name) => el('th', { scope: 'col' }, name)))),
          el('tbody', {}, rows.map(({ membership, institution }) => el('tr', { 'data-member': membership.institution },
            el('td', { 'data-label': 'Institution' }, institutionLink(membership.institution,
              institution ? (institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name) : membership.institution)),
            el('td', { 'data-label': 'Country' }, institution?.country ?? ''),
            el('td', { 'data-label': 'Role' }, membership.role),
            el('td', { 'data-label': 'Since' }, membership.from ?? el('span', { class: 'muted' }, 'before the records')))))))));
    }
    const groupings = await Promise.all(GROUPINGS.map(([id]) => api.get(`${BASE}/countries?grouping=${id}&at=${day}`)));
    GROUPINGS.forEach(([id, title], index) => {
      const countries = groupings[index];
      sections.push(el('section', { 'aria-labelledby': `members-${id}-heading`, 'data-grouping': id },
        el('h2', { id: `members-${id}-heading` }, `${title} on ${day}: `, el('span', { id: `members-${id}-count` }, String(countries.length))),
        countries.length === 0 ? el('p', { class: 'muted' }, 'None.')
          : el('ul', {}, countries.map((c) => el('li', { 'data-country': c.code }, `${c.shortName} (${c.code})`)))));
    });
    results.replaceChildren(...sections);
    status.textContent = `As on ${day}.`;
  };
  load().catch((error) => {
    if (context.signal?.aborted) return;
    status.className = 'error';
    status.textContent = `The members could not be loaded: ${problemText(error)}`;
  });
}
