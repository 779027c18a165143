/**
 * Age bands for the demographic overlays and the customer filters. A customer's band comes from
 * its birth year and the current year, so bands move on New Year's Day without a migration.
 */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const LOWER_BOUNDS: readonly [AgeBand, number][] = [
  ['65+', 65],
  ['55-64', 55],
  ['45-54', 45],
  ['35-44', 35],
  ['25-34', 25],
  ['18-24', 18],
];

/** The band of someone born in `birthYear` (null when unknown or under 18). */
export function ageBandOf(birthYear: number | null, year = new Date().getUTCFullYear()): AgeBand | null {
  if (birthYear === null) return null;
  const age = year - birthYear;
  return LOWER_BOUNDS.find(([, lower]) => age >= lower)?.[0] ?? null;
}

/** The birth years (inclusive) of a band in `year`, for a `birth_year BETWEEN` filter. */
export function birthYearsOf(
  band: AgeBand,
  year = new Date().getUTCFullYear(),
): { from: number; to: number } {
  const lower = LOWER_BOUNDS.find(([key]) => key === band)?.[1] ?? 18;
  const upper = band === '65+' ? 130 : lower + (band === '18-24' ? 6 : 9);
  return { from: year - upper, to: year - lower };
}

/** SQL for a customer row's band (`birth_year` column), matching `ageBandOf`. */
export const AGE_BAND_SQL = `CASE
  WHEN birth_year IS NULL THEN NULL
  WHEN extract(year FROM now())::int - birth_year >= 65 THEN '65+'
  WHEN extract(year FROM now())::int - birth_year >= 55 THEN '55-64'
  WHEN extract(year FROM now())::int - birth_year >= 45 THEN '45-54'
  WHEN extract(year FROM now())::int - birth_year >= 35 THEN '35-44'
  WHEN extract(year FROM now())::int - birth_year >= 25 THEN '25-34'
  WHEN extract(year FROM now())::int - birth_year >= 18 THEN '18-24'
END`;
