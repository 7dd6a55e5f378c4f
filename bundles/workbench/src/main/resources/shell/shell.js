// Boots the workbench: whoever is signed in gets the workbench, anyone else the sign-in page.
import { createApi } from './api.js';
import { showSignIn } from './sign-in.js';
import { startWorkbench } from './workbench.js';

const app = document.getElementById('app');

function signIn(message = '') {
  document.body.dataset.page = 'sign-in';
  showSignIn(app, { message, onSignedIn: (user) => open(user, false) });
}

function open(user, initial) {
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
