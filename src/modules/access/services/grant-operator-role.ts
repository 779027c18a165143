import type { AppServices } from '../../../kernel/context.js';
import { withTransaction } from '../../../kernel/db/transaction.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { recordAudit } from '../../audit/index.js';
import type { OperatorRole } from '../contract.js';
import { operatorMembers } from '../schema.js';

/** Makes a user operator staff (or changes their operator role), on the operator audit chain. */
export async function grantOperatorRole(
  services: Pick<AppServices, 'pool'>,
  options: { userId: string; userLabel: string; role: OperatorRole; actor: Actor },
): Promise<void> {
  await withTransaction(services.pool, async (tx) => {
    await tx.db
      .insert(operatorMembers)
      .values({ userId: options.userId, role: options.role })
      .onConflictDoUpdate({ target: operatorMembers.userId, set: { role: options.role } });
    await recordAudit(tx, null, options.actor, {
      action: 'operator.role_granted',
      target: { type: 'user', id: options.userId, label: options.userLabel },
      after: { role: options.role },
    });
  });
}
