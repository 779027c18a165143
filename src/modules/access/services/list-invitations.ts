import type { AppServices } from '../../../kernel/context.js';
import { type InvitationRow, invitationView } from './invitation-store.js';
import { teamUsers } from './team-users.js';

/** Invitations as the API shows them, with who sent each (read after the transaction). */
export async function describeInvitations(services: AppServices, rows: readonly InvitationRow[]) {
  const inviters = await teamUsers(
    services,
    rows.flatMap((row) => (row.invitedBy ? [row.invitedBy] : [])),
  );
  return rows.map((row) => invitationView(row, row.invitedBy ? inviters.get(row.invitedBy) : undefined));
}
