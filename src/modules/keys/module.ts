import { defineModule } from '../../kernel/module.js';
import { KEYS_PERMISSIONS } from './contract.js';
import { createKeyRoute } from './routes/create-key.js';
import { getKeyRoute } from './routes/get-key.js';
import { listKeysRoute } from './routes/list-keys.js';
import { revokeKeyRoute } from './routes/revoke-key.js';
import { rotateKeyRoute } from './routes/rotate-key.js';
import { keyPrincipal } from './services/key-principal.js';

export const keysModule = defineModule({
  id: 'keys',
  title: 'API keys',
  description:
    'API keys of apps: creation, rotation with a grace period, revocation, and authentication by key.',
  routes: [listKeysRoute, createKeyRoute, getKeyRoute, rotateKeyRoute, revokeKeyRoute],
  tags: [{ name: 'API keys', description: 'Keys that let an app’s servers call the Partner API.' }],
  permissions: [
    {
      name: KEYS_PERMISSIONS.keysRead,
      description: 'See API keys (never their secrets).',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst', 'viewer'],
    },
    {
      name: KEYS_PERMISSIONS.keysWrite,
      description: 'Create, rotate and revoke API keys, with at most the permissions you hold.',
      defaultRoles: ['owner', 'admin', 'developer'],
    },
  ],
  authenticators: [keyPrincipal],
  nav: [
    {
      section: { id: 'build', title: 'Build', order: 20 },
      id: 'keys',
      title: 'API keys',
      path: '/keys',
      icon: 'key-round',
      description: 'Your apps’ API keys: create, rotate and revoke them.',
      order: 30,
      permission: KEYS_PERMISSIONS.keysRead,
    },
  ],
});
