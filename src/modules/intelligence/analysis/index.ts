/** The analysis engine's public API: pure functions over a customer's transactions. */
export { type AnalyzeOptions, analyzeCustomer } from './analyze-customer.js';
export { categorise } from './categorise.js';
export { CRAVING_DRIVER_DESCRIPTIONS, CRAVING_DRIVERS } from './cravings.js';
export {
  DRIFT_EPSILON,
  jensenShannonDistance,
  PSI_ALERT,
  PSI_MODERATE,
  populationStabilityIndex,
} from './drift.js';
export { PERSONAS, type PersonaDefinition } from './personas.js';
export { CATEGORIES, type CategoryDefinition, type CategoryKind, categoryKind } from './taxonomy.js';
export type * from './types.js';
export { ENGINE_VERSION } from './version.js';
