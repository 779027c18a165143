// The identity module's public services, for other modules and the server.
export { withAuthEndpoints } from './services/auth-openapi.js';
export { createVerifiedUser } from './services/create-verified-user.js';
export { findUsers, type UserSummary } from './services/find-users.js';
export { getSessionUser, type SessionUser } from './services/get-session-user.js';
export { markEmailVerified } from './services/mark-email-verified.js';
export { setActiveTenant } from './services/set-active-tenant.js';
export { signUpWithPassword } from './services/sign-up-with-password.js';
