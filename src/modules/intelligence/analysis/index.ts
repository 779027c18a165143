/** The analysis engine's public API: pure functions over a customer's transactions. */
export { categorise } from './categorise.js';
export { CATEGORIES, type CategoryDefinition, type CategoryKind, categoryKind } from './taxonomy.js';
export type * from './types.js';
export { ENGINE_VERSION } from './version.js';
