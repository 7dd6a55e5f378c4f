// The example module's Notes view: the newest notes, a form to add one (delegates and up), and
// editing a note in place. An edit is sent with the ETag read when it began (If-Match), so a
// change someone else made meanwhile is never overwritten unseen: the server answers 412 and
// the view shows the note as it is now.

import { atLeast, el, problemText, timeElement } from '/shell/view-kit.js';

const NOTES = '/api/v1/example/notes';

export function mount(element, context) {
  context.stylesheet('notes.css');
  const { user, api } = context;
  const mayWrite = atLeast(user, 'delegate');
  // The server's rule (Caller.mayEditFor): the secretariat changes any note, a delegate only their institution's.
  const mayEdit = (note) => atLeast(user, 'secretariat')
    || (user.role === 'delegate' && user.institution != null && note.institution === user.institution);

  const tableBody = el('tbody');
  const listMessage = el('p', { class: 'muted', role: 'status' }, 'Loading the notes…');
  const table = el('table', { id: 'notes', class: 'table table-stacked notes-table', 'aria-labelledby': 'notes-heading' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Text'),
      el('th', { scope: 'col' }, 'Institution'),
      el('th', { scope: 'col' }, 'Created'),
      mayWrite ? el('th', { scope: 'col' }, 'Actions') : null)),
    tableBody);

  const row = (note) => el('tr', { 'data-note': note.id },
    el('td', { 'data-label': 'Text', class: 'note-text' }, note.text),
    el('td', { 'data-label': 'Institution' }, note.institution ?? el('span', { class: 'muted' }, 'none')),
    el('td', { 'data-label': 'Created' }, timeElement(note.createdAt)),
    mayWrite ? el('td', { 'data-label': 'Actions' }, mayEdit(note)
      ? el('button', { type: 'button', 'data-action': 'edit', 'aria-label': `Edit note ${note.id}`, onclick: (event) => edit(note, event.currentTarget) }, 'Edit')
      : el('span', { class: 'muted' }, note.institution == null ? 'the secretariat’s' : 'another institution’s')) : null);

  const showNotes = (notes) => {
    tableBody.replaceChildren(...notes.map(row));
    listMessage.textContent = notes.length === 0 ? 'No notes yet.' : `The ${notes.length === 1 ? 'only note' : `${notes.length} newest notes`}, newest first.`;
  };

  /** Replaces the note's text with a form to change it, starting from the version on the server now. */
  async function edit(note, button) {
    const tr = button.closest('tr');
    let current;
    try {
      current = await api.getWithETag(`${NOTES}/${note.id}`);
    } catch (error) {
      context.notify(`Note ${note.id} could not be opened for editing: ${problemText(error)}`, 'error');
      return;
    }
    let etag = current.etag;
    const textCell = tr.querySelector('.note-text');
    const fieldId = `note-edit-${note.id}`;
    const textarea = el('textarea', { id: fieldId, rows: 4, maxlength: 10000, required: true });
    textarea.value = current.body.text;
    const problem = el('div', { class: 'error', role: 'alert' });
    const save = el('button', { type: 'submit', class: 'button-primary' }, 'Save');
    const form = el('form', { class: 'note-edit' },
      el('div', { class: 'form-row' }, el('label', { for: fieldId }, `Text of note ${note.id}`), textarea),
      problem,
      el('div', { class: 'toolbar' }, save, el('button', { type: 'button', onclick: () => close(current.body) }, 'Cancel')));

    const close = (shown) => {
      const fresh = row(shown);
      tr.replaceWith(fresh);
      fresh.querySelector('button[data-action="edit"]')?.focus();
    };
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(current.body);
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      problem.replaceChildren();
      try {
        const saved = await api.put(`${NOTES}/${note.id}`, { text: textarea.value }, { ifMatch: etag });
        context.notify(`Note ${note.id} saved.`);
        close(saved);
      } catch (error) {
        if (error?.status === 412) {
          await showConflict();
        } else {
          problem.append(`Not saved: ${problemText(error)}`);
        }
      } finally {
        save.disabled = false;
      }
    });

    /** Someone saved the note since it was read: show their text, keep ours, and let a second Save replace theirs knowingly. */
    async function showConflict() {
      try {
        current = await api.getWithETag(`${NOTES}/${note.id}`);
      } catch (error) {
        problem.append(`Someone changed this note meanwhile, and it could not be read again: ${problemText(error)}`);
        return;
      }
      etag = current.etag;
      problem.append(
        el('strong', {}, 'Someone changed this note meanwhile; your text was not saved.'),
        ' It now reads:',
        el('blockquote', { class: 'note-conflict' }, current.body.text),
        'Save again to replace it with your text, or Cancel to keep theirs.');
      textarea.focus();
    }

    textCell.replaceChildren(form);
    button.hidden = true; // one edit at a time; the form's own buttons save or cancel
    textarea.focus();
  }

  const parts = [];
  if (mayWrite) {
    const text = el('textarea', { id: 'note-text', name: 'text', rows: 3, maxlength: 10000, required: true });
    const problem = el('p', { id: 'note-form-error', class: 'error', role: 'alert' });
    const add = el('button', { type: 'submit', class: 'button-primary' }, 'Add note');
    const form = el('form', { id: 'note-form', class: 'card', 'aria-labelledby': 'note-form-heading' },
      el('h2', { id: 'note-form-heading' }, 'New note'),
      el('div', { class: 'form-row' }, el('label', { for: 'note-text' }, 'Text'), text),
      problem,
      el('div', { class: 'toolbar' }, add));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      add.disabled = true;
      problem.replaceChildren();
      try {
        const note = await api.post(NOTES, { text: text.value });
        tableBody.prepend(row(note));
        listMessage.textContent = 'Your note is at the top of the list.';
        text.value = '';
        context.notify('Note added.');
      } catch (error) {
        problem.append(`The note was not added: ${problemText(error)}`);
      } finally {
        add.disabled = false;
        text.focus();
      }
    });
    parts.push(form);
    // After the shell has put the view on the page.
    if (context.params.new === 'true') requestAnimationFrame(() => text.focus());
  }
  parts.push(el('section', { 'aria-labelledby': 'notes-heading' },
    el('h2', { id: 'notes-heading' }, 'Newest notes'),
    listMessage,
    el('div', { class: 'table-scroll' }, table)));
  element.append(...parts);

  api.get(NOTES).then(
    (notes) => { if (!context.signal?.aborted) showNotes(notes); },
    (error) => {
      listMessage.className = 'error';
      listMessage.textContent = `The notes could not be loaded: ${problemText(error)}`;
    });
}
