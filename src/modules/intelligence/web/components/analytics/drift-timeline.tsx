import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CustomersLink, useOpenCustomers } from './customers-link';
import { axisTick, DRIFT_COLOURS, formatCount, tooltipStyle } from './palette';
import type { DriftAnalytics } from './queries';
import type { CustomersFilter } from './search';

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const LEVELS = [
  { level: 'alert', label: 'Alert' },
  { level: 'moderate', label: 'Moderate' },
  { level: 'none', label: 'No drift' },
] as const;

/** Customers per drift level now, each a link to those customers. */
export function DriftLevels({ data, filter }: { data: DriftAnalytics; filter: CustomersFilter }) {
  return (
    <ul className="grid grid-cols-3 gap-2" aria-label="Customers per drift level">
      {LEVELS.map(({ level, label }) => (
        <li key={level}>
          <CustomersLink
            filter={{ ...filter, driftLevel: level }}
            className="flex flex-col rounded-lg border p-2 hover:bg-accent/50"
            data-testid={`drift-level-${level}`}
          >
            <span className="text-muted-foreground text-xs">{label}</span>
            <span className="font-semibold text-lg tabular-nums">{formatCount(data.current[level])}</span>
          </CustomersLink>
        </li>
      ))}
    </ul>
  );
}

/** Moderate and alert analyses per day or week of the range, stacked; a bar opens those customers. */
export function DriftTimeline({ data, filter }: { data: DriftAnalytics; filter: CustomersFilter }) {
  const open = useOpenCustomers();
  const label = (value: string) =>
    `${data.granularity === 'week' ? 'Week of ' : ''}${dayFormat.format(new Date(value))}`;
  return (
    <figure aria-label="Drift timeline" className="m-0" data-testid="drift-timeline">
      <div style={{ height: 200 }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.timeline} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis
              dataKey="bucket"
              tickFormatter={(value) => dayFormat.format(new Date(String(value)))}
              minTickGap={16}
              tick={axisTick}
              stroke="var(--border)"
            />
            <YAxis allowDecimals={false} width={32} tick={axisTick} stroke="var(--border)" />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={(value) => label(String(value))}
              cursor={{ fill: 'var(--accent)' }}
            />
            {(['moderate', 'alert'] as const).map((level) => (
              <Bar
                key={level}
                dataKey={level}
                name={level === 'alert' ? 'Alert' : 'Moderate'}
                stackId="drift"
                fill={DRIFT_COLOURS[level]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={() => open({ ...filter, driftLevel: level })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex gap-4 text-muted-foreground text-xs">
        {(['moderate', 'alert'] as const).map((level) => (
          <span key={level} className="flex items-center gap-1.5">
            <span
              className="size-2.5 rounded-sm"
              style={{ background: DRIFT_COLOURS[level] }}
              aria-hidden="true"
            />
            {level === 'alert' ? 'Alert' : 'Moderate'}:{' '}
            {formatCount(data.timeline.reduce((sum, bucket) => sum + bucket[level], 0))}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
