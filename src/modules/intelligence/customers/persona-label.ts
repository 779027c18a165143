/**
 * A persona key with its label for people. The analysis engine's catalogue names personas; a key
 * it does not know (an older engine's) is shown as it is stored rather than hidden.
 */
export function personaRef(key: string): { key: string; label: string } {
  return { key, label: key };
}
