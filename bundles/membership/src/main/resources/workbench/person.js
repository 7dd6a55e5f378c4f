// A person's page (#/membership/person?id=…): honorific, rank, name, pronoun, and their
// affiliations over time with each institution's name as it was then. The secretariat and
// administrators (and a delegate, for the people currently at their own institution: the
// server checks it too) edit the basic fields and add an affiliation. A save sends the ETag
// read with the record (If-Match); a problem is shown next to the field it names.
import { BASE, atLeast, el, field, institutionLink, nameOn, period, problemText, select, today } from './common.js';

const PRONOUNS = ['he', 'she', 'they'];
const BASIC = ['honorific', 'rank', 'name', 'pronoun'];

export function mount(element, context) {
  const { api, params, user } = context;
  const status = el('p', { class: 'muted', role: 'status', id: 'person-status' }, 'Loading…');
  element.append(status);
  if (!params.id) {
    status.replaceChildren('Choose a person in the ', el('a', { href: '#/membership/directory' }, 'Directory'), '.');
    return;
  }
  const address = `${BASE}/people/${encodeURIComponent(params.id)}`;
  const details = el('div', { id: 'person-details' });
  element.append(details);
  let institutions = [];

  const mayEdit = (person) => {
    if (atLeast(user, 'secretariat')) return true;
    const current = person.affiliations.find((a) => (a.from == null || a.from <= today()) && (a.to == null || today() <= a.to));
    return user.role === 'delegate' && user.institution != null && current?.institution === user.institution;
  };

  const render = (person, etag) => {
    const byId = new Map(institutions.map((i) => [i.id, i]));
    // The institution's name on the first day of the affiliation (or its last, or today, when open).
    const nameThen = (a) => {
      const institution = byId.get(a.institution);
      return institution ? nameOn(institution, a.from ?? a.to ?? today()) : a.institution;
    };
    details.replaceChildren(
      el('section', { class: 'card', 'aria-labelledby': 'person-heading', 'data-person-page': person.id },
        el('h2', { id: 'person-heading' }, [person.honorific, person.rank, person.name].filter(Boolean).join(' ')),
        el('dl', {},
          el('dt', {}, 'Honorific'), el('dd', { id: 'person-honorific-value' }, person.honorific ?? '—'),
          el('dt', {}, 'Rank'), el('dd', { id: 'person-rank-value' }, person.rank ?? '—'),
          el('dt', {}, 'Name'), el('dd', { id: 'person-name-value' }, person.name),
          el('dt', {}, 'Pronoun'), el('dd', { id: 'person-pronoun-value' }, person.pronoun))),
      el('section', { 'aria-labelledby': 'person-affiliations-heading' },
        el('h2', { id: 'person-affiliations-heading' }, 'Affiliations over time'),
        person.affiliations.length === 0 ? el('p', { class: 'muted' }, 'No affiliations.')
          : el('div', { class: 'table-scroll' }, el('table', { id: 'person-affiliations', class: 'table table-stacked' },
            el('thead', {}, el('tr', {}, ['Position', 'Institution (name then)', 'Period'].map((name) => el('th', { scope: 'col' }, name)))),
            el('tbody', {}, person.affiliations.map((a) => el('tr', { 'data-affiliation': a.institution },
              el('td', { 'data-label': 'Position', class: 'affiliation-position' }, a.position),
              el('td', { 'data-label': 'Institution' }, institutionLink(a.institution, nameThen(a))),
              el('td', { 'data-label': 'Period' }, period(a)))))))),
      mayEdit(person) ? editForm(person, etag) : null);
  };

  function editForm(person, etag) {
    const controls = {
      honorific: el('input', { id: 'person-honorific', type: 'text', maxlength: 100 }),
      rank: el('input', { id: 'person-rank', type: 'text', maxlength: 100 }),
      name: el('input', { id: 'person-name', type: 'text', maxlength: 200, required: true }),
      pronoun: select('person-pronoun', 'Choose…', PRONOUNS.map((p) => [p, p]), person.pronoun),
    };
    for (const name of ['honorific', 'rank', 'name']) controls[name].value = person[name] ?? '';
    const added = {
      institution: select('person-new-institution', 'Choose an institution…',
        institutions.map((i) => [i.id, i.acronym ? `${i.name} (${i.acronym})` : i.name])),
      position: el('input', { id: 'person-new-position', type: 'text', maxlength: 300 }),
      from: el('input', { id: 'person-new-from', type: 'date' }),
      to: el('input', { id: 'person-new-to', type: 'date' }),
    };
    const problem = el('p', { class: 'error', role: 'alert', id: 'person-problem' });
    const save = el('button', { type: 'submit', class: 'button-primary', id: 'person-save' }, 'Save');
    const form = el('form', { id: 'person-form', class: 'card', 'aria-labelledby': 'person-form-heading' },
      el('h2', { id: 'person-form-heading' }, 'Edit'),
      field('Honorific', controls.honorific), field('Rank', controls.rank), field('Name', controls.name), field('Pronoun', controls.pronoun),
      el('fieldset', {}, el('legend', {}, 'Add an affiliation (leave empty to add none)'),
        field('Institution', added.institution), field('Position', added.position), field('From', added.from), field('To', added.to)),
      problem,
      el('div', { class: 'toolbar' }, save));

    const clearProblems = () => {
      problem.replaceChildren();
      for (const node of form.querySelectorAll('[data-field-problem]')) node.replaceChildren();
    };
    /** Shows the problem under the field it names, or above the buttons when it names none shown here. */
    const showProblem = (error) => {
      const named = error?.body?.field;
      const newIndex = person.affiliations.length;
      let control = null;
      if (BASIC.includes(named)) control = controls[named];
      const match = /^affiliations\[(\d+)]\.(\w+)$/.exec(named ?? '');
      if (match && Number(match[1]) === newIndex) control = added[match[2]] ?? null;
      const text = `${error?.status === 409 ? 'Not saved, a conflict' : 'Not saved'}: ${problemText(error)}`;
      const place = control && form.querySelector(`[data-field-problem="${control.id}"]`);
      if (place) {
        place.textContent = text;
        control.setAttribute('aria-invalid', 'true');
        control.focus();
      } else {
        problem.textContent = text;
        const existing = error?.body?.existingId;
        if (existing) problem.append(' See ', el('a', { href: `#/membership/person?id=${encodeURIComponent(existing)}` }, 'the existing person'), '.');
      }
    };

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblems();
      const affiliations = [...person.affiliations];
      const adding = added.institution.value || added.position.value.trim() || added.from.value || added.to.value;
      if (adding) {
        affiliations.push({ institution: added.institution.value || null, position: added.position.value.trim() || null,
          from: added.from.value || null, to: added.to.value || null });
      }
      const empty = (value) => (value.trim() === '' ? null : value.trim());
      const record = { id: person.id, honorific: empty(controls.honorific.value), rank: empty(controls.rank.value),
        name: controls.name.value.trim(), pronoun: controls.pronoun.value || null, affiliations };
      save.disabled = true;
      try {
        const answer = await api.request('PUT', address, { body: record, ifMatch: etag });
        context.notify(`${record.name} saved.`);
        render(answer.body, answer.etag);
      } catch (error) {
        if (error?.status === 412) {
          // Someone saved the person since it was read: the page shows their version, and this form keeps ours to save again.
          const fresh = await api.getWithETag(address);
          person = fresh.body;
          etag = fresh.etag;
          problem.textContent = 'Someone changed this person meanwhile, so nothing was saved. The page above shows their version;'
            + ' Save again to replace it with what you entered.';
          refreshShown(fresh.body);
        } else {
          showProblem(error);
        }
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  /** Re-renders the read-only part only, keeping the form and what was typed in it. */
  const refreshShown = (person) => {
    const form = details.querySelector('#person-form');
    render(person, null);
    details.querySelector('#person-form')?.replaceWith(form);
  };

  const load = async () => {
    const [fresh, all] = await Promise.all([api.getWithETag(address), api.get(`${BASE}/institutions`)]);
    institutions = all;
    status.remove();
    render(fresh.body, fresh.etag);
  };
  load().catch((error) => {
    if (context.signal?.aborted) return;
    status.className = 'error';
    status.textContent = `Person '${params.id}' could not be loaded: ${problemText(error)}`;
  });
}
