// Modal dialogs: focus goes back to whatever had it when the dialog opened.
import { h } from './dom.js';

/** Remembers the focused element when dialog opens and gives it the focus back when it closes. */
export function returningFocus(dialog) {
  let opener = null;
  const restore = () => {
    if (opener?.isConnected) opener.focus();
    opener = null;
  };
  dialog.addEventListener('close', restore);
  return {
    open(focus) {
      opener = document.activeElement;
      dialog.showModal();
      focus?.focus();
    },
    /** Closes at once and restores the focus now, before whatever runs next moves it. */
    close() {
      dialog.close();
      restore();
    },
  };
}

/**
 * context.confirm: resolves to true when the user confirms, false when they cancel (the button,
 * Escape). A second question while one is open answers the first with false.
 */
export function createConfirm(dialog) {
  const title = dialog.querySelector('#confirm-title');
  const message = dialog.querySelector('#confirm-message');
  const items = dialog.querySelector('#confirm-items');
  const ok = dialog.querySelector('#confirm-ok');
  const cancel = dialog.querySelector('#confirm-cancel');
  const focus = returningFocus(dialog);
  let answer = null;

  dialog.addEventListener('close', () => {
    answer?.(dialog.returnValue === 'ok');
    answer = null;
  });

  return function confirm({ title: heading = 'Are you sure?', message: text = '', items: list = [], confirmLabel = 'OK', danger = false } = {}) {
    if (dialog.open) focus.close();
    title.textContent = heading;
    message.textContent = text;
    items.replaceChildren(...list.map((item) => h('li', {}, String(item))));
    items.hidden = list.length === 0;
    ok.textContent = confirmLabel;
    ok.className = danger ? 'button-danger' : 'button-primary';
    dialog.returnValue = '';
    // The safe answer has the focus, so a hasty Enter does not confirm.
    focus.open(cancel);
    return new Promise((resolve) => {
      answer = resolve;
    });
  };
}
