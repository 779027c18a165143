import { defineModule } from '../../kernel/module.js';
import { getCurrentUserRoute } from './routes/get-current-user.js';
import { AUTH_BASE_PATH } from './services/auth.js';
import { AUTH_TAG } from './services/auth-openapi.js';
import { handleAuthRequest } from './services/handle-auth-request.js';

export const identityModule = defineModule({
  id: 'identity',
  title: 'Identity',
  description: 'Users, passwords, two-factor authentication, magic links and sessions (better-auth).',
  routes: [getCurrentUserRoute],
  tags: [
    { name: 'Identity', description: 'The signed-in user and their sessions.' },
    {
      name: AUTH_TAG,
      description:
        'Sign-up, sign-in (password, TOTP second step, magic link), sign-out, email verification, password reset, two-factor set-up and sessions, served by better-auth. Errors are problem+json with better-auth’s code as `reason`; sign-in sets the session cookie.',
    },
  ],
  // better-auth serves its own sign-up, sign-in, two-factor, magic-link and password endpoints.
  // Who is calling is the access module's business (its authenticator uses getSessionUser).
  handlers: [{ methods: ['GET', 'POST'], path: `${AUTH_BASE_PATH}/*`, handle: handleAuthRequest }],
});
