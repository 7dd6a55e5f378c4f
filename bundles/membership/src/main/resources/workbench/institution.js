// An institution's page (#/membership/institution?id=…): its names over time, its country and
// parent organisation, its memberships of bodies over time, and the people affiliated today.
import { BASE, el, period, personLink, problemText, today } from './common.js';

export function mount(element, context) {
  const { api, params } = context;
  const status = el('p', { class: 'muted', role: 'status', id: 'institution-status' }, 'Loading…');
  element.append(status);
  if (!params.id) {
    status.replaceChildren('Choose an institution in the ', el('a', { href: '#/membership/directory' }, 'Directory'), '.');
    return;
  }
  const id = encodeURIComponent(params.id);

  const load = async () => {
    const [institution, memberships, people, bodies] = await Promise.all([
      api.get(`${BASE}/institutions/${id}`), api.get(`${BASE}/memberships?institution=${id}`),
      api.get(`${BASE}/people?institution=${id}&at=${today()}&limit=1000`), api.get(`${BASE}/bodies`)]);
    const country = await api.get(`${BASE}/countries/${encodeURIComponent(institution.country)}`);
    const bodyNames = new Map(bodies.map((b) => [b.id, b.acronym || b.name]));
    status.remove();
    element.append(
      el('section', { class: 'card', 'aria-labelledby': 'institution-heading', 'data-institution-page': institution.id },
        el('h2', { id: 'institution-heading' }, institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name),
        el('dl', {},
          el('dt', {}, 'Country'), el('dd', { id: 'institution-country' }, `${country.shortName} (${country.formalName})`),
          el('dt', {}, 'Parent organisation'), el('dd', { id: 'institution-parent' }, institution.parentOrganisation ?? 'none'))),
      el('section', { 'aria-labelledby': 'institution-names-heading' },
        el('h2', { id: 'institution-names-heading' }, 'Names over time'),
        table('institution-names', ['Name', 'Acronym', 'Period'], institution.names.map((name) => [name.name, name.acronym ?? '', period(name)]))),
      el('section', { 'aria-labelledby': 'institution-memberships-heading' },
        el('h2', { id: 'institution-memberships-heading' }, 'Memberships over time'),
        memberships.length === 0 ? el('p', { class: 'muted' }, 'No memberships.')
          : table('institution-memberships', ['Body', 'Role', 'Period'],
            memberships.map((m) => [bodyNames.get(m.body) ?? m.body, m.role, period(m)]))),
      el('section', { 'aria-labelledby': 'institution-people-heading' },
        el('h2', { id: 'institution-people-heading' }, 'People today'),
        people.length === 0 ? el('p', { class: 'muted' }, 'Nobody is affiliated today.')
          : table('institution-people', ['Name', 'Position'],
            people.map((p) => [personLink(p.id, [p.honorific, p.rank, p.name].filter(Boolean).join(' ')), p.affiliation?.position ?? '']))));
  };
  load().catch((error) => {
    if (context.signal?.aborted) return;
    status.className = 'error';
    status.textContent = `Institution '${params.id}' could not be loaded: ${problemText(error)}`;
  });
}

function table(id, headings, rows) {
  return el('div', { class: 'table-scroll' }, el('table', { id, class: 'table table-stacked' },
    el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell, index) => el('td', { 'data-label': headings[index] }, cell)))))));
}
