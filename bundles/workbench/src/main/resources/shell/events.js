// The live updates: GET /api/v1/workbench/events, a server-sent event stream.

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;

/**
 * Passes each event's parsed data to handlers[event name] ("workbench", "modules"). The browser
 * reconnects by itself after a network error; when it gives up (the stream answered an error,
 * e.g. 401), sessionAlive() is asked: false means the session ended and the shell has signed
 * out, so nothing more is done; otherwise the stream is opened again after a growing pause.
 */
export function connectEvents(handlers, sessionAlive) {
  let source = null;
  let timer = null;
  let retry = FIRST_RETRY_MS;
  let stopped = false;

  function open() {
    source = new EventSource('/api/v1/workbench/events');
    source.addEventListener('open', () => {
      retry = FIRST_RETRY_MS;
    });
    for (const [name, handle] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch (error) {
          console.error(`NADI workbench: unreadable "${name}" event`, error);
          return;
        }
        handle(data);
      });
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) recover();
    });
  }

  async function recover() {
    source.close();
    const alive = await sessionAlive();
    if (stopped || !alive) return;
    timer = setTimeout(open, retry);
    retry = Math.min(retry * 2, LONGEST_RETRY_MS);
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      source.close();
    },
  };
}
