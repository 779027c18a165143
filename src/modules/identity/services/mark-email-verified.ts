import { eq } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { authUser } from '../schema.js';

/**
 * Marks a user's email as verified without the mailed link, for flows that proved it otherwise
 * (an accepted invitation sent to that address). Answers false for an unknown user.
 */
export async function markEmailVerified(services: AppServices, userId: string): Promise<boolean> {
  const updated = await services.db
    .update(authUser)
    .set({ emailVerified: true })
    .where(eq(authUser.id, userId))
    .returning({ id: authUser.id });
  return updated.length > 0;
}
