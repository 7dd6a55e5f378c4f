// Mounts a view's or a widget's script and gives it its context (docs/extending.md, section 3).
import { h } from './dom.js';

/**
 * Imports contribution.script and calls its mount(element, context). shell holds what every
 * context shares: api, user, navigate, notify, confirm and subscribe(event, handler).
 * Returns { settled, close }: settled resolves once mount has returned (or failed), close()
 * unmounts: it calls the function mount returned, aborts context.signal, and removes the
 * contribution's stylesheets and subscriptions.
 */
export function mountContribution({ element, contribution, params = {}, shell, kind }) {
  const controller = new AbortController();
  const stylesheets = new Set();
  const subscriptions = new Set();
  const folder = new URL(`/modules/${contribution.module}/`, location.href);
  let unmount = null;
  let closed = false;

  const context = {
    api: shell.api,
    user: shell.user,
    params: Object.freeze({ ...params }),
    navigate: shell.navigate,
    notify: shell.notify,
    confirm: shell.confirm,
    signal: controller.signal,
    on(event, handler) {
      const off = shell.subscribe(event, handler);
      subscriptions.add(off);
      return () => {
        off();
        subscriptions.delete(off);
      };
    },
    /** Adds a stylesheet of the module's web folder; resolves when it has loaded (or failed). */
    stylesheet(file) {
      if (closed) return Promise.resolve(null);
      const link = h('link', { rel: 'stylesheet', href: new URL(file, folder).href });
      const loaded = new Promise((resolve) => {
        link.addEventListener('load', () => resolve(link));
        link.addEventListener('error', () => resolve(link));
      });
      stylesheets.add(link);
      document.head.append(link);
      return loaded;
    },
  };

  const settled = (async () => {
    try {
      const module = await import(contribution.script);
      if (closed) return;
      if (typeof module.mount !== 'function') throw new Error(`${contribution.script} does not export mount().`);
      const result = await module.mount(element, context);
      if (typeof result !== 'function') return;
      if (closed) runQuietly(result);
      else unmount = result;
    } catch (error) {
      console.error(`NADI workbench: ${kind} ${contribution.key} failed`, error);
      if (!closed) {
        element.replaceChildren(h('p', { class: 'error contribution-error' },
          `This ${kind} could not be shown: ${error?.message || error}`));
      }
    }
  })();

  function close() {
    if (closed) return;
    closed = true;
    controller.abort();
    if (unmount) runQuietly(unmount);
    for (const off of subscriptions) off();
    for (const link of stylesheets) link.remove();
  }

  return { settled, close };
}

/** A view's clean-up that throws must not keep the shell from opening the next one. */
function runQuietly(callback) {
  try {
    callback();
  } catch (error) {
    console.error('NADI workbench: a view failed to unmount', error);
  }
}
