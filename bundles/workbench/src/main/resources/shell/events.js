// The live updates: GET /api/v1/workbench/events, a server-sent event stream.
//
// Each open stream holds one of the browser's six HTTP/1.1 connections to the host, so the tabs
// share one: the tab holding the Web Lock below (the leader) opens the stream and forwards its
// events to the other tabs (followers) over a BroadcastChannel of the same name. All tabs share
// the session cookie, hence the user and the events. When the leader goes, its lock is released
// and a follower takes it; that tab's new stream starts with the current contributions.

const SHARED = 'nadi-workbench-events';
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;

/**
 * Passes each event's parsed data to handlers[event name] ("workbench", "modules"). The stream
 * reconnects by itself after a network error; when it gives up (the stream answered an error,
 * e.g. 401), sessionAlive() is asked: false means the session ended and the shell has signed
 * out, so nothing more is done; otherwise the stream is opened again after a growing pause.
 *
 * A follower is not sent the stream's first event, only the changes after it joined: the caller
 * loads the current contributions itself (workbench.js GETs /api/v1/workbench after this call,
 * so no change falls between). Where Web Locks (secure contexts only) or BroadcastChannel are
 * missing, every tab opens its own stream.
 *
 * Test hook: body[data-events-role] is "leader", "follower" or "single" (a stream of its own).
 */
export function connectEvents(handlers, sessionAlive) {
  const names = Object.keys(handlers);
  let stopped = false;

  function deliver(name, text) {
    if (stopped || !handlers[name]) return;
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      console.error(`NADI workbench: unreadable "${name}" event`, error);
      return;
    }
    handlers[name](data);
  }

  if (!navigator.locks || typeof BroadcastChannel !== 'function') {
    setRole('single');
    const stream = openStream(names, deliver, sessionAlive);
    return {
      close() {
        stopped = true;
        stream.close();
        setRole(null);
      },
    };
  }

  const channel = new BroadcastChannel(SHARED);
  const waiting = new AbortController();
  let stream = null;
  let resign = null;
  channel.addEventListener('message', ({ data: message }) => {
    if (stopped) return;
    if (message.type === 'event') deliver(message.name, message.data);
    // Checked, not believed: a tab may have signed in again meanwhile.
    else if (message.type === 'session-ended') sessionAlive();
  });
  setRole('follower');
  navigator.locks.request(SHARED, { signal: waiting.signal }, () => {
    if (stopped) return undefined;
    setRole('leader');
    stream = openStream(names, (name, text) => {
      deliver(name, text);
      channel.postMessage({ type: 'event', name, data: text });
    }, sessionAlive, announceSessionEnded);
    // The lock is held until this settles: until close(), or the tab goes.
    return new Promise((resolve) => {
      resign = resolve;
    });
  }).catch((error) => {
    if (error.name !== 'AbortError') console.error('NADI workbench: no lock for the shared event stream', error);
  });

  return {
    close() {
      stopped = true;
      waiting.abort();
      stream?.close();
      resign?.();
      channel.close();
      setRole(null);
    },
  };
}

/** Opens the stream; onSessionEnded() is called when it gave up because the session ended. */
function openStream(names, deliver, sessionAlive, onSessionEnded = () => {}) {
  let source = null;
  let timer = null;
  let retry = FIRST_RETRY_MS;
  let stopped = false;

  function open() {
    source = new EventSource('/api/v1/workbench/events');
    source.addEventListener('open', () => {
      retry = FIRST_RETRY_MS;
    });
    for (const name of names) {
      source.addEventListener(name, (event) => deliver(name, event.data));
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) recover();
    });
  }

  async function recover() {
    source.close();
    const alive = await sessionAlive();
    if (!alive) onSessionEnded();
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

/**
 * Tells the other tabs that the session ended (it is shared by them all), so that they show the
 * sign-in page at once instead of at the server's next check of their stream. The shell may
 * have closed its channel by then, so this uses one of its own.
 */
export function announceSessionEnded() {
  const channel = new BroadcastChannel(SHARED);
  channel.postMessage({ type: 'session-ended' });
  channel.close();
}

function setRole(role) {
  if (role) document.body.dataset.eventsRole = role;
  else delete document.body.dataset.eventsRole;
}
