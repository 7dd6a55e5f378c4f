// The administrators' Modules view: every module with its state and the actions that change
// it, installing a jar, the dependency graph, and the recent module actions from the audit
// trail. It reloads itself when the shell reports that modules changed.
import { el, problemText, timeElement } from '/shell/view-kit.js';
import { drawModuleGraph, enabledDependents, missingRequirements, stateWord } from './module-graph.js';

const MODULES = '/api/v1/modules';
const AUDIT = '/api/v1/audit?entity=module&limit=20';
// A cascade changes several modules at once, each with its own event: reload once for the burst.
const RELOAD_DELAY_MS = 100;
// What uninstall answers when the administrator closed the keep-or-drop question without choosing.
const CANCELLED = Symbol('cancelled');

export function mount(element, context) {
  context.stylesheet('modules.css');
  const view = new ModulesView(element, context);
  view.reload();
  context.on('modules', () => view.reloadSoon());
  // After the shell has put the view on the page.
  if (context.params.install === 'true') requestAnimationFrame(() => view.focusFileChooser());
  return () => view.close();
}

/** A module's name and id, as confirmations list it. */
function label(module) {
  return module.name && module.name !== module.id ? `${module.name} (${module.id})` : module.id;
}

function capitalised(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

class ModulesView {
  constructor(element, context) {
    this.context = context;
    this.api = context.api;
    this.modules = [];
    this.busy = false;
    this.installing = false;
    this.reloadTimer = null;
    // The module and action whose button had the focus when an action started, to find it again after.
    this.lastAction = null;
    this.loading = null;
    // What is on the page, as JSON: an answer that is the same is not drawn again, so the
    // buttons under the user's pointer or focus stay the same elements.
    this.shownModules = null;
    this.shownAudit = null;

    this.tableBody = el('tbody');
    this.tableHeading = el('h2', { id: 'modules-heading', tabindex: '-1' }, 'Installed modules');
    this.tableMessage = el('p', { class: 'muted' }, 'Loading the modules…');
    this.fileInput = el('input', {
      id: 'module-file', type: 'file', accept: '.jar', 'aria-describedby': 'module-install-status',
      onchange: () => this.install(this.fileInput.files[0]),
    });
    this.installStatus = el('p', { id: 'module-install-status', role: 'status', class: 'muted' },
      'Choose a module jar, or drag one onto this area. It is installed and enabled at once.');
    this.dropZone = el('div', { id: 'module-drop', class: 'module-drop' },
      el('label', { for: 'module-file' }, 'Module jar to install'),
      this.fileInput,
      this.installStatus);
    this.graphArea = el('div', {
      class: 'module-graph-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'module-graph-heading',
    });
    this.auditList = el('ol', { id: 'module-audit', class: 'module-audit' });
    this.auditMessage = el('p', { class: 'muted' }, 'Loading the recent actions…');

    this.listenForDrops();
    element.append(
      el('section', { class: 'modules-section', 'aria-labelledby': 'modules-heading' },
        this.tableHeading,
        this.tableMessage,
        el('div', { class: 'table-scroll' },
          el('table', { class: 'table table-stacked modules-table', 'aria-labelledby': 'modules-heading' },
            el('thead', {}, el('tr', {},
              el('th', { scope: 'col' }, 'Module'),
              el('th', { scope: 'col' }, 'State'),
              el('th', { scope: 'col' }, 'Version'),
              el('th', { scope: 'col' }, 'Vendor'),
              el('th', { scope: 'col' }, 'Actions'))),
            this.tableBody))),
      el('section', { class: 'card modules-section', 'aria-labelledby': 'module-install-heading' },
        el('h2', { id: 'module-install-heading' }, 'Install a module'),
        this.dropZone),
      el('section', { class: 'modules-section', 'aria-labelledby': 'module-graph-heading' },
        el('h2', { id: 'module-graph-heading' }, 'Dependencies'),
        el('p', { class: 'muted' }, 'Each arrow points from a module to a module it requires. Disabled modules are grey with a dashed border; failed ones have a red border and say "failed".'),
        this.graphArea),
      el('section', { class: 'modules-section', 'aria-labelledby': 'module-audit-heading' },
        el('h2', { id: 'module-audit-heading' }, 'Recent module actions'),
        this.auditMessage,
        this.auditList));
  }

  get closed() {
    return this.context.signal?.aborted ?? false;
  }

  close() {
    clearTimeout(this.reloadTimer);
    document.getElementById('module-data-choice')?.close();
  }

  focusFileChooser() {
    this.fileInput.focus();
    this.dropZone.scrollIntoView({ block: 'center' });
  }

  reloadSoon() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
  }

  /** Loads the modules and the audit trail and shows them; a reload asked for meanwhile runs after it. */
  async reload() {
    if (this.loading) {
      this.loading.then(() => this.reloadSoon());
      return this.loading;
    }
    this.loading = Promise.all([this.loadModules(), this.loadAudit()]).finally(() => { this.loading = null; });
    return this.loading;
  }

  async loadModules() {
    let modules;
    try {
      modules = await this.api.get(MODULES);
    } catch (error) {
      if (this.closed) return;
      this.tableMessage.className = 'error';
      this.tableMessage.textContent = `The modules could not be loaded: ${problemText(error)}`;
      this.tableMessage.hidden = false;
      this.shownModules = null;
      return;
    }
    if (this.closed) return;
    const shown = JSON.stringify(modules);
    if (shown === this.shownModules) return;
    this.shownModules = shown;
    this.modules = [...modules].sort((a, b) => a.id.localeCompare(b.id));
    this.tableMessage.hidden = this.modules.length > 0;
    this.tableMessage.className = 'muted';
    this.tableMessage.textContent = 'No modules are installed.';
    this.renderTable();
    this.graphArea.replaceChildren(drawModuleGraph(this.modules));
  }

  renderTable() {
    // Keep the keyboard user's place: the same button of the same module, if it is still there
    // (the focus may have gone to the page while a confirmation dialog was open).
    const focused = document.activeElement;
    const inTable = this.tableBody.contains(focused);
    const lost = !focused || focused === document.body;
    const focusedRow = inTable ? focused.closest('tr')?.dataset.module : lost ? this.lastAction?.id : null;
    const focusedAction = inTable ? focused.dataset.action : this.lastAction?.action;
    this.lastAction = null;

    this.tableBody.replaceChildren(...this.modules.map((module) => this.row(module)));

    if (focusedRow) {
      const row = this.tableBody.querySelector(`tr[data-module="${CSS.escape(focusedRow)}"]`);
      const target = row?.querySelector(`button[data-action="${focusedAction}"]:not([disabled])`)
        ?? row?.querySelector('button');
      (target ?? this.tableHeading).focus();
    }
  }

  row(module) {
    const word = stateWord(module.state);
    const actions = [];
    if (!module.core) {
      if (module.state === 'ENABLED') actions.push(this.actionButton(module, 'disable', 'Disable', ''));
      if (module.state === 'DISABLED' || module.state === 'FAILED') actions.push(this.actionButton(module, 'enable', 'Enable', 'button-primary'));
      actions.push(this.actionButton(module, 'uninstall', 'Uninstall', 'button-danger'));
    }
    return el('tr', { 'data-module': module.id },
      el('td', { 'data-label': 'Module' },
        el('span', { class: 'module-name' }, module.name || module.id), ' ',
        module.core ? el('span', { class: 'module-badge', title: 'A core module: it cannot be disabled or uninstalled' }, 'core') : null,
        el('div', { class: 'muted module-id' }, module.id),
        module.description ? el('div', { class: 'module-description', title: module.description }, module.description) : null),
      el('td', { 'data-label': 'State', 'data-field': 'state', 'data-state': module.state },
        el('span', { class: `module-state module-state-${word}` }, capitalised(word)),
        module.reason ? el('div', { class: module.state === 'FAILED' || module.state === 'UNRESOLVED' ? 'error module-reason' : 'muted module-reason' }, module.reason) : null),
      el('td', { 'data-label': 'Version' }, module.version ?? ''),
      el('td', { 'data-label': 'Vendor' }, module.vendor || el('span', { class: 'muted' }, '—')),
      el('td', { 'data-label': 'Actions', class: 'module-actions' },
        actions.length > 0 ? actions : el('span', { class: 'muted' }, 'Core module')));
  }

  actionButton(module, action, text, className) {
    return el('button', {
      type: 'button', class: className || null, 'data-action': action,
      'aria-label': `${text} ${module.name || module.id}`,
      onclick: () => this.act(module.id, action),
    }, text);
  }

  // The buttons stay enabled while an action runs (disabling them would drop the keyboard focus);
  // a second action is ignored until the first is done.
  setBusy(busy) {
    this.busy = busy;
    this.tableBody.closest('table').setAttribute('aria-busy', String(busy));
  }

  /** Enable, disable or uninstall, after the administrator confirmed the list of modules affected. */
  async act(id, action) {
    const module = this.modules.find((candidate) => candidate.id === id);
    if (!module || this.busy) return;
    const plan = this.plan(module, action);
    this.setBusy(true);
    let ran = false;
    try {
      const confirmed = await this.context.confirm(plan.question);
      if (!confirmed || this.closed) return;
      ran = true;
      this.lastAction = { id, action };
      const answer = await plan.run();
      this.context.notify(answer === CANCELLED ? `${plan.failed}: you cancelled.` : plan.done);
    } catch (error) {
      if (!this.closed) this.context.notify(`${plan.failed}: ${problemText(error)}`, 'error');
    } finally {
      if (!this.closed) {
        this.setBusy(false);
        if (ran) await this.reload();
      }
    }
  }

  plan(module, action) {
    const path = `${MODULES}/${encodeURIComponent(module.id)}`;
    const name = module.name || module.id;
    if (action === 'enable') {
      const needed = missingRequirements(this.modules, module.id);
      return {
        question: {
          title: `Enable ${name}?`,
          message: needed.length > 0
            ? `${name} needs modules that are not enabled; they are enabled with it:`
            : `${name} starts, and its views and services come back.`,
          items: [label(module), ...needed.map((other) => `${label(other)}: ${stateWord(other.state)} now`)],
          confirmLabel: needed.length > 0 ? `Enable ${needed.length + 1} modules` : 'Enable',
        },
        run: () => this.api.post(`${path}/enable`),
        done: `Enabled ${name}.`,
        failed: `${name} was not enabled`,
      };
    }
    const dependents = enabledDependents(this.modules, module.id);
    if (action === 'disable') {
      return {
        question: {
          title: `Disable ${name}?`,
          message: dependents.length > 0
            ? `These modules stop: ${name} and the enabled modules that need it. Their views and services go away until they are enabled again.`
            : `${name} stops: its views and services go away until it is enabled again.`,
          items: [label(module), ...dependents.map(label)],
          confirmLabel: dependents.length > 0 ? `Disable ${dependents.length + 1} modules` : 'Disable',
          danger: true,
        },
        // Cascade only over the dependents the administrator saw: one that appeared since is refused (409), not disabled.
        run: () => this.api.post(`${path}/disable${dependents.length > 0 ? '?cascade=true' : ''}`),
        done: `Disabled ${name}${dependents.length > 0 ? ` and ${dependents.length} more` : ''}.`,
        failed: `${name} was not disabled`,
      };
    }
    return {
      question: {
        title: `Uninstall ${name}?`,
        message: dependents.length > 0
          ? `${name} is removed from the runtime, and the enabled modules that need it are disabled:`
          : `${name} is removed from the runtime.`,
        items: [label(module), ...dependents.map((other) => `${label(other)}: disabled`)],
        confirmLabel: 'Uninstall',
        danger: true,
      },
      run: () => this.uninstall(module, path, dependents.length > 0),
      done: `Uninstalled ${name}.`,
      failed: `${name} was not uninstalled`,
    };
  }

  /** Uninstalls; if the module has data, asks whether to keep or drop it and tries again. */
  async uninstall(module, path, cascade) {
    const query = cascade ? ['cascade=true'] : [];
    try {
      return await this.api.delete(`${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
    } catch (error) {
      if (!asksForDataChoice(error)) throw error;
      const choice = await this.askDataChoice(module, error.detail);
      if (!choice) return CANCELLED;
      return this.api.delete(`${path}?${[...query, `data=${choice}`].join('&')}`);
    }
  }

  /** A small dialog: keep the module's data for a later installation, or drop it. Resolves 'keep', 'drop' or null. */
  askDataChoice(module, detail) {
    const name = module.name || module.id;
    const dialog = el('dialog', {
      id: 'module-data-choice', class: 'module-data-choice',
      'aria-labelledby': 'module-data-choice-title', 'aria-describedby': detail ? 'module-data-choice-detail' : null,
    },
      el('form', { method: 'dialog' },
        el('h2', { id: 'module-data-choice-title' }, `${name} has data`),
        detail ? el('p', { id: 'module-data-choice-detail' }, detail) : null,
        el('fieldset', {},
          el('legend', {}, 'What happens to its data?'),
          el('div', { class: 'module-data-option' },
            el('input', { type: 'radio', name: 'data', value: 'keep', id: 'module-data-keep', checked: true }),
            el('label', { for: 'module-data-keep' }, 'Keep it, for a later installation of the module')),
          el('div', { class: 'module-data-option' },
            el('input', { type: 'radio', name: 'data', value: 'drop', id: 'module-data-drop' }),
            el('label', { for: 'module-data-drop' }, 'Drop it with the module (it cannot be recovered)'))),
        el('div', { class: 'module-data-choice-actions' },
          el('button', { type: 'submit', value: 'cancel' }, 'Cancel'),
          el('button', { type: 'submit', value: 'uninstall', class: 'button-danger' }, 'Uninstall'))));
    document.body.append(dialog);
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => {
        const choice = dialog.returnValue === 'uninstall' ? dialog.querySelector('input[name="data"]:checked').value : null;
        dialog.remove();
        resolve(choice);
      });
      dialog.showModal();
    });
  }

  listenForDrops() {
    const zone = this.dropZone;
    const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    zone.addEventListener('dragover', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('module-drop-active');
    });
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget)) zone.classList.remove('module-drop-active');
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('module-drop-active');
      this.install(event.dataTransfer.files[0]);
    });
  }

  setInstallStatus(kind, ...content) {
    this.installStatus.className = kind;
    this.installStatus.replaceChildren(...content);
  }

  async install(file) {
    if (!file || this.installing) return;
    if (!file.name.toLowerCase().endsWith('.jar')) {
      this.setInstallStatus('error', `${file.name} is not a jar: choose a module's .jar file.`);
      return;
    }
    this.installing = true;
    this.dropZone.setAttribute('aria-busy', 'true');
    this.setInstallStatus('muted module-install-busy',
      el('progress', { 'aria-label': `Installing ${file.name}` }), ` Installing ${file.name} (${sizeOf(file.size)})…`);
    try {
      const module = await this.api.upload(MODULES, file);
      if (this.closed) return;
      const word = stateWord(module.state);
      this.setInstallStatus('module-install-done',
        'Installed ', el('strong', {}, module.name || module.id), ` (${module.id}) ${module.version ?? ''}: ${word}.`,
        module.reason ? ` ${module.reason}` : '');
      this.context.notify(`Installed ${module.name || module.id}.`);
      await this.reload();
    } catch (error) {
      if (this.closed) return;
      this.setInstallStatus('error', `${file.name} was not installed: ${problemText(error)}`);
    } finally {
      this.installing = false;
      this.dropZone.removeAttribute('aria-busy');
      this.fileInput.value = '';
    }
  }

  async loadAudit() {
    let page;
    try {
      page = await this.api.get(AUDIT);
    } catch (error) {
      if (this.closed) return;
      this.auditMessage.className = 'error';
      this.auditMessage.textContent = `The recent actions could not be loaded: ${problemText(error)}`;
      this.auditMessage.hidden = false;
      this.shownAudit = null;
      return;
    }
    if (this.closed) return;
    const entries = page?.entries ?? [];
    const shown = JSON.stringify(entries);
    if (shown === this.shownAudit) return;
    this.shownAudit = shown;
    this.auditMessage.className = 'muted';
    this.auditMessage.textContent = 'No module has been changed yet.';
    this.auditMessage.hidden = entries.length > 0;
    this.auditList.replaceChildren(...entries.map(auditItem));
  }
}

/** The uninstall was refused only because the module has data and no keep-or-drop choice was sent. */
function asksForDataChoice(error) {
  return error?.body?.type === 'urn:nadi:problem:module-data-choice-required';
}

function sizeOf(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The audit trail keeps a module's state before and after as JSON text ({state, version}). */
function summary(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { state: text };
  }
}

/** What happened to the module, read from its state before and after. */
function whatHappened(before, after) {
  if (!before && after) return 'installed';
  if (before && !after) return 'uninstalled';
  if (before?.version && after?.version && before.version !== after.version) return 'updated';
  if (before?.state !== after?.state && after?.state === 'ENABLED') return 'enabled';
  if (before?.state !== after?.state && after?.state === 'DISABLED') return 'disabled';
  return 'changed';
}

/** A state before or after, with its version when the action changed the version. */
function describeState(summaryOf, withVersion) {
  if (!summaryOf) return 'not installed';
  return [summaryOf.state ? stateWord(summaryOf.state) : null, withVersion ? summaryOf.version : null].filter(Boolean).join(' ');
}

function auditItem(entry) {
  const before = summary(entry.before);
  const after = summary(entry.after);
  const versioned = before?.version !== after?.version;
  return el('li', {},
    timeElement(entry.at), ' ',
    el('span', { class: 'audit-actor' }, entry.actor || 'someone'), ` ${whatHappened(before, after)} `,
    el('strong', {}, entry.entityId || entry.module || 'a module'),
    `: ${describeState(before, versioned)} → ${describeState(after, versioned)} `,
    el('span', { class: 'muted' }, `(${entry.action})`));
}
