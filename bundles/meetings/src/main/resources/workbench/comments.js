// The comments panel of the meeting editor, for delegates and above: what has been said about
// the meeting or one of its proceedings, oldest first, and a form to add a comment. The server
// sets the author and the time.
import { PROCEEDING_KINDS, el, field, problemText, select, showFieldProblem, timeElement } from './common.js';

/**
 * Resolves to { section, update } for the editor's meeting, whose address is address: update()
 * offers the proceedings as they are now (after the editor shows a change) to comment on.
 */
export async function commentsPanel(editor, address) {
  const list = el('ol', { id: 'meeting-comments', class: 'meetings-comments' });
  const message = el('p', { class: 'muted', id: 'meeting-comments-message' });
  const text = el('textarea', { id: 'comment-text', rows: 3, required: true, maxlength: 10000 });
  const about = select('comment-proceeding', 'The whole meeting', [], null);
  const problem = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { id: 'comment-form', 'aria-label': 'Add a comment' },
    field('Comment', text), field('About', about), problem,
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', class: 'button-primary', id: 'comment-post' }, 'Post comment')));
  const section = el('section', { class: 'card', 'aria-labelledby': 'comments-heading', id: 'meeting-comments-section' },
    el('h2', { id: 'comments-heading' }, 'Comments'), message, list, form);

  const nameOf = (id) => {
    const item = editor.meeting.proceedings.find((p) => p.id === id);
    return item ? [PROCEEDING_KINDS[item.kind], item.title ?? item.country].filter(Boolean).join(': ') : `item ${id}`;
  };
  const update = () => {
    const chosen = about.value;
    about.replaceChildren(el('option', { value: '' }, 'The whole meeting'),
      ...editor.meeting.proceedings.map((p) => el('option', { value: String(p.id) }, nameOf(p.id))));
    about.value = chosen;
    if (about.selectedIndex < 0) about.value = '';
  };
  const show = (comments) => {
    update();
    list.replaceChildren(...comments.map((comment) => el('li', { 'data-comment': comment.id },
      el('p', { class: 'meetings-meta' }, el('strong', {}, comment.author), ' ', timeElement(comment.at),
        comment.proceeding != null ? ` on ${nameOf(comment.proceeding)}` : ''),
      el('p', { class: 'meetings-comment-text' }, comment.text))));
    message.textContent = comments.length === 0 ? 'No comments yet.' : '';
  };
  const load = () => editor.api.get(`${address}/comments`).then(show);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await editor.api.post(`${address}/comments`, { text: text.value.trim(), proceeding: about.value ? Number(about.value) : null });
      text.value = '';
      await load();
      editor.notify('Your comment was posted.');
      text.focus();
    } catch (error) {
      showFieldProblem(form, { text, proceeding: about }, error, problem, 'Not posted');
    }
  });
  try {
    await load();
  } catch (error) {
    message.className = 'error';
    message.textContent = `The comments could not be loaded: ${problemText(error)}`;
  }
  return { section, update };
}
