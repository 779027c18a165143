import type { AUDIT_PERMISSIONS } from '../../audit/contract';
import type { TENANCY_PERMISSIONS } from '../contract';

type Permission =
  | (typeof TENANCY_PERMISSIONS)[keyof typeof TENANCY_PERMISSIONS]
  | (typeof AUDIT_PERMISSIONS)[keyof typeof AUDIT_PERMISSIONS];

/**
 * The permission names the pages check, typed against the contracts (type-only imports, so the
 * contracts' zod schemas stay out of the browser bundle).
 */
export const can = {
  writeProjects: 'projects:write',
  writeApps: 'apps:write',
  manageSettings: 'settings:manage',
  readAudit: 'audit:read',
} as const satisfies Record<string, Permission>;
