/**
 * Whether a database error is a unique-index violation on the given index. Drizzle wraps driver
 * errors, so the PostgreSQL error may be the cause rather than the error itself.
 */
export function isUniqueViolation(error: unknown, index: string): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const pgError = current as Error & { code?: string; constraint?: string };
    if (pgError.code === '23505' && pgError.constraint === index) return true;
  }
  return false;
}
