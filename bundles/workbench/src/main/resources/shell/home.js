// The home view: the quick actions (menus at "home") and the dashboard's widgets.
import { h } from './dom.js';
import { mountContribution } from './contribution.js';

/**
 * Renders home into root. shell is what contributions' contexts share, plus menuButton(menu),
 * which makes the button of a menu entry (or null when its command is not there).
 * Returns { settled, update(workbench), close() }: settled resolves when the first render's
 * widgets have all been mounted (or failed); update re-renders after a live change, keeping the
 * widgets that are still there as they are.
 */
export function showHome(root, workbench, shell) {
  const actions = h('div', { class: 'toolbar' });
  const quickActions = h('section', { class: 'quick-actions', 'aria-labelledby': 'quick-actions-title' },
    h('h2', { id: 'quick-actions-title', class: 'section-title' }, 'Quick actions'), actions);
  const grid = h('div', { class: 'dashboard-grid' });
  const empty = h('div', { class: 'empty-state' },
    h('h2', {}, 'Nothing on the dashboard yet'),
    h('p', { class: 'muted' },
      'None of the modules enabled for you adds a dashboard widget. Open a view from the list of views, ' +
      'or press Ctrl K to find a command.'));
  root.replaceChildren(quickActions, h('div', { class: 'dashboard' }, grid), empty);

  const mounted = new Map(); // widget key → { widget, card, body, session }

  function mountWidget(widget) {
    const body = h('div', { class: 'card-body' });
    const heading = h('h2', {}, widget.title);
    const card = h('section', { class: 'card', 'data-widget': widget.key, 'data-size': widget.size || 'normal' }, heading, body);
    const session = mountContribution({ element: body, contribution: widget, shell, kind: 'widget' });
    const entry = { widget, card, heading, session };
    mounted.set(widget.key, entry);
    return entry;
  }

  function update(next) {
    actions.replaceChildren(...next.menus
      .filter((menu) => menu.location === 'home')
      .map(shell.menuButton)
      .filter(Boolean));
    quickActions.hidden = actions.childElementCount === 0;

    // A widget whose script moved is a new widget; one that is gone is unmounted.
    for (const [key, entry] of mounted) {
      const still = next.widgets.find((widget) => widget.key === key);
      if (!still || still.script !== entry.widget.script) {
        entry.session.close();
        mounted.delete(key);
      }
    }
    const entries = next.widgets.map((widget) => {
      const entry = mounted.get(widget.key) ?? mountWidget(widget);
      entry.widget = widget;
      entry.heading.textContent = widget.title;
      entry.card.dataset.size = widget.size || 'normal';
      return entry;
    });
    grid.replaceChildren(...entries.map((entry) => entry.card));
    empty.hidden = entries.length > 0;
    return entries;
  }

  const first = update(workbench);
  return {
    settled: Promise.allSettled(first.map((entry) => entry.session.settled)),
    update,
    close() {
      for (const entry of mounted.values()) entry.session.close();
      mounted.clear();
    },
  };
}
