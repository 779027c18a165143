import { eq } from 'drizzle-orm';
import { announceChange } from '../../../kernel/db/changes.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import { apiKeyRevokedEvent } from '../events.js';
import { apiKeys } from '../schema.js';
import { findKey } from './find-key.js';
import { type KeyView, keyEventData, presentKey } from './present.js';

/** Refuses the key from now on, audited. Revoking a revoked key changes nothing and writes no event. */
export async function revokeKey(tx: TenantTx, keyId: string, actor: Actor): Promise<KeyView> {
  const row = await findKey(tx, keyId, { lock: true });
  if (row.revokedAt) return presentKey(row);
  const [revoked] = await tx.db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(eq(apiKeys.id, row.id))
    .returning();
  if (!revoked) throw new Error('the key vanished');
  // Every process's key cache drops it when this commits: refused everywhere within a second.
  await announceChange(tx, 'key', row.id);
  await recordAudit(tx, tx.tenantId, actor, {
    action: 'api_key.revoked',
    target: { type: 'api_key', id: toPublicId('key', row.id), label: row.label },
    before: { prefix: row.prefix },
    metadata: {},
  });
  const view = presentKey(revoked);
  await emitEvent(tx, {
    tenantId: tx.tenantId,
    appId: row.appId,
    type: apiKeyRevokedEvent.type,
    data: keyEventData(view),
  });
  return view;
}
