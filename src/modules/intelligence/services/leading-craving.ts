/**
 * SQL for a customer's leading craving: the driver with its highest *measured* score in the
 * latest analysis (copied onto `customers.cravings`), ties going to the first driver by name;
 * null when nothing is measured yet. The Customers filter and the craving breakdown's counts use
 * this one expression, so a driver's "leads for N customers" is exactly what its link lists.
 * `cravings` is a column reference such as `c.cravings`, never user input.
 */
export function leadingCravingSql(cravings: string): string {
  return `(SELECT e.driver
             FROM jsonb_to_recordset(CASE WHEN jsonb_typeof(${cravings}) = 'array' THEN ${cravings} ELSE '[]'::jsonb END)
               AS e(driver text, score float8, state text)
            WHERE e.state = 'measured' AND e.score IS NOT NULL
            ORDER BY e.score DESC, e.driver
            LIMIT 1)`;
}
