// The intelligence module's public contract: permissions and shared schemas other modules may use.

export const INTELLIGENCE_PERMISSIONS = {
  /** Send statements through the Public API (a key scope). */
  statementsWrite: 'statements:write',
  /** See customers, their transactions and analyses, and the intelligence analytics. */
  customersRead: 'customers:read',
  /** Change, merge, archive customers. */
  customersWrite: 'customers:write',
} as const;
