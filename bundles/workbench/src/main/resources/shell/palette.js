// The command palette (Ctrl K) and the commands' keyboard shortcuts.
import { h } from './dom.js';
import { returningFocus } from './dialogs.js';

/**
 * The palette in dialog#palette. setEntries takes [{ key, label, shortcut?, run }]; typing
 * filters them by label, Up and Down move, Enter runs, Escape closes.
 */
export function createPalette(dialog) {
  const input = dialog.querySelector('#palette-input');
  const list = dialog.querySelector('#palette-list');
  const empty = dialog.querySelector('#palette-empty');
  const focus = returningFocus(dialog);
  let entries = [];
  let shown = [];
  let active = 0;

  function filter() {
    const text = input.value.trim().toLowerCase();
    shown = entries.filter((entry) => entry.label.toLowerCase().includes(text));
    active = 0;
    render();
  }

  function render() {
    list.replaceChildren(...shown.map((entry, index) => h('li', {
      id: `palette-option-${index}`,
      role: 'option',
      'data-command': entry.key,
      'aria-selected': String(index === active),
      onclick: () => run(entry),
    }, h('span', { class: 'palette-label' }, entry.label), entry.shortcut ? h('kbd', {}, entry.shortcut) : null)));
    empty.hidden = shown.length > 0;
    if (shown.length) input.setAttribute('aria-activedescendant', `palette-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function move(to) {
    if (!shown.length) return;
    active = (to + shown.length) % shown.length;
    for (const [index, option] of [...list.children].entries()) option.setAttribute('aria-selected', String(index === active));
    input.setAttribute('aria-activedescendant', `palette-option-${active}`);
    list.children[active].scrollIntoView({ block: 'nearest' });
  }

  function run(entry) {
    focus.close();
    entry.run();
  }

  input.addEventListener('input', filter);
  // A click on the backdrop lands on the dialog itself: it closes the palette.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) focus.close();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(shown.length - 1);
    else if (event.key === 'Enter' && shown[active]) run(shown[active]);
    else return;
    event.preventDefault();
  });

  return {
    get open() {
      return dialog.open;
    },
    show() {
      if (dialog.open) return input.focus();
      input.value = '';
      filter();
      focus.open(input);
    },
    close: () => dialog.open && focus.close(),
    setEntries(next) {
      entries = next;
      if (dialog.open) filter();
    },
  };
}

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'];

/**
 * Reads a shortcut such as "Alt+Shift+N", "Ctrl+1" or "F2" into what a keydown event must show.
 * Keys are matched by their physical code, so Alt+N works where Alt changes the typed character.
 */
export function parseShortcut(text) {
  const parts = text.split('+');
  const key = parts.pop();
  if (!parts.every((part) => MODIFIERS.includes(part))) return null;
  let code;
  if (/^[A-Z]$/.test(key)) code = `Key${key}`;
  else if (/^[0-9]$/.test(key)) code = `Digit${key}`;
  else if (/^F([1-9]|1[0-2])$/.test(key)) code = key;
  else return null;
  return { ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), meta: parts.includes('Meta'), code };
}

/** The same shortcut however its modifiers were ordered: "Shift+Alt+N" and "Alt+Shift+N" are one. */
function identity(shortcut) {
  return `${shortcut.ctrl}${shortcut.alt}${shortcut.shift}${shortcut.meta}${shortcut.code}`;
}

export function matchesShortcut(shortcut, event) {
  return event.code === shortcut.code && event.ctrlKey === shortcut.ctrl && event.altKey === shortcut.alt &&
    event.shiftKey === shortcut.shift && event.metaKey === shortcut.meta;
}

/**
 * Which command each shortcut runs. When commands claim the same one, the command of the module
 * whose id sorts first keeps it (docs/extending.md); Ctrl+K and Meta+K are the shell's.
 * Returns a Map of command key → parsed shortcut.
 */
export function bindShortcuts(commands) {
  const taken = new Set(['Ctrl+K', 'Meta+K'].map((text) => identity(parseShortcut(text))));
  const bound = new Map();
  const claimants = commands
    .filter((command) => command.shortcut)
    .sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
  for (const command of claimants) {
    const shortcut = parseShortcut(command.shortcut);
    if (!shortcut || taken.has(identity(shortcut))) continue;
    taken.add(identity(shortcut));
    bound.set(command.key, shortcut);
  }
  return bound;
}
