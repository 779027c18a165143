import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import type { KeyIntrospectionSchema } from '../contract.js';
import { keyOfPrincipal } from './gateway.js';

type KeyIntrospection = z.infer<typeof KeyIntrospectionSchema>;

const iso = (epoch: number | null) => (epoch === null ? null : new Date(epoch).toISOString());

/** What `/v1/me` answers: the calling key from the gateway's cache, no query. */
export function introspectKey(c: Context<AppEnv>): KeyIntrospection {
  const principal = c.get('principal');
  const key = principal && keyOfPrincipal(c.env.services, principal);
  const window = c.get('rateWindow');
  if (!key || !window) throw new Error('/v1/me reached without a key principal and its rate-limit window');
  const { record } = key;
  return {
    id: principal.id,
    label: record.label,
    prefix: record.prefix,
    environment: record.environment,
    scopes: [...record.scopes],
    status: record.graceUntil === null ? 'active' : 'grace',
    expiresAt: iso(record.expiresAt),
    graceUntil: iso(record.graceUntil),
    app: { id: key.publicIds.app, name: record.appName },
    tenant: { id: key.publicIds.tenant, name: record.tenantName },
    rateLimit: {
      scope: window.scope,
      limit: window.limit,
      remaining: window.remaining,
      resetSeconds: window.resetSeconds,
      windowSeconds: window.windowSeconds,
    },
  };
}
