import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { findApp } from '../../tenancy/index.js';
import { webhookEndpoints } from '../schema.js';
import { checkEndpointFields, checkEndpointUrl } from './endpoint-input.js';
import { endpointSecretBox, generateEndpointSecret } from './endpoint-secret.js';
import { auditedEndpoint, type EndpointView, presentEndpoint } from './present.js';

export interface CreateEndpointOptions {
  appId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  headers: Record<string, string>;
  rateLimitPerSecond?: number | null | undefined;
  actor: Actor;
}

/** A new endpoint of one of the tenant's apps, audited; its secret is in the answer, and only there. */
export async function createEndpoint(
  services: AppServices,
  tx: TenantTx,
  options: CreateEndpointOptions,
): Promise<EndpointView & { secret: string }> {
  const { row: app } = await findApp(tx, options.appId);
  checkEndpointFields(services, options);
  const url = await checkEndpointUrl(services, options.url, app.environment);
  return storeEndpoint(services, tx, app, { ...options, url });
}

/**
 * Stores an endpoint whose fields and URL were checked, with a new secret, audited. `createEndpoint`
 * is the way in; the demo world comes here directly because its partners' hosts are made up and
 * resolve nowhere (every delivery is still checked against the address it connects to).
 */
export async function storeEndpoint(
  services: AppServices,
  tx: TenantTx,
  app: { id: string; name: string },
  options: CreateEndpointOptions & { createdAt?: Date },
): Promise<EndpointView & { secret: string }> {
  const secret = generateEndpointSecret();
  const [row] = await tx.db
    .insert(webhookEndpoints)
    .values({
      id: uuidv7(options.createdAt?.getTime()),
      tenantId: tx.tenantId,
      appId: app.id,
      url: options.url,
      description: options.description,
      eventTypes: [...new Set(options.eventTypes)],
      enabled: options.enabled,
      headers: options.headers,
      rateLimitPerSecond: options.rateLimitPerSecond ?? null,
      secret: endpointSecretBox(services.config).seal(secret),
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  if (!row) throw new Error('the endpoint was not inserted');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.created',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', row.id), label: row.url },
    after: auditedEndpoint(row),
    metadata: { app: { id: toPublicId('app', app.id), name: app.name } },
  });
  return { ...presentEndpoint(row, null), secret };
}
