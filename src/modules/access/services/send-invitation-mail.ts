import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { queueMail } from '../../mail/index.js';
import { INVITATION_ACCEPT_PATH, INVITATION_TTL_DAYS } from '../contract.js';

export interface InvitationMail {
  email: string;
  token: string;
  roleName: string;
  inviterLabel: string;
}

/** Queues the invitation mail in the caller's transaction: no invitation, no mail, and vice versa. */
export async function sendInvitationMail(services: AppServices, tx: TenantTx, mail: InvitationMail) {
  const { rows } = await tx.client.query<{ name: string }>('SELECT name FROM tenants WHERE id = $1', [
    tx.tenantId,
  ]);
  const tenantName = rows[0]?.name ?? 'a team';
  const link = invitationLink(services, mail.token);
  const text = [
    `${mail.inviterLabel} invited you to join ${tenantName} on Atrium as ${mail.roleName}.`,
    '',
    `Accept the invitation: ${link}`,
    '',
    `The link works once and expires in ${INVITATION_TTL_DAYS} days. If you did not expect it, ignore this mail.`,
  ].join('\n');
  await queueMail(services, tx, { to: mail.email, subject: `Join ${tenantName} on Atrium`, text });
}

export function invitationLink(services: AppServices, token: string): string {
  const base = services.config.ATRIUM_PUBLIC_URL ?? `http://localhost:${services.config.PORT}`;
  const url = new URL(INVITATION_ACCEPT_PATH, base);
  url.searchParams.set('token', token);
  return url.toString();
}
