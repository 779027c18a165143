import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { InvitationStatus } from '../contract.js';
import { type InvitationRow, invitationView, listInvitationRows } from './invitation-store.js';
import { teamUsers } from './team-users.js';

/** The tenant's invitations with who sent each, newest first. */
export async function listInvitations(tx: TenantTx, options: { status?: InvitationStatus }) {
  return describeInvitations(tx, await listInvitationRows(tx, options.status));
}

export async function describeInvitations(tx: TenantTx, rows: readonly InvitationRow[]) {
  const inviters = await teamUsers(
    tx,
    rows.flatMap((row) => (row.invitedBy ? [row.invitedBy] : [])),
  );
  return rows.map((row) => invitationView(row, row.invitedBy ? inviters.get(row.invitedBy) : undefined));
}

export async function describeInvitation(tx: TenantTx, row: InvitationRow) {
  const inviter = row.invitedBy ? (await teamUsers(tx, [row.invitedBy])).get(row.invitedBy) : undefined;
  return invitationView(row, inviter);
}
