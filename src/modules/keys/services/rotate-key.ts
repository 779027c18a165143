import { eq } from 'drizzle-orm';
import { announceChange } from '../../../kernel/db/changes.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import { apiKeyRotatedEvent } from '../events.js';
import { apiKeys } from '../schema.js';
import { findKey } from './find-key.js';
import { type KeyView, keyEventData, presentKey } from './present.js';
import { checkScopes } from './scopes.js';
import { generateSecret, type KeyEnvironment } from './secret.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RotateKeyOptions {
  keyId: string;
  graceDays: number;
  /** The caller's permissions: rotating hands out a new secret, so the caller must hold its scopes. */
  held: ReadonlySet<string>;
  actor: Actor;
}

/**
 * A new key with the old one's app, label, scopes, expiry and rate limit; the old key keeps working
 * for `graceDays` (0 revokes it now). A revoked or already rotated key is a 409.
 */
export async function rotateKey(
  tx: TenantTx,
  options: RotateKeyOptions,
): Promise<KeyView & { secret: string }> {
  const old = await findKey(tx, options.keyId, { lock: true });
  if (old.revokedAt || old.replacedBy) {
    throw new ProblemError(
      'conflict',
      'This key is revoked or already rotated; rotate its replacement instead.',
    );
  }
  checkScopes(old.scopes, new Set(old.scopes), options.held);
  const { secret, prefix, hash } = generateSecret(old.environment as KeyEnvironment);
  const now = new Date();
  const [fresh] = await tx.db
    .insert(apiKeys)
    .values({
      id: uuidv7(),
      tenantId: tx.tenantId,
      appId: old.appId,
      environment: old.environment,
      label: old.label,
      prefix,
      secretHash: hash,
      scopes: old.scopes,
      expiresAt: old.expiresAt,
      rateLimitPerMinute: old.rateLimitPerMinute,
      createdBy: options.actor.type === 'user' ? options.actor.id : null,
    })
    .returning();
  if (!fresh) throw new Error('the key was not inserted');
  const graceUntil = new Date(now.getTime() + options.graceDays * DAY_MS);
  await tx.db
    .update(apiKeys)
    .set(
      options.graceDays === 0
        ? { revokedAt: now, replacedBy: fresh.id }
        : { graceUntil, replacedBy: fresh.id },
    )
    .where(eq(apiKeys.id, old.id));
  // Every process's key cache drops it when this commits: refused everywhere within a second.
  await announceChange(tx, 'key', old.id);
  const view = presentKey(fresh);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'api_key.rotated',
    target: { type: 'api_key', id: toPublicId('key', old.id), label: old.label },
    before: { prefix: old.prefix },
    after: { prefix: fresh.prefix, replacedBy: view.id },
    metadata: {
      graceDays: options.graceDays,
      graceUntil: options.graceDays === 0 ? null : graceUntil.toISOString(),
    },
  });
  await emitEvent(tx, {
    tenantId: tx.tenantId,
    appId: old.appId,
    type: apiKeyRotatedEvent.type,
    data: {
      ...keyEventData(view),
      replaces: toPublicId('key', old.id),
      graceUntil: options.graceDays === 0 ? null : graceUntil.toISOString(),
    },
  });
  return { ...view, secret };
}
