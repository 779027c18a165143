// The usage module's public services, for other modules and benchmarks.
export type { AppTraffic } from './services/app-traffic.js';
export { countAppTraffic } from './services/app-traffic.js';
export { getOverview } from './services/overview.js';
