import type { AppServices } from '../../../kernel/context.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { hashInvitationToken } from './invitation-token.js';

export interface UsableInvitation {
  id: string;
  tenantId: string;
  tenantName: string;
  email: string;
  roleName: string;
  expiresAt: Date;
}

export const INVALID_INVITATION =
  'This invitation link is not valid: it was used, cancelled or replaced by a newer one, or it expired. Ask for a new invitation.';

/**
 * The pending, unexpired invitation behind a link's token, in an active tenant. A system query:
 * the token names the tenant, so there is no tenant to confine the lookup to yet. Every other
 * case is the same 404, so a link tells nothing about an invitation it does not open.
 */
export async function findUsableInvitation(services: AppServices, token: string): Promise<UsableInvitation> {
  const { rows } = await services.pool.query<UsableInvitation>(
    `SELECT i.id, i.tenant_id AS "tenantId", t.name AS "tenantName", i.email, r.name AS "roleName",
            i.expires_at AS "expiresAt"
       FROM invitations i
       JOIN tenants t ON t.id = i.tenant_id AND t.status = 'active'
       JOIN roles r ON r.id = i.role_id
      WHERE i.token_hash = $1 AND i.status = 'pending' AND i.expires_at > now()`,
    [hashInvitationToken(token)],
  );
  const found = rows[0];
  if (!found) throw new ProblemError('not_found', INVALID_INVITATION);
  return found;
}

/** Invitations go to one address; whoever accepts must own it (case is not significant). */
export function assertInvitedEmail(invitation: UsableInvitation, email: string): void {
  if (invitation.email.toLowerCase() !== email.trim().toLowerCase()) {
    throw new ProblemError(
      'forbidden',
      `This invitation was sent to ${invitation.email}; sign in or sign up with that address to accept it.`,
    );
  }
}
