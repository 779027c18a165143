import type { paths } from '@web/api/schema';

type FilterQuery = NonNullable<paths['/partner/analytics/personas']['get']['parameters']['query']>;
export type AgeBand = NonNullable<FilterQuery['ageBand']>;

/** Every age band the API knows, with its label; a Record so a new band fails the type check here. */
const AGE_BAND_LABELS: Record<AgeBand, string> = {
  '18-24': '18–24',
  '25-34': '25–34',
  '35-44': '35–44',
  '45-54': '45–54',
  '55-64': '55–64',
  '65+': '65 and over',
};
export const AGE_BAND_OPTIONS = Object.entries(AGE_BAND_LABELS) as [AgeBand, string][];

/** The time ranges of the filter bar, in days back from today (UTC); `all` has no start. */
export const TIME_RANGES = [
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: '12m', label: 'Last 12 months', days: 365 },
  { value: 'all', label: 'All time', days: null },
] as const;
export type TimeRange = (typeof TIME_RANGES)[number]['value'];
export const DEFAULT_RANGE: TimeRange = '90d';

/** The dashboard's filters as its URL holds them; every chart reads the same ones. */
export interface IntelligenceSearch {
  region?: string;
  gender?: string;
  ageBand?: AgeBand;
  persona?: string;
  range?: TimeRange;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export function validateIntelligenceSearch(raw: Record<string, unknown>): IntelligenceSearch {
  const search: IntelligenceSearch = {};
  for (const key of ['region', 'gender', 'persona'] as const) {
    const value = text(raw[key]);
    if (value) search[key] = value;
  }
  const ageBand = AGE_BAND_OPTIONS.find(([band]) => band === raw.ageBand)?.[0];
  if (ageBand) search.ageBand = ageBand;
  const range = TIME_RANGES.find((entry) => entry.value === raw.range)?.value;
  if (range && range !== DEFAULT_RANGE) search.range = range;
  return search;
}

const DAY_MS = 86_400_000;
/** The drift timeline needs a start: "all time" reaches back as far as the API allows. */
const ALL_TIME_DAYS = 1_825;

/**
 * The API query for the filters. The start is a whole UTC day, so the query (and its cache key)
 * stays the same while the page is open; the end is left to the server (now).
 */
export function apiFilters(search: IntelligenceSearch, now = Date.now()) {
  const range = TIME_RANGES.find((entry) => entry.value === (search.range ?? DEFAULT_RANGE));
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const from = range?.days ? new Date(today - range.days * DAY_MS).toISOString() : undefined;
  const { range: _range, ...customers } = search;
  return { customers, from, driftFrom: from ?? new Date(today - ALL_TIME_DAYS * DAY_MS).toISOString() };
}

/** The Customers page's filters (another module's page: its documented URL search params). */
export interface CustomersFilter {
  q?: string | undefined;
  persona?: string | undefined;
  craving?: string | undefined;
  driftLevel?: 'none' | 'moderate' | 'alert' | undefined;
  region?: string | undefined;
  gender?: string | undefined;
  ageBand?: string | undefined;
  activeFrom?: string | undefined;
}

export function customersHref(filter: CustomersFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/customers?${query}` : '/customers';
}

/** The dashboard's customer filters carried over to the Customers page. */
export function customersFilterOf(search: IntelligenceSearch): CustomersFilter {
  return { region: search.region, gender: search.gender, ageBand: search.ageBand, persona: search.persona };
}

/**
 * The same with the time range, for the figures that count customers active in it (personas,
 * demographics, cravings): the Customers page's `activeFrom` (a transaction on or after the
 * range's first day; the range ends today). Drift levels are now, whatever the range.
 */
export function activeCustomersFilterOf(search: IntelligenceSearch, now = Date.now()): CustomersFilter {
  const from = apiFilters(search, now).from;
  return { ...customersFilterOf(search), activeFrom: from?.slice(0, 10) };
}
