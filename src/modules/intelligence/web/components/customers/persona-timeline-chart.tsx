import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TimelinePoint {
  month: string;
  persona: string;
  personaLabel: string;
  transactionCount: number;
}

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

/**
 * The persona month by month: one bar per month (its transaction count), coloured by the persona
 * that month showed. The legend and a visually hidden table carry the same points for readers.
 */
export function PersonaTimelineChart({ points }: { points: readonly TimelinePoint[] }) {
  const personas = [...new Set(points.map((point) => point.personaLabel))];
  const colour = (persona: string) => PALETTE[personas.indexOf(persona) % PALETTE.length];
  return (
    <figure aria-label="Persona by month" className="m-0 flex flex-col gap-2" data-testid="persona-timeline">
      <div style={{ height: 220 }} aria-hidden="true" className="min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis
              dataKey="month"
              tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }}
              stroke="var(--border)"
            />
            <YAxis
              allowDecimals={false}
              width={36}
              tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }}
              stroke="var(--border)"
            />
            <Tooltip
              formatter={(value, _name, item) => [
                `${value} transactions`,
                (item.payload as TimelinePoint).personaLabel,
              ]}
              contentStyle={{
                background: 'var(--popover)',
                color: 'var(--popover-foreground)',
                border: '1px solid var(--border)',
                borderRadius: 8,
                fontSize: 12,
              }}
            />
            <Bar dataKey="transactionCount" isAnimationActive={false}>
              {points.map((point) => (
                <Cell key={point.month} fill={colour(point.personaLabel)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap gap-3 text-xs">
        {personas.map((persona) => (
          <span key={persona} className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-2.5 rounded-sm"
              style={{ background: colour(persona) }}
            />
            {persona}
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>Persona by month</caption>
        <thead>
          <tr>
            <th>Month</th>
            <th>Persona</th>
            <th>Transactions</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.month}>
              <td>{point.month}</td>
              <td>{point.personaLabel}</td>
              <td>{point.transactionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
