import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { notify } from '../../notifications/index.js';
import { WEBHOOKS_PERMISSIONS } from '../contract.js';

/** How long an endpoint fails before the people who manage webhooks hear of it (once per streak). */
export const FAILING_NOTICE_AFTER_MS = 60 * 60 * 1000;

interface TroubledEndpoint {
  tenantId: string;
  endpointId: string;
  url: string;
  failingSince: Date;
}

const endpointLink = (endpointId: string) => `/webhooks/endpoints/${toPublicId('endpoint', endpointId)}`;

/**
 * Tells the members who manage webhooks that an endpoint has failed for an hour: once per failing
 * streak (a success ends the streak; the next one is told about again).
 */
export async function noticeFailingEndpoint(
  services: AppServices,
  tx: Tx,
  endpoint: TroubledEndpoint,
  now: Date,
): Promise<void> {
  if (now.getTime() - endpoint.failingSince.getTime() < FAILING_NOTICE_AFTER_MS) return;
  await notify(services, tx, {
    tenantId: endpoint.tenantId,
    category: 'webhook_failing',
    permission: WEBHOOKS_PERMISSIONS.write,
    title: 'A webhook endpoint keeps failing',
    body: `Every delivery to ${endpoint.url} has failed since ${endpoint.failingSince.toISOString()}. Atrium keeps retrying; after 5 days of failures the endpoint is disabled.`,
    link: endpointLink(endpoint.endpointId),
    dedupeKey: `webhook-failing:${endpoint.endpointId}:${endpoint.failingSince.toISOString()}`,
  });
}

/** Tells the members who manage webhooks (in-app and by mail) that an endpoint was disabled. */
export async function noticeDisabledEndpoint(
  services: AppServices,
  tx: Tx,
  endpoint: TroubledEndpoint & { reason: string },
): Promise<void> {
  await notify(services, tx, {
    tenantId: endpoint.tenantId,
    category: 'webhook_disabled',
    permission: WEBHOOKS_PERMISSIONS.write,
    title: 'A webhook endpoint was disabled',
    body: `${endpoint.url} was disabled: ${endpoint.reason} Fix the receiver, then enable the endpoint again and replay the failed messages.`,
    link: endpointLink(endpoint.endpointId),
  });
}
