import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { webhookEndpoints } from '../schema.js';
import { findEndpoint } from './find-endpoint.js';
import { auditedEndpoint } from './present.js';

/** Deletes an endpoint with its messages and attempts, audited with what it was. */
export async function deleteEndpoint(
  tx: TenantTx,
  options: { endpointId: string; actor: Actor },
): Promise<void> {
  const row = await findEndpoint(tx, options.endpointId, { lock: true });
  await tx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.deleted',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', row.id), label: row.url },
    before: auditedEndpoint(row),
  });
}
