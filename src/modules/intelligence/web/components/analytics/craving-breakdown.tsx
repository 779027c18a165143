import { CustomersLink } from './customers-link';
import { formatCount, formatShare } from './palette';
import type { CravingAnalytics } from './queries';
import type { CustomersFilter } from './search';

type Driver = CravingAnalytics['drivers'][number];

/** How sure the scores are, in words: the bar's opacity says the same to the eye. */
function confidenceWord(confidence: number | null): string {
  if (confidence === null) return 'no score yet';
  if (confidence >= 0.7) return 'high confidence';
  if (confidence >= 0.4) return 'medium confidence';
  return 'low confidence';
}

/** Five small bars: how the measured customers' scores spread from 0 to 1. */
function Spread({ driver }: { driver: Driver }) {
  const largest = Math.max(1, ...driver.distribution.map((bucket) => bucket.count));
  return (
    <span
      className="flex h-6 items-end gap-0.5"
      title={driver.distribution.map((bucket) => `${bucket.from}–${bucket.to}: ${bucket.count}`).join(', ')}
      aria-hidden="true"
    >
      {driver.distribution.map((bucket) => (
        <span
          key={bucket.from}
          className="w-1.5 rounded-sm bg-chart-calls"
          style={{
            height: `${Math.max(8, (bucket.count / largest) * 100)}%`,
            opacity: bucket.count ? 1 : 0.2,
          }}
        />
      ))}
    </span>
  );
}

/**
 * Per craving driver, the mean score as a bar whose opacity follows the mean confidence, the
 * confidence in words, for how many customers it leads, and how many need more data before they
 * can be scored. A driver opens the customers it leads for, with the dashboard's filters.
 */
export function CravingBreakdown({ data, filter }: { data: CravingAnalytics; filter: CustomersFilter }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Craving drivers" data-testid="craving-breakdown">
      {data.drivers.map((driver) => (
        <li key={driver.driver}>
          <CustomersLink
            filter={{ ...filter, craving: driver.driver }}
            aria-label={`${driver.label}: the ${formatCount(driver.leading)} customers it leads for`}
            className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)_auto] items-center gap-3 rounded-md p-1 text-sm hover:bg-accent/50"
            data-testid="craving-driver"
          >
            <span className="truncate font-medium">{driver.label}</span>
            <span className="flex min-w-0 flex-col gap-1">
              <span className="h-2.5 w-full overflow-hidden rounded-full bg-muted">
                <span
                  className="block h-full rounded-full bg-chart-calls"
                  style={{
                    width: `${(driver.meanScore ?? 0) * 100}%`,
                    opacity: 0.35 + 0.65 * (driver.meanConfidence ?? 0),
                  }}
                />
              </span>
              <span className="text-muted-foreground text-xs">
                {driver.meanScore === null ? 'Not measured' : `Mean score ${formatShare(driver.meanScore)}`} ·{' '}
                {confidenceWord(driver.meanConfidence)}
                {driver.meanConfidence !== null && ` (${formatShare(driver.meanConfidence)})`} ·{' '}
                <span data-testid="leading">leads for {formatCount(driver.leading)}</span> ·{' '}
                {formatCount(driver.measured)} measured ·{' '}
                <span data-testid="needs-more-data">{formatCount(driver.needsMoreData)} need more data</span>
              </span>
            </span>
            <Spread driver={driver} />
          </CustomersLink>
        </li>
      ))}
    </ul>
  );
}
