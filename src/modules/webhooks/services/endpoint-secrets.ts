import { eq, sql } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { webhookEndpoints } from '../schema.js';
import { endpointSecretBox, generateEndpointSecret } from './endpoint-secret.js';
import { findEndpoint, viewEndpoint } from './find-endpoint.js';
import type { EndpointView } from './present.js';

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/**
 * A new signing secret; the old one signs alongside it for 24 hours (deliveries carry both
 * signatures), so receivers can switch without losing a delivery.
 */
export async function rotateEndpointSecret(
  services: AppServices,
  tx: TenantTx,
  options: { endpointId: string; actor: Actor; now?: Date },
): Promise<EndpointView & { secret: string }> {
  const current = await findEndpoint(tx, options.endpointId, { lock: true });
  const now = options.now ?? new Date();
  const secret = generateEndpointSecret();
  const expires = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  const [row] = await tx.db
    .update(webhookEndpoints)
    .set({
      secret: endpointSecretBox(services.config).seal(secret),
      previousSecret: current.secret,
      previousSecretExpiresAt: expires,
      updatedAt: sql`now()`,
    })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  if (!row) throw new Error('the endpoint vanished inside its own transaction');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.secret_rotated',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', row.id), label: row.url },
    metadata: { previousSecretExpiresAt: expires.toISOString() },
  });
  return { ...(await viewEndpoint(tx, row)), secret };
}

/** The endpoint's secrets in clear; the reveal itself is audited. */
export async function revealEndpointSecret(
  services: AppServices,
  tx: TenantTx,
  options: { endpointId: string; actor: Actor },
) {
  const row = await findEndpoint(tx, options.endpointId);
  const box = endpointSecretBox(services.config);
  const previousValid =
    row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.secret_revealed',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', row.id), label: row.url },
  });
  return {
    secret: box.open(row.secret),
    previousSecret: previousValid && row.previousSecret ? box.open(row.previousSecret) : null,
    previousSecretExpiresAt: previousValid ? (row.previousSecretExpiresAt?.toISOString() ?? null) : null,
  };
}
