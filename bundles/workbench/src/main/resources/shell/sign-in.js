// The sign-in page.
import { createApi } from './api.js';
import { fromTemplate } from './dom.js';

/**
 * Shows the sign-in page in app, with message (e.g. why the last session ended) in its alert
 * line; onSignedIn gets the user ({ username, role, institution, csrfToken }).
 */
export function showSignIn(app, { message = '', onSignedIn }) {
  const page = fromTemplate('sign-in-template');
  app.replaceChildren(page);
  document.title = 'Sign in – NADI Workbench';

  const form = page.querySelector('#sign-in');
  const username = page.querySelector('#username');
  const password = page.querySelector('#password');
  const error = page.querySelector('#sign-in-error');
  const submit = form.querySelector('button[type="submit"]');
  const api = createApi();

  error.textContent = message;
  username.focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    error.textContent = '';
    try {
      const user = await api.post('/api/v1/auth/login', { username: username.value.trim(), password: password.value });
      onSignedIn(user);
    } catch (failure) {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
      error.textContent = describe(failure);
      if (failure.status === 401) {
        password.value = '';
        password.focus();
      }
    }
  });
}

function describe(failure) {
  const seconds = Number.parseInt(failure.headers?.get('Retry-After') ?? '', 10);
  const wait = Number.isFinite(seconds) ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a moment';
  switch (failure.status) {
    case 401: return 'Wrong user name or password.';
    case 429: return `Too many failed sign-ins; try again ${wait}.`;
    case 503: return `Sign-in is busy; try again ${wait}.`;
    case 0: return 'The server could not be reached; check the connection and try again.';
    default: return `Sign-in failed: ${failure.detail || failure.title}`;
  }
}
