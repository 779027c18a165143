import type { TENANCY_PERMISSIONS } from '../contract';

type TenancyPermission = (typeof TENANCY_PERMISSIONS)[keyof typeof TENANCY_PERMISSIONS];

/**
 * The permission names the pages check, typed against the contract (a type-only import, so the
 * contract's zod schemas stay out of the browser bundle).
 */
export const can = {
  writeProjects: 'projects:write',
  writeApps: 'apps:write',
  manageSettings: 'settings:manage',
} as const satisfies Record<string, TenancyPermission>;
