/**
 * Display labels for persona keys and craving drivers. The analysis engine's catalogue names
 * personas; until a key is in it (an engine version that is gone, a key from a test) the label
 * is the key made readable, so a chart never shows a blank.
 */
export function readableKey(key: string): string {
  const words = key.replaceAll(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

export function personaLabel(key: string): string {
  return readableKey(key);
}

export function driverLabel(driver: string): string {
  return readableKey(driver);
}
