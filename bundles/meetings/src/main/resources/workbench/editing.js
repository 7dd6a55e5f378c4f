// One meeting being read and changed by a view: the document and its version (ETag), and the
// one way its parts are changed. Every change is sent with the meeting's version (If-Match);
// afterwards the whole meeting is read again, so that labels, order and version are the server's.
import { MEETINGS, conflictText, el, problemText } from './common.js';

/**
 * The start of a view of one meeting (#/meetings/{view}?id=…), ids prefixed with prefix: a
 * status line in element, and { address, problem, fail(error, what) }: the meeting's REST
 * address, the element (role alert) for the view's problems, and what shows a failed load in
 * the status line. Null, after asking the reader to choose a meeting, when the address names none.
 */
export function meetingView(element, context, prefix) {
  context.stylesheet('meetings.css');
  const status = el('p', { class: 'muted', role: 'status', id: `${prefix}-status` }, 'Loading…');
  element.append(status);
  if (!context.params.id) {
    status.replaceChildren('Choose a meeting in the ', el('a', { href: '#/meetings/list' }, 'Meetings list'), '.');
    return null;
  }
  return {
    address: `${MEETINGS}/${encodeURIComponent(context.params.id)}`,
    problem: el('p', { class: 'error meetings-alert', role: 'alert', id: `${prefix}-problem`, tabindex: -1 }),
    loaded: () => status.remove(),
    fail(error, what) {
      if (context.signal.aborted) return;
      status.className = 'error';
      status.textContent = `${what} could not be loaded: ${problemText(error)}`;
    },
  };
}

/**
 * address: the meeting's REST address; root: the view's element (focus targets are found in it);
 * render(): shows doc.meeting; problem: the element (role alert, tabindex -1) where a stale
 * version is explained; notify: context.notify. Answers doc, whose meeting and etag are filled by
 * the first reload().
 */
export function meetingDocument({ api, address, root, render, problem, notify }) {
  const doc = {
    meeting: null,
    etag: null,

    /** Reads the meeting, shows it, and focuses the element focus (a selector) selects, if any. */
    async reload(focus) {
      const fresh = await api.getWithETag(address);
      doc.meeting = fresh.body;
      doc.etag = fresh.etag;
      render();
      if (focus) root.querySelector(focus)?.focus();
    },

    /**
     * Sends a change to a part of the meeting (path after its address), reloads, focuses focus (a
     * selector, or a function of the answer's body giving one) and announces done. Resolves to
     * { body } of the answer; a stale version resolves to null after showing the meeting as it is
     * and saying so, in words about what; other problems reject, for the form to show.
     */
    async change(method, path, body, { what, focus, done } = {}) {
      problem.textContent = '';
      let answer;
      try {
        answer = await api.request(method, `${address}${path}`, { body, ifMatch: doc.etag });
      } catch (error) {
        if (error.status !== 412) throw error;
        await doc.reload();
        problem.textContent = conflictText(what);
        problem.focus();
        return null;
      }
      await doc.reload(typeof focus === 'function' ? focus(answer.body) : focus);
      if (done) notify(done);
      return { body: answer.body };
    },
  };
  return doc;
}
