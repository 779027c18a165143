// The keys module's public services, for other modules, the demo world and the server.

export { flushKeyUsage } from './gateway/gateway.js';
