import { inArray } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { authUser } from '../schema.js';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  image: string | null;
  twoFactorEnabled: boolean;
}

/** The users with these ids (for team listings), in no particular order; unknown ids are skipped. */
export async function findUsers(services: AppServices, ids: readonly string[]): Promise<UserSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await services.db
    .select({
      id: authUser.id,
      email: authUser.email,
      name: authUser.name,
      image: authUser.image,
      twoFactorEnabled: authUser.twoFactorEnabled,
    })
    .from(authUser)
    .where(inArray(authUser.id, unique));
  return rows.map((row) => ({ ...row, twoFactorEnabled: row.twoFactorEnabled ?? false }));
}
