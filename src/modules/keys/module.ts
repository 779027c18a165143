import { defineModule } from '../../kernel/module.js';
import { KEYS_PERMISSIONS } from './contract.js';
import { keysEvents } from './events.js';
import { ipAllowlistGate, rateLimitGate } from './gateway/gates.js';
import { keyPrincipal, startGateway } from './gateway/gateway.js';
import { idempotencyLayer } from './gateway/idempotency.js';
import { notifyExpiringKeysJob } from './jobs/notify-expiring-keys.js';
import { purgeIdempotencyKeysJob } from './jobs/purge-idempotency-keys.js';
import { createKeyRoute } from './routes/create-key.js';
import { getKeyRoute } from './routes/get-key.js';
import { getMeRoute } from './routes/get-me.js';
import { listKeysRoute } from './routes/list-keys.js';
import { revokeKeyRoute } from './routes/revoke-key.js';
import { rotateKeyRoute } from './routes/rotate-key.js';
import { seedKeysDemo } from './services/seed-demo.js';

export const keysModule = defineModule({
  id: 'keys',
  title: 'API keys',
  description:
    'API keys of apps: creation, rotation with a grace period, revocation; the gateway that authenticates keys from memory, enforces IP allowlists and rate limits, and honours Idempotency-Key.',
  routes: [listKeysRoute, createKeyRoute, getKeyRoute, rotateKeyRoute, revokeKeyRoute, getMeRoute],
  jobs: [purgeIdempotencyKeysJob, notifyExpiringKeysJob],
  events: keysEvents,
  tags: [
    { name: 'API keys', description: 'Keys that let an app’s servers call the Partner API.' },
    {
      name: 'Public API',
      description:
        'The API partners’ systems call with an API key (`Authorization: Bearer atr_…`) under `/v1`. Every answer carries `RateLimit-*` headers; POSTs accept an `Idempotency-Key`.',
    },
  ],
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
  authenticators: [{ credentials: 'api_key', authenticate: keyPrincipal }],
  gates: [ipAllowlistGate, rateLimitGate],
  layers: [idempotencyLayer],
  start: startGateway,
  // After tenancy (10): the keys belong to its demo apps.
  demo: { order: 30, seed: seedKeysDemo },
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
