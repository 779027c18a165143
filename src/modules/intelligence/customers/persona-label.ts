import { personaLabel } from '../analytics/labels.js';

/** A persona key with its name from the engine's catalogue (a key it lacks is shown readable). */
export function personaRef(key: string): { key: string; label: string } {
  return { key, label: personaLabel(key) };
}
