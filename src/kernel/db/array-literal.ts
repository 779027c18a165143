/**
 * PostgreSQL array literals for bulk parameters (`unnest($1::text[], …)`), built in one pass.
 * node-postgres serialises a JS array element by element through two regex replacements each;
 * for 5,000-row inserts that was ~7% of the statement upload's Node time (`npm run bench:intelligence`
 * profile). Text elements are quoted, and escaped only when they hold a quote or a backslash.
 */
export function textArrayLiteral(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) parts[index] = 'NULL';
    else parts[index] = NEEDS_ESCAPE.test(value) ? `"${value.replace(ESCAPED, '\\$&')}"` : `"${value}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * For elements whose text form needs no quoting: numbers, UUIDs, ISO dates, decimals. The caller
 * vouches for the values (validated input or values it generated); anything else must go through
 * `textArrayLiteral`.
 */
export function plainArrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;
