// The home view's Modules card for administrators: how many modules are enabled, disabled and
// failed, the failed ones named with their reason, and a link to the Modules view.
import { el, problemText } from '/shell/view-kit.js';

const RELOAD_DELAY_MS = 100;

// mount resolves once the counts are shown, so that the home view counts as rendered only then.
export async function mount(element, context) {
  context.stylesheet('modules.css');
  let timer = null;
  context.signal?.addEventListener('abort', () => clearTimeout(timer));
  const load = async () => {
    let modules;
    try {
      modules = await context.api.get('/api/v1/modules');
    } catch (error) {
      if (!context.signal?.aborted) element.replaceChildren(el('p', { class: 'error' }, `The modules could not be loaded: ${problemText(error)}`));
      return;
    }
    if (!context.signal?.aborted) element.replaceChildren(...summary(modules));
  };
  context.on('modules', () => {
    clearTimeout(timer);
    timer = setTimeout(load, RELOAD_DELAY_MS);
  });
  element.append(el('p', { class: 'muted' }, 'Loading…'));
  await load();
}

function summary(modules) {
  const count = (...states) => modules.filter((module) => states.includes(module.state)).length;
  const troubled = modules.filter((module) => module.state === 'FAILED' || module.state === 'UNRESOLVED')
    .sort((a, b) => a.id.localeCompare(b.id));
  return [
    el('dl', { class: 'modules-summary-counts' },
      el('div', {}, el('dt', {}, 'Enabled'), el('dd', {}, String(count('ENABLED')))),
      el('div', {}, el('dt', {}, 'Disabled'), el('dd', {}, String(count('DISABLED')))),
      el('div', {}, el('dt', {}, 'Failed'), el('dd', { class: troubled.length > 0 ? 'error' : null }, String(troubled.length)))),
    troubled.length > 0
      ? el('ul', { class: 'modules-summary-failed' }, troubled.map((module) => el('li', {},
        el('strong', {}, module.name || module.id), ` (${module.id}, ${module.state.toLowerCase()}): `,
        el('span', { class: 'error' }, module.reason || 'no reason given'))))
      : el('p', { class: 'muted' }, 'No module has failed.'),
    el('p', {}, el('a', { href: '#/workbench/modules' }, 'Open Modules')),
  ];
}
