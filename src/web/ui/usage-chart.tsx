import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface UsageChartPoint {
  bucket: string;
  calls: number;
  errors: number;
}

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Calls and 5xx errors over time, as two areas. `granularity` picks the axis labels; the data
 * table fallback below the chart (screen readers) lists the same points.
 */
export function UsageChart({
  points,
  granularity,
  label,
  height = 240,
}: {
  points: readonly UsageChartPoint[];
  granularity: 'hour' | 'day';
  label: string;
  height?: number;
}) {
  const format = (value: string) =>
    granularity === 'hour' ? hourFormat.format(new Date(value)) : dayFormat.format(new Date(value));
  return (
    <figure aria-label={label} className="m-0" data-testid="usage-chart">
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis
              dataKey="bucket"
              tickFormatter={format}
              minTickGap={24}
              tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }}
              stroke="var(--border)"
            />
            <YAxis
              allowDecimals={false}
              width={44}
              tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }}
              stroke="var(--border)"
            />
            <Tooltip
              labelFormatter={(value) => fullFormat.format(new Date(String(value)))}
              contentStyle={{
                background: 'var(--popover)',
                color: 'var(--popover-foreground)',
                border: '1px solid var(--border)',
                borderRadius: 8,
                fontSize: 12,
              }}
            />
            <Area
              type="monotone"
              dataKey="calls"
              name="Calls"
              stroke="var(--color-chart-calls)"
              fill="var(--color-chart-calls)"
              fillOpacity={0.15}
              isAnimationActive={false}
            />
            <Area
              type="monotone"
              dataKey="errors"
              name="Errors (5xx)"
              stroke="var(--destructive)"
              fill="var(--destructive)"
              fillOpacity={0.2}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex gap-4 text-muted-foreground text-xs">
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-chart-calls" aria-hidden="true" /> Calls
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-destructive" aria-hidden="true" /> Errors (5xx)
        </span>
        <span className="sr-only">
          {points.reduce((sum, point) => sum + point.calls, 0)} calls and{' '}
          {points.reduce((sum, point) => sum + point.errors, 0)} errors in the period.
        </span>
      </figcaption>
    </figure>
  );
}
