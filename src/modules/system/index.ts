// The system module's public services, for the server and the demo world.

export { checkReadiness } from './services/check-readiness.js';
export { claimDemoSeeding } from './services/instance.js';
