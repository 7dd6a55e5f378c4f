// The home view's Recent notes card: the five newest notes and a link to the Notes view.

const LONGEST = 140;
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function shortened(text) {
  return text.length <= LONGEST ? text : `${text.slice(0, LONGEST - 1)}…`;
}

// mount resolves once the notes are shown, so that the home view counts as rendered only then.
export async function mount(element, context) {
  context.stylesheet('notes.css');
  element.textContent = 'Loading…';
  let notes;
  try {
    notes = await context.api.get('/api/v1/example/notes?limit=5');
  } catch (error) {
    const problem = document.createElement('p');
    problem.className = 'error';
    problem.textContent = `The notes could not be loaded: ${error?.detail || error?.message || error}`;
    element.replaceChildren(problem);
    return;
  }
  const list = document.createElement('ul');
  list.className = 'recent-notes';
  for (const note of notes) {
    const item = document.createElement('li');
    const about = document.createElement('span');
    about.className = 'muted';
    const date = new Date(note.createdAt);
    about.textContent = [note.institution, Number.isNaN(date.getTime()) ? null : DATE.format(date)].filter(Boolean).join(' · ');
    item.append(shortened(note.text), about);
    list.append(item);
  }
  const empty = document.createElement('p');
  empty.className = 'muted';
  empty.textContent = 'No notes yet.';
  const link = document.createElement('a');
  link.href = '#/example/notes';
  link.textContent = 'All notes';
  const footer = document.createElement('p');
  footer.append(link);
  element.replaceChildren(notes.length > 0 ? list : empty, footer);
}
