import { CRAVING_DRIVER_DESCRIPTIONS, CRAVING_DRIVERS, ENGINE_VERSION, PERSONAS } from '../analysis/index.js';
import { driverLabel } from './labels.js';

/** The engine's catalogue: every persona it can assign and every craving driver it scores. */
export function intelligenceCatalogue() {
  return {
    engineVersion: ENGINE_VERSION,
    personas: PERSONAS.map(({ key, label, description }) => ({ key, label, description })),
    cravingDrivers: CRAVING_DRIVERS.map((key) => ({
      key,
      label: driverLabel(key),
      description: CRAVING_DRIVER_DESCRIPTIONS[key],
    })),
  };
}
