// The system module's public services, for the server and the demo world.
export { claimDemoSeeding } from './services/instance.js';
