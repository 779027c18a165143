// The usage module's public services, for other modules and benchmarks.
export { getOverview } from './services/overview.js';
