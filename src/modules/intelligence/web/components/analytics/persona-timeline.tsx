import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useOpenCustomers } from './customers-link';
import { axisTick, type PersonaColours, tooltipStyle } from './palette';
import type { PersonaAnalytics } from './queries';
import type { CustomersFilter } from './search';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/**
 * The contextual persona timeline: per month, which persona the filtered customers showed then
 * (from their latest analysis's month-by-month view), stacked. A segment opens the customers who
 * have that persona now, with the page's filters.
 */
export function PersonaTimeline({
  data,
  colours,
  filter,
}: {
  data: PersonaAnalytics;
  colours: PersonaColours;
  filter: CustomersFilter;
}) {
  const open = useOpenCustomers();
  const keys = [...new Set(data.timeline.flatMap((month) => month.personas.map((persona) => persona.key)))];
  const labels = new Map(
    data.timeline.flatMap((month) => month.personas.map((persona) => [persona.key, persona.label] as const)),
  );
  const rows = data.timeline.map((month) => ({
    month: month.month,
    ...Object.fromEntries(month.personas.map((persona) => [persona.key, persona.count])),
  }));
  return (
    <figure aria-label="Persona timeline" className="m-0" data-testid="persona-timeline">
      <div style={{ height: 240 }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis
              dataKey="month"
              tickFormatter={monthLabel}
              minTickGap={16}
              tick={axisTick}
              stroke="var(--border)"
            />
            <YAxis allowDecimals={false} width={40} tick={axisTick} stroke="var(--border)" />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={(value) => monthLabel(String(value))}
              cursor={{ fill: 'var(--accent)' }}
            />
            {keys.map((key) => (
              <Bar
                key={key}
                dataKey={key}
                name={labels.get(key) ?? key}
                stackId="personas"
                fill={colours(key)}
                isAnimationActive={false}
                cursor="pointer"
                onClick={() => open({ ...filter, persona: key })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.timeline.map((month) => `${month.month}: ${month.total} customers`).join('; ')}
      </figcaption>
    </figure>
  );
}
