// Boots the workbench: whoever is signed in gets the workbench, anyone else the sign-in page.
// Who is signed in is asked at once; the page's other modules load meanwhile (index.html
// preloads them) and are imported when the answer says which are needed.
import { createApi } from './api.js';

const app = document.getElementById('app');

async function signIn(message = '') {
  const { showSignIn } = await import('./sign-in.js');
  document.body.dataset.page = 'sign-in';
  showSignIn(app, { message, onSignedIn: (user) => open(user, false) });
}

async function open(user, initial) {
  const { startWorkbench } = await import('./workbench.js');
  document.body.dataset.page = 'workbench';
  startWorkbench(app, user, { initial, onSignedOut: signIn });
}

// The skip link moves the focus itself, so its "#view" never becomes a route.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.querySelector('#view-title, #username')?.focus();
});

createApi().get('/api/v1/auth/me').then(
  (user) => open(user, true),
  (error) => signIn(error.status === 401 ? '' : `The workbench could not start: ${error.message}`));
