// The tenancy module's public services, for other modules, the demo world and the server.
export { createTenant } from './services/create-tenant.js';
export { findApp } from './services/find-app.js';
