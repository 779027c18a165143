import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { findApp } from '../../tenancy/index.js';
import { emitEvent } from '../../webhooks/index.js';
import { apiKeyCreatedEvent } from '../events.js';
import { apiKeys } from '../schema.js';
import { auditedKey, type KeyView, keyEventData, presentKey } from './present.js';
import { generateSecret, type KeyEnvironment } from './secret.js';

export interface CreateKeyOptions {
  appId: string;
  label: string;
  scopes: string[];
  expiresAt?: string;
  rateLimitPerMinute?: number;
  actor: Actor;
}

/** A new key for one of the tenant's apps, audited; the secret is in the answer, and only there. */
export async function createKey(
  tx: TenantTx,
  options: CreateKeyOptions,
): Promise<KeyView & { secret: string }> {
  if (options.expiresAt && new Date(options.expiresAt) <= new Date()) {
    const message = 'The expiry must be in the future.';
    throw new ProblemError('validation_failed', `body.expiresAt: ${message}`, {
      errors: [{ path: 'body.expiresAt', message }],
    });
  }
  const { row: app } = await findApp(tx, options.appId);
  const environment = app.environment as KeyEnvironment;
  const { secret, prefix, hash } = generateSecret(environment);
  const [row] = await tx.db
    .insert(apiKeys)
    .values({
      id: uuidv7(),
      tenantId: tx.tenantId,
      appId: app.id,
      environment,
      label: options.label,
      prefix,
      secretHash: hash,
      scopes: [...new Set(options.scopes)],
      expiresAt: options.expiresAt ? new Date(options.expiresAt) : null,
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
      createdBy: options.actor.type === 'user' ? options.actor.id : null,
    })
    .returning();
  if (!row) throw new Error('the key was not inserted');
  const view = presentKey(row);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'api_key.created',
    target: { type: 'api_key', id: view.id, label: row.label },
    after: auditedKey(row),
    metadata: { app: { id: view.appId, name: app.name } },
  });
  await emitEvent(tx, {
    tenantId: tx.tenantId,
    appId: app.id,
    type: apiKeyCreatedEvent.type,
    data: keyEventData(view),
  });
  return { ...view, secret };
}
