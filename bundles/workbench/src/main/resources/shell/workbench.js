// The workbench: top bar, navigation, view area, notices and command palette, composed from the
// contributions of GET /api/v1/workbench and kept up to date by its event stream.
import { createApi } from './api.js';
import { h, fromTemplate, keepingFocus } from './dom.js';
import { icon, contributionIcon } from './icons.js';
import { mountContribution } from './contribution.js';
import { showHome } from './home.js';
import { createPalette, bindShortcuts, matchesShortcut } from './palette.js';
import { createConfirm } from './dialogs.js';
import { announceSessionEnded, connectEvents } from './events.js';

const SESSION_ENDED = 'Your session has ended; sign in again.';
const NARROW = matchMedia('(max-width: 799px)');
// Fields where keys are typed, so the commands' shortcuts stay out of their way.
const TYPING = 'input:not([type=checkbox],[type=radio],[type=button],[type=submit],[type=reset],[type=file],' +
  '[type=range],[type=color]), textarea, select, [contenteditable]:not([contenteditable=false])';

// The benchmark's mark is made once per page load, the first time home is fully rendered.
let homeMarked = false;

/**
 * Shows the workbench of user ({ username, role, institution, csrfToken }) in app.
 * onSignedOut(message) is called once the session is over: signed out, or ended (message says
 * so). initial: the page was loaded while signed in, so the focus stays where the browser put it.
 */
export function startWorkbench(app, user, { onSignedOut, initial = false }) {
  const frame = fromTemplate('workbench-template');
  app.replaceChildren(frame);
  const $ = (selector) => frame.querySelector(selector);
  const nav = $('#navigation');
  const navLinks = $('.nav-links');
  const navToggle = $('#nav-toggle');
  const backdrop = $('.nav-backdrop');
  const title = $('#view-title');
  const toolbar = $('#view-toolbar');
  const userMenu = $('#user-menu');

  let stopped = false;
  let workbench = null; // the contributions last rendered
  let commands = new Map(); // command key → command
  let shortcuts = new Map(); // command key → the shortcut it holds
  let page = null; // the view area: { kind: home|view|missing, key, address, title, close(), update?() }
  let checkingSession = null;
  const subscribers = { workbench: new Set(), modules: new Set() };

  const notices = createNotices($('.notice-bar'), title);
  const confirm = createConfirm($('#confirm'));
  const palette = createPalette($('#palette'));
  const api = createApi({ csrfToken: () => user.csrfToken, onUnauthorized: () => sessionAlive() });
  const probe = createApi();
  // What every view's and widget's context shares.
  const shell = {
    api,
    user: Object.freeze({ username: user.username, role: user.role, institution: user.institution ?? null }),
    navigate,
    notify: notices.show,
    confirm,
    subscribe(event, handler) {
      const handlers = subscribers[event];
      if (!handlers) throw new Error(`The workbench has no "${event}" events.`);
      const entry = (data) => handler(data); // its own entry, so one handler can be subscribed twice
      handlers.add(entry);
      return () => handlers.delete(entry);
    },
    menuButton,
  };

  $('#user-name').textContent = user.username;
  $('#user-role').textContent = user.role;
  const institution = $('#user-institution');
  institution.textContent = user.institution ?? '';
  institution.hidden = !user.institution;
  navToggle.prepend(icon('menu'));
  $('.nav-close').prepend(icon('close'));
  $('#palette-button').prepend(icon('search'));
  $('#sign-out').prepend(icon('sign-out'));

  $('#palette-button').addEventListener('click', () => palette.show());
  $('#sign-out').addEventListener('click', signOut);
  navToggle.addEventListener('click', () => setDrawer(!frame.classList.contains('nav-open')));
  $('.nav-close').addEventListener('click', () => closeDrawer(true));
  backdrop.addEventListener('click', () => closeDrawer(true));
  nav.addEventListener('click', (event) => {
    if (event.target.closest('a')) closeDrawer(false);
  });
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeDrawer(true);
  });
  // Tabbing out of the open drawer closes it, so it never hides the focused control.
  nav.addEventListener('focusout', (event) => {
    const to = event.relatedTarget;
    if (to && !nav.contains(to) && to !== navToggle) closeDrawer(false);
  });
  window.addEventListener('hashchange', onHashChange);
  document.addEventListener('keydown', onKeydown);
  NARROW.addEventListener('change', onWidthChange);

  // The stream's first event repeats the GET's answer; whichever comes first is rendered. A tab
  // that follows another tab's stream gets no first event (events.js), so the GET comes after.
  const events = connectEvents({ workbench: applyWorkbench, modules: (data) => emit('modules', data) }, sessionAlive);
  api.get('/api/v1/workbench').then((body) => {
    if (!workbench) applyWorkbench(body);
  }, (error) => {
    if (!stopped && error.status !== 401) notices.show(`The workbench could not be loaded: ${error.message}`, 'error');
  });

  function applyWorkbench(next) {
    if (stopped || next.revision === workbench?.revision) return;
    const first = !workbench;
    workbench = {
      revision: next.revision,
      views: next.views ?? [],
      commands: next.commands ?? [],
      menus: next.menus ?? [],
      widgets: next.widgets ?? [],
    };
    document.body.dataset.revision = String(workbench.revision);
    commands = new Map(workbench.commands.map((command) => [command.key, command]));
    shortcuts = bindShortcuts(workbench.commands);
    renderNavigation();
    renderUserMenu();
    palette.setEntries(paletteEntries());
    if (first) {
      showRoute({ focus: !initial });
      return;
    }
    if (page.kind === 'view') {
      const view = workbench.views.find((candidate) => candidate.key === page.key);
      if (view) {
        page.title = view.title;
        title.textContent = view.title;
      } else {
        viewVanished();
      }
    } else if (page.kind === 'home') {
      page.update(workbench);
    } else {
      showRoute({ focus: false }); // the missing view may have arrived
    }
    renderToolbar();
    emit('workbench', workbench);
  }

  function viewVanished() {
    const gone = page.title;
    page.close();
    page = null;
    notices.show(`The view "${gone}" is no longer available: its module was disabled or removed.`, 'warning');
    history.replaceState(null, '', '#/');
    showRoute();
  }

  function onHashChange() {
    showRoute();
  }

  /** Shows what the address asks for, unless it is shown already (or force). */
  function showRoute({ force = false, focus = true } = {}) {
    if (!workbench) return;
    const { route, params, address } = parseHash(location.hash);
    const view = route ? workbench.views.find((candidate) => candidate.route === route) : null;
    const key = route ? view?.key ?? null : 'home';
    if (!force && page && page.address === address && page.key === key) return;
    page?.close();
    const root = h('div', { 'data-view-root': key ?? 'none' });
    $('[data-view-root]').replaceWith(root);
    if (!route) page = openHome(root);
    else if (view) page = openView(root, view, params);
    else page = openMissing(root, route);
    page.address = address;
    title.textContent = page.title;
    document.title = `${page.title} – NADI Workbench`;
    renderToolbar();
    markCurrent();
    if (focus) title.focus();
  }

  function openHome(root) {
    const home = showHome(root, workbench, shell);
    const opened = {
      kind: 'home',
      key: 'home',
      title: 'Home',
      update: home.update,
      close() {
        home.close();
        delete document.body.dataset.homeRendered;
      },
    };
    home.settled.then(() => {
      if (page !== opened) return;
      document.body.dataset.homeRendered = 'true';
      if (!homeMarked) {
        homeMarked = true;
        performance.mark('nadi:home-rendered');
      }
    });
    return opened;
  }

  function openView(root, view, params) {
    const session = mountContribution({ element: root, contribution: view, params, shell, kind: 'view' });
    return { kind: 'view', key: view.key, title: view.title, close: session.close };
  }

  function openMissing(root, route) {
    root.append(
      h('p', {}, `There is no view at #/${route}. The module it belongs to may be disabled, or your role may not allow it.`),
      h('p', {}, h('a', { href: '#/' }, 'Go to Home')));
    return { kind: 'missing', key: null, title: 'No such view', close() {} };
  }

  function navigate(route = '', params = {}) {
    const query = new URLSearchParams(params).toString();
    const hash = `#/${route}${query ? `?${query}` : ''}`;
    // Asking again for the page that is shown opens it afresh (e.g. a command's "new" parameter).
    if (hash === location.hash) showRoute({ force: true });
    else location.hash = hash;
  }

  function renderNavigation() {
    const groups = new Map();
    for (const view of workbench.views) {
      const group = view.group || 'General';
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(view);
    }
    keepingFocus(navLinks, 'data-view', () => {
      const parts = [h('ul', { class: 'nav-list' }, h('li', {}, navLink('home', '#/', 'home', 'Home')))];
      [...groups].forEach(([group, views], index) => {
        parts.push(
          h('h2', { class: 'nav-group', id: `nav-group-${index}` }, group),
          h('ul', { class: 'nav-list', 'aria-labelledby': `nav-group-${index}` },
            views.map((view) => h('li', {}, navLink(view.key, `#/${view.route}`, view.icon, view.title)))));
      });
      navLinks.replaceChildren(...parts);
    });
    markCurrent();
  }

  function navLink(key, href, iconName, text) {
    return h('a', { href, 'data-view': key }, contributionIcon(iconName), h('span', {}, text));
  }

  function markCurrent() {
    for (const link of navLinks.querySelectorAll('a[data-view]')) {
      if (link.dataset.view === page?.key) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  function renderUserMenu() {
    keepingFocus(userMenu, 'data-menu', () => {
      const buttons = menuButtons('user');
      userMenu.replaceChildren(...buttons);
      userMenu.hidden = buttons.length === 0;
    });
  }

  function renderToolbar() {
    keepingFocus(toolbar, 'data-menu', () => {
      const buttons = page?.kind === 'view' ? menuButtons(`view:${page.key}`) : [];
      toolbar.replaceChildren(...buttons);
      toolbar.hidden = buttons.length === 0;
      toolbar.setAttribute('aria-label', `${page?.title ?? 'View'} actions`);
    });
  }

  function menuButtons(location) {
    return workbench.menus.filter((menu) => menu.location === location).map(menuButton).filter(Boolean);
  }

  /** The button of a menu entry, or null when its command is not there. */
  function menuButton(menu) {
    const command = commands.get(menu.command);
    if (!command) return null;
    return h('button', {
      type: 'button',
      'data-menu': menu.key,
      'aria-keyshortcuts': shortcuts.has(command.key) ? command.shortcut.replace('Ctrl', 'Control') : null,
      onclick: () => runCommand(command),
    }, menu.label || command.label);
  }

  function paletteEntries() {
    return [
      ...workbench.commands.map((command) => ({
        key: command.key,
        label: command.label,
        shortcut: shortcuts.has(command.key) ? command.shortcut : null,
        run: () => runCommand(command),
      })),
      { key: 'go:home', label: 'Go to Home', run: () => navigate('') },
      ...workbench.views.map((view) => ({ key: `go:${view.key}`, label: `Go to ${view.title}`, run: () => navigate(view.route) })),
      { key: 'shell:sign-out', label: 'Sign out', run: signOut },
    ];
  }

  async function runCommand(command) {
    if (command.opens) {
      navigate(command.opens.route, command.opens.params);
      return;
    }
    const call = command.calls;
    if (call.confirm && !await confirm({ title: command.label, message: call.confirm, confirmLabel: command.label })) return;
    try {
      const answer = await api.request(call.method, call.path, { body: call.method === 'GET' ? undefined : call.body ?? undefined });
      notices.show(`${command.label}: ${summary(answer.body)}`);
    } catch (error) {
      notices.show(`${command.label}: ${error.message}`, 'error');
    }
  }

  function onKeydown(event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyK') {
      event.preventDefault();
      if (!$('#confirm').open) palette.show();
      return;
    }
    const typing = event.target instanceof Element && event.target.closest(TYPING);
    if (event.defaultPrevented || event.repeat || typing || frame.querySelector('dialog[open]')) return;
    for (const [key, shortcut] of shortcuts) {
      if (matchesShortcut(shortcut, event)) {
        event.preventDefault();
        runCommand(commands.get(key));
        return;
      }
    }
  }

  function setDrawer(open) {
    frame.classList.toggle('nav-open', open);
    navToggle.setAttribute('aria-expanded', String(open));
    backdrop.hidden = !open;
    if (open) (navLinks.querySelector('[aria-current]') ?? navLinks.querySelector('a'))?.focus();
  }

  function closeDrawer(returnFocus) {
    if (!frame.classList.contains('nav-open')) return;
    setDrawer(false);
    if (returnFocus) navToggle.focus();
  }

  function onWidthChange() {
    if (!NARROW.matches) setDrawer(false);
  }

  function emit(event, data) {
    for (const handler of [...subscribers[event]]) {
      try {
        handler(data);
      } catch (error) {
        console.error(`NADI workbench: a "${event}" handler failed`, error);
      }
    }
  }

  /** Whether the session still holds; when it has ended, the shell shows the sign-in page. */
  function sessionAlive() {
    checkingSession ??= probe.get('/api/v1/auth/me')
      .then(() => true, (error) => {
        if (error.status !== 401) return true;
        end(SESSION_ENDED);
        return false;
      })
      .finally(() => {
        checkingSession = null;
      });
    return checkingSession;
  }

  async function signOut() {
    try {
      await api.post('/api/v1/auth/logout');
    } catch (error) {
      if (error.status !== 401) {
        notices.show(`Could not sign out: ${error.message}`, 'error');
        return;
      }
    }
    announceSessionEnded();
    end('');
  }

  function end(message) {
    if (stopped) return;
    stopped = true;
    events.close();
    page?.close();
    page = null;
    palette.close();
    if ($('#confirm').open) $('#confirm').close(); // answers a pending question with false
    window.removeEventListener('hashchange', onHashChange);
    document.removeEventListener('keydown', onKeydown);
    NARROW.removeEventListener('change', onWidthChange);
    delete document.body.dataset.revision;
    onSignedOut(message);
  }
}

/** '#/example/notes?new=true' → route 'example/notes', params { new: 'true' }, and an address to compare. */
function parseHash(hash) {
  const text = hash.replace(/^#\/?/, '');
  const question = text.indexOf('?');
  const route = (question < 0 ? text : text.slice(0, question)).replace(/\/+$/, '');
  const query = new URLSearchParams(question < 0 ? '' : text.slice(question + 1));
  return { route, params: Object.fromEntries(query), address: `${route}?${query}` };
}

/** A short text for the answer of a "calls" command. */
function summary(body) {
  if (body == null) return 'done.';
  if (typeof body === 'string') return body;
  const text = ['message', 'detail', 'title', 'status', 'state'].map((name) => body[name]).find((value) => typeof value === 'string');
  if (text) return text;
  const json = JSON.stringify(body);
  return json.length > 160 ? `${json.slice(0, 159)}…` : json;
}

/**
 * The status area. kind is info (the default; it goes after ten seconds), error or warning
 * (alerts, which stay until dismissed or replaced).
 */
function createNotices(bar, fallbackFocus) {
  const region = bar.querySelector('#notice');
  const dismiss = bar.querySelector('.notice-dismiss');
  let timer = null;

  function clear() {
    clearTimeout(timer);
    if (dismiss.contains(document.activeElement)) fallbackFocus.focus();
    region.textContent = '';
    delete bar.dataset.kind;
    dismiss.hidden = true;
  }
  dismiss.addEventListener('click', clear);

  return {
    show(message, kind = 'info') {
      clearTimeout(timer);
      const alert = kind === 'error' || kind === 'warning';
      region.setAttribute('role', alert ? 'alert' : 'status');
      region.setAttribute('aria-live', alert ? 'assertive' : 'polite');
      bar.dataset.kind = alert ? kind : 'info';
      region.textContent = String(message);
      dismiss.hidden = false;
      if (!alert) timer = setTimeout(clear, 10000);
    },
    clear,
  };
}
