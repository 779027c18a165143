import { Tabs, TabsList, TabsTrigger } from '@web/ui/tabs';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useOpenCustomers } from './customers-link';
import { axisTick, type PersonaColours, tooltipStyle } from './palette';
import type { PersonaAnalytics } from './queries';
import type { CustomersFilter } from './search';

const DIMENSIONS = [
  { value: 'region', label: 'Region' },
  { value: 'ageBand', label: 'Age band' },
  { value: 'gender', label: 'Gender' },
] as const;
type Dimension = (typeof DIMENSIONS)[number]['value'];

const UNKNOWN = 'Not given';

/**
 * The persona mix of each region, age band or gender as stacked bars; a segment opens the
 * customers of that group with that persona.
 */
export function DemographicOverlay({
  data,
  colours,
  filter,
}: {
  data: PersonaAnalytics;
  colours: PersonaColours;
  filter: CustomersFilter;
}) {
  const [dimension, setDimension] = useState<Dimension>('region');
  const open = useOpenCustomers();
  const groups = data.overlays[dimension];
  const personas = data.personas;
  const rows = groups.map((group) => ({
    group: group.value ?? UNKNOWN,
    value: group.value,
    ...Object.fromEntries(group.personas.map((persona) => [persona.key, persona.count])),
  }));
  return (
    <div className="flex flex-col gap-3" data-testid="demographic-overlay">
      <Tabs value={dimension} onValueChange={(value) => setDimension(value as Dimension)}>
        <TabsList aria-label="Break personas down by">
          {DIMENSIONS.map((entry) => (
            <TabsTrigger key={entry.value} value={entry.value}>
              {entry.label}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <figure aria-label={`Personas by ${dimension}`} className="m-0">
        <div style={{ height: 260 }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="group" tick={axisTick} stroke="var(--border)" interval={0} minTickGap={4} />
              <YAxis allowDecimals={false} width={40} tick={axisTick} stroke="var(--border)" />
              <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--accent)' }} />
              {personas.map((persona) => (
                <Bar
                  key={persona.key}
                  dataKey={persona.key}
                  name={persona.label}
                  stackId="personas"
                  fill={colours(persona.key)}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(bar) => {
                    const value = (bar.payload as { value: string | null } | undefined)?.value;
                    open({ ...filter, persona: persona.key, ...(value ? { [dimension]: value } : {}) });
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="sr-only">
          {groups.map((group) => `${group.value ?? UNKNOWN}: ${group.total} customers`).join('; ')}
        </figcaption>
      </figure>
    </div>
  );
}
