import { defineModule } from '../../kernel/module.js';
import { getCurrentUserRoute } from './routes/get-current-user.js';
import { AUTH_BASE_PATH } from './services/auth.js';
import { handleAuthRequest } from './services/handle-auth-request.js';

export const identityModule = defineModule({
  id: 'identity',
  title: 'Identity',
  description: 'Users, passwords and sessions (better-auth).',
  routes: [getCurrentUserRoute],
  tags: [{ name: 'Identity', description: 'The signed-in user and their sessions.' }],
  // better-auth serves its own sign-up, sign-in, sign-out and verification endpoints.
  handlers: [{ methods: ['GET', 'POST'], path: `${AUTH_BASE_PATH}/*`, handle: (c) => handleAuthRequest(c) }],
});
