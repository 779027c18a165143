import type { AuditEvent } from '../queries';

/** The keys whose value differs between before and after, side by side. */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
  if (keys.length === 0) {
    return <p className="text-muted-foreground text-sm">No before/after data was recorded for this event.</p>;
  }
  return (
    <table className="w-full text-sm" aria-label="Changes">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th scope="col" className="py-1 pr-4 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            Before
          </th>
          <th scope="col" className="py-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key} className="align-top">
            <th scope="row" className="py-1 pr-4 text-left font-mono font-normal text-xs">
              {key}
            </th>
            <td className="py-1 pr-4">
              <Value value={before[key]} tone="before" />
            </td>
            <td className="py-1">
              <Value value={after[key]} tone="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  if (value === undefined) return <span className="text-muted-foreground">—</span>;
  const colour =
    tone === 'before'
      ? 'bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'
      : 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200';
  return (
    <code className={`whitespace-pre-wrap break-all rounded px-1.5 py-0.5 font-mono text-xs ${colour}`}>
      {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
    </code>
  );
}
