import { PERSONAS } from '../analysis/index.js';

const PERSONA_LABELS = new Map(PERSONAS.map((persona) => [persona.key, persona.label]));

/** A key made readable (`young_professional` → `Young professional`). */
function readableKey(key: string): string {
  const words = key.replaceAll(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/**
 * The persona's name from the engine's catalogue; a key the catalogue no longer has (an older
 * engine version's) is shown readable, so a chart never shows a blank.
 */
export function personaLabel(key: string): string {
  return PERSONA_LABELS.get(key) ?? readableKey(key);
}

/** Craving drivers are single words (`convenience`); their label is the word capitalised. */
export function driverLabel(driver: string): string {
  return readableKey(driver);
}
