import { eq } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { authSession } from '../schema.js';

/**
 * Records the tenant a session works in (the tenant switcher). The caller checks membership first:
 * identity does not know tenants. Answers false when the session no longer exists.
 */
export async function setActiveTenant(
  services: AppServices,
  sessionId: string,
  tenantId: string | null,
): Promise<boolean> {
  const updated = await services.db
    .update(authSession)
    .set({ activeTenantId: tenantId })
    .where(eq(authSession.id, sessionId))
    .returning({ id: authSession.id });
  return updated.length > 0;
}
