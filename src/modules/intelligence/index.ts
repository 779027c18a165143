// The intelligence module's public services, for other modules and tests.

export { DEMO_CUSTOMERS } from './demo/seed-demo.js';
