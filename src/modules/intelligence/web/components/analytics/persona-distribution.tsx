import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CustomersLink, useOpenCustomers } from './customers-link';
import { axisTick, formatCount, formatShare, type PersonaColours, tooltipStyle } from './palette';
import type { PersonaAnalytics } from './queries';
import type { CustomersFilter } from './search';

interface Props {
  data: PersonaAnalytics;
  colours: PersonaColours;
  /** The page's filters, carried to the Customers page with the persona clicked. */
  filter: CustomersFilter;
}

/** Customers per persona as horizontal bars; a bar (or its row below) opens those customers. */
export function PersonaDistribution({ data, colours, filter }: Props) {
  const open = useOpenCustomers();
  const rows = data.personas.map((persona) => ({ ...persona, shareLabel: formatShare(persona.share) }));
  return (
    <figure
      aria-label="Persona distribution"
      className="m-0 flex flex-col gap-4"
      data-testid="persona-distribution"
    >
      <div style={{ height: Math.max(160, rows.length * 40) }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axisTick} stroke="var(--border)" />
            <YAxis type="category" dataKey="label" width={120} tick={axisTick} stroke="var(--border)" />
            <Tooltip
              contentStyle={tooltipStyle}
              cursor={{ fill: 'var(--accent)' }}
              formatter={(value, _name, item) => [
                `${formatCount(Number(value))} (${item.payload.shareLabel})`,
                'Customers',
              ]}
            />
            <Bar
              dataKey="count"
              name="Customers"
              isAnimationActive={false}
              cursor="pointer"
              onClick={(bar) => open({ ...filter, persona: bar.payload?.key })}
            >
              {rows.map((row) => (
                <Cell key={row.key} fill={colours(row.key)} data-persona={row.key} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label="Personas">
          {rows.map((row) => (
            <li key={row.key}>
              <CustomersLink
                filter={{ ...filter, persona: row.key }}
                className="flex items-center gap-2 rounded-md px-1 py-0.5 underline-offset-4 hover:underline"
              >
                <span
                  className="size-2.5 shrink-0 rounded-sm"
                  style={{ background: colours(row.key) }}
                  aria-hidden="true"
                />
                <span className="min-w-0 truncate">{row.label}</span>
                <span className="ml-auto text-muted-foreground tabular-nums">
                  {formatCount(row.count)} · {row.shareLabel}
                </span>
              </CustomersLink>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
