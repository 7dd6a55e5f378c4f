// The agenda (Annex II) and the programme (Annex III) of the meeting editor: shown as recorded,
// and for the secretariat each edited whole in a dialog (PUT …/agenda, PUT …/programme), with
// the meeting's version like every other change (editing.js).
import { dayText, el, field, linesOf, modalForm, showFieldProblem } from './common.js';

const PROGRAMME_FIELDS = ['day', 'start', 'end', 'title', 'place'];

/** The agenda and programme sections of the editor (editor: the meeting document of meeting.js); container takes the dialogs. */
export function planSections(editor, container) {
  const m = editor.meeting;
  const sections = [];
  if (m.agenda.items.length || editor.mayEdit) {
    sections.push(el('details', { class: 'card', id: 'meeting-agenda', open: m.agenda.items.length === 0 },
      el('summary', {}, el('h2', { class: 'meetings-summary-heading' }, 'Agenda'),
        el('span', { class: 'muted', id: 'meeting-agenda-adopted' },
          m.agenda.adoptedOn ? ` adopted on ${dayText(m.agenda.adoptedOn)}` : ' not adopted yet')),
      m.agenda.items.length ? el('ol', { id: 'meeting-agenda-items' }, m.agenda.items.map((item) => el('li', {}, item.title)))
        : el('p', { class: 'muted' }, 'No agenda items recorded.'),
      editor.mayEdit ? el('button', { type: 'button', id: 'meeting-agenda-edit', onclick: () => editAgenda(editor, container) },
        'Edit agenda') : null));
  }
  if (m.programme.length || editor.mayEdit) {
    sections.push(el('details', { class: 'card', id: 'meeting-programme', open: m.programme.length === 0 },
      el('summary', {}, el('h2', { class: 'meetings-summary-heading' }, 'Programme')),
      m.programme.length ? el('div', { class: 'table-scroll' }, el('table', { class: 'table table-stacked' },
        el('thead', {}, el('tr', {}, ['Day', 'Time', 'What', 'Where'].map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', { id: 'meeting-programme-entries' }, m.programme.map((entry) => el('tr', {},
          el('td', { 'data-label': 'Day' }, dayText(entry.day)),
          el('td', { 'data-label': 'Time' }, [entry.start, entry.end].filter(Boolean).join('–')),
          el('td', { 'data-label': 'What' }, entry.title),
          el('td', { 'data-label': 'Where' }, entry.place ?? ''))))))
        : el('p', { class: 'muted' }, 'No programme recorded.'),
      editor.mayEdit ? el('button', { type: 'button', id: 'meeting-programme-edit', onclick: () => editProgramme(editor, container) },
        'Edit programme') : null));
  }
  return sections;
}

function editAgenda(editor, container) {
  const { agenda } = editor.meeting;
  const controls = {
    adoptedOn: el('input', { id: 'agenda-adopted-on', type: 'date', value: agenda.adoptedOn ?? '' }),
    items: el('textarea', { id: 'agenda-items', rows: 8 }, agenda.items.map((item) => item.title).join('\n')),
  };
  const problem = el('p', { class: 'error', role: 'alert', id: 'agenda-problem' });
  modalForm({
    container, id: 'agenda-dialog', title: 'Edit the agenda', submitLabel: 'Save',
    body: [field('Adopted on', controls.adoptedOn, 'Leave empty while the meeting has not adopted it.'),
      field('Items', controls.items, 'One item per line, in order.'), problem],
    async onsubmit(close) {
      const sent = { adoptedOn: controls.adoptedOn.value || null, items: linesOf(controls.items.value).map((title) => ({ title })) };
      try {
        // A stale version closes the dialog too: the editor then shows the meeting as it is and says so.
        await editor.change('PUT', '/agenda', sent, { what: 'the agenda', focus: '#meeting-agenda-edit', done: 'The agenda was saved.' });
        close();
      } catch (error) {
        showFieldProblem(problem.parentElement, controls, error, problem);
      }
    },
  });
}

/** The programme's entries as rows of inputs, one row added or removed at a time. */
function editProgramme(editor, container) {
  const { from } = editor.meeting;
  const rows = el('tbody', { id: 'programme-rows' });
  let next = 0;
  const addRow = (entry = { day: from }) => {
    const n = next++;
    const input = (name, type, label) => el('input', { id: `programme-${n}-${name}`, name, type, value: entry[name] ?? '',
      'aria-label': `${label}, entry ${n + 1}` });
    const row = el('tr', { 'data-programme-row': '' },
      el('td', { 'data-label': 'Day' }, input('day', 'date', 'Day')),
      el('td', { 'data-label': 'Start' }, input('start', 'time', 'Start')),
      el('td', { 'data-label': 'End' }, input('end', 'time', 'End')),
      el('td', { 'data-label': 'What' }, input('title', 'text', 'What')),
      el('td', { 'data-label': 'Where' }, input('place', 'text', 'Where')),
      el('td', {}, el('button', { type: 'button', 'aria-label': `Remove entry ${n + 1}`, onclick: () => row.remove() }, 'Remove')));
    rows.append(row);
    return row;
  };
  editor.meeting.programme.forEach((entry) => addRow(entry));
  const problem = el('p', { class: 'error', role: 'alert', id: 'programme-problem' });
  const add = el('button', { type: 'button', id: 'programme-add', onclick: () => addRow().querySelector('input').focus() },
    'Add an entry');
  modalForm({
    container, id: 'programme-dialog', title: 'Edit the programme', submitLabel: 'Save',
    body: [el('div', { class: 'table-scroll' }, el('table', { class: 'table table-stacked' },
      el('thead', {}, el('tr', {}, ['Day', 'Start', 'End', 'What', 'Where', ''].map((name) => el('th', { scope: 'col' }, name)))),
      rows)), add, problem],
    async onsubmit(close) {
      const entries = [...rows.querySelectorAll('tr[data-programme-row]')];
      const sent = entries.map((row) => Object.fromEntries(PROGRAMME_FIELDS.map((name) => {
        const value = row.querySelector(`input[name="${name}"]`).value.trim();
        return [name, value === '' ? null : value];
      })));
      try {
        await editor.change('PUT', '/programme', sent, { what: 'the programme', focus: '#meeting-programme-edit',
          done: 'The programme was saved.' });
        close();
      } catch (error) {
        showFieldProblem(problem.parentElement, {}, error, problem);
        // The problem names its entry and field, e.g. "[2].end": that input is marked and focused.
        const at = /^\[(\d+)]\.(\w+)/.exec(error?.body?.field ?? '');
        const input = at && entries[Number(at[1])]?.querySelector(`input[name="${at[2]}"]`);
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        }
      }
    },
  });
}
