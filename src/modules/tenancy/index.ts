// The tenancy module's public services, for other modules, the demo world and the server.

export type { TenantTier } from './contract.js';
export { TIER_LIMITS } from './contract.js';
export { parseCidr } from './services/cidr.js';
export { createTenant } from './services/create-tenant.js';
export { findApp, listApps } from './services/find-app.js';
