// The identity module's public services, for other modules.

export { createVerifiedUser } from './services/create-verified-user.js';
export type { SessionUser } from './services/get-session-user.js';
export { getSessionUser, setActiveTenant } from './services/get-session-user.js';
export { signUpWithPassword } from './services/sign-up-with-password.js';
