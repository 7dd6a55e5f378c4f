// The meeting editor (#/meetings/meeting?id=…): the header, the agenda and programme, the
// proceedings in order with their recommendations, and the comments. What a reader may change
// follows the server's rules: the secretariat and administrators everything, a delegate only
// the summaries of their own country's presentations (and comments), an observer nothing.
// Changes go through editing.js, with the meeting's version.
import {
  MEETING_KINDS, MEETING_STATUSES, MEMBERSHIP, MODES, atLeast, badge, conflictText, countryNames, datesElement,
  delegateCountry, el, personName, problemText, showFieldProblem,
} from './common.js';
import { meetingDocument, meetingView } from './editing.js';
import { headerFields } from './header.js';
import { proceedingsSection } from './proceedings.js';
import { commentsPanel } from './comments.js';
import { planSections } from './plan.js';

/** The header's fields, which PUT replaces. */
const HEADER = ['body', 'kind', 'theme', 'hostCountry', 'organiser', 'chair', 'venue', 'city', 'from', 'to', 'dateAccuracy', 'mode',
  'status', 'topics', 'expectedOutcomes'];

export function mount(element, context) {
  const view = meetingView(element, context, 'meeting');
  if (!view) return;
  const { api, params, user } = context;
  const { address, problem } = view;
  const header = el('section', { class: 'card', 'aria-labelledby': 'meeting-heading', id: 'meeting-header' });
  const plan = el('div', { id: 'meeting-plan' });
  const proceedings = el('div');
  const comments = el('div');
  let commented = null; // the comments panel, for delegates and above

  // The editor: the meeting being changed (editing.js) and what the proceedings' parts ask of it.
  const editor = Object.assign(meetingDocument({ api, address, root: element, render, problem, notify: context.notify }), {
    api, notify: context.notify, confirm: context.confirm,
    countries: new Map(), institutions: [], bodies: [], meetingsRead: new Map(),
    mayEdit: atLeast(user, 'secretariat'),
    myCountry: null,
    /** Whether the reader may change this proceeding's summary (paragraphs): the server's rule. */
    maySummarise(item) {
      return this.mayEdit || (item.kind === 'country-presentation' && this.myCountry != null && item.country === this.myCountry);
    },
    /** The participant who is this person at this meeting, or undefined. */
    participant(person) {
      return person == null ? undefined : this.meeting.participants.find((p) => p.person === person);
    },
    /** "LTG Nem Sowathey, Deputy Director-General …, GDPFA" as on the meeting's first day. */
    speakerText(person) {
      const p = this.participant(person);
      if (!p) return `${person} (not among the participants)`;
      // Positions often name their institution already.
      const institution = p.institutionName && !p.position?.includes(p.institutionName) ? p.institutionName : null;
      return [personName(p), p.position, institution].filter(Boolean).join(', ');
    },
  });

  function render() {
    const m = editor.meeting;
    if (!header.querySelector('form')) showHeader();
    plan.replaceChildren(...planSections(editor, element));
    proceedings.replaceChildren(proceedingsSection(editor));
    commented?.update();
    element.dataset.version = String(m.version);
  }

  function showHeader() {
    const m = editor.meeting;
    const host = [m.city, editor.countries.get(m.hostCountry) ?? m.hostCountry].filter(Boolean).join(', ');
    const organiser = editor.institutions.find((i) => i.id === m.organiser);
    const body = editor.bodies.find((b) => b.id === m.body);
    header.replaceChildren(...[
      el('h2', { id: 'meeting-heading' }, m.theme),
      el('dl', { class: 'meetings-facts' },
        fact('Body', body ? body.acronym || body.name : m.body), fact('Kind', MEETING_KINDS[m.kind] ?? m.kind), fact('Dates', datesElement(m), 'meeting-dates'),
        fact('Host', host || '—', 'meeting-host'), fact('Venue', m.venue ?? '—'), fact('Mode', MODES[m.mode] ?? m.mode),
        fact('Status', badge('status', m.status, MEETING_STATUSES[m.status]), 'meeting-status-value'),
        fact('Organised by', organiser ? organiser.name : m.organiser ?? '—'),
        fact('Chair', m.chair ? editor.speakerText(m.chair) : '—')),
      list('Topics', m.topics, 'meeting-topics'), list('Expected outcomes', m.expectedOutcomes, 'meeting-outcomes'),
      el('p', { class: 'toolbar' },
        el('a', { href: `#/meetings/participants?id=${encodeURIComponent(m.id)}`, id: 'meeting-participants-link' },
          `Participants by delegation (${m.participants.length})`),
        el('a', { href: `#/meetings/recommendations?meeting=${encodeURIComponent(m.id)}` }, 'Its recommendations in the tracker')),
      editor.mayEdit ? el('div', { class: 'toolbar' },
        el('button', { type: 'button', id: 'meeting-edit', onclick: editHeader }, 'Edit details'),
        el('button', { type: 'button', id: 'meeting-delete', class: 'button-danger', onclick: deleteMeeting }, 'Delete meeting')) : null,
    ].filter(Boolean));
  }

  function editHeader() {
    const m = editor.meeting;
    const people = m.participants.filter((p) => p.person).map((p) => [p.person, `${personName(p)} (${p.country})`]);
    if (m.chair && !people.some(([id]) => id === m.chair)) people.unshift([m.chair, m.chair]);
    const fields = headerFields(m, { bodies: editor.bodies, countries: [...editor.countries].map(([code, shortName]) => ({ code, shortName })),
      institutions: editor.institutions, people }, 'meeting');
    const formProblem = el('p', { class: 'error', role: 'alert', id: 'meeting-form-problem', tabindex: -1 });
    const save = el('button', { type: 'submit', class: 'button-primary', id: 'meeting-save' }, 'Save');
    const form = el('form', { id: 'meeting-form', 'aria-labelledby': 'meeting-form-heading' },
      el('h2', { id: 'meeting-form-heading' }, 'Edit the details'), ...fields.rows, formProblem,
      el('div', { class: 'toolbar' }, save, el('button', { type: 'button', onclick: closeForm }, 'Cancel')));
    function closeForm() {
      showHeader();
      header.querySelector('#meeting-edit')?.focus();
    }
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closeForm();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      try {
        await api.request('PUT', address, { body: fields.read(), ifMatch: editor.etag });
        await editor.reload();
        closeForm();
        context.notify('The details were saved.');
      } catch (error) {
        if (error.status === 412) {
          // The form keeps what was typed, and says what the other person changed.
          await editor.reload();
          const theirs = HEADER.filter((name) => JSON.stringify(m[name]) !== JSON.stringify(editor.meeting[name]))
            .map((name) => `${name} is now “${[editor.meeting[name]].flat().join('; ') || 'empty'}”`);
          formProblem.textContent = 'Someone else changed this meeting while you were editing the details, so nothing was saved.'
            + `${theirs.length ? ` Their change: ${theirs.join(', ')}.` : ''} What you entered is still here: Save again to`
            + ' replace their version with yours, or Cancel to keep theirs.';
          formProblem.focus();
        } else {
          showFieldProblem(form, fields.controls, error, formProblem);
        }
      } finally {
        save.disabled = false;
      }
    });
    header.replaceChildren(form);
    fields.controls.theme.focus();
  }

  async function deleteMeeting() {
    const m = editor.meeting;
    const sure = await context.confirm({ title: 'Delete meeting', message: `Delete "${m.theme}" with its participants, proceedings,`
      + ' recommendations and comments? This cannot be undone.', confirmLabel: 'Delete', danger: true });
    if (!sure) return;
    try {
      await api.delete(address, { ifMatch: editor.etag });
      context.notify(`The meeting "${m.theme}" was deleted.`);
      context.navigate('meetings/list');
    } catch (error) {
      if (error.status === 412) {
        await editor.reload();
        problem.textContent = conflictText('deleting it');
      } else {
        problem.textContent = `The meeting was not deleted: ${problemText(error)}`;
      }
    }
  }

  const load = async () => {
    const [countries, bodies, institutions, myCountry] = await Promise.all([countryNames(api), api.get(`${MEMBERSHIP}/bodies`),
      api.get(`${MEMBERSHIP}/institutions?limit=1000`), delegateCountry(api, user)]);
    Object.assign(editor, { countries, bodies, institutions, myCountry });
    view.loaded();
    element.append(problem, header, plan, proceedings, comments);
    await editor.reload();
    if (atLeast(user, 'delegate')) {
      commented = await commentsPanel(editor, address);
      comments.replaceChildren(commented.section);
    }
  };
  load().catch((error) => view.fail(error, `Meeting '${params.id}'`));
}

function fact(term, value, id) {
  return el('div', {}, el('dt', {}, term), el('dd', { id }, value));
}

function list(title, items, id) {
  if (!items?.length) return null;
  return el('div', {}, el('h3', {}, title), el('ul', { id }, items.map((item) => el('li', {}, item))));
}
