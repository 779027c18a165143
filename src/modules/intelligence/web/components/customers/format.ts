const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A `YYYY-MM-DD` booking date (a calendar day, shown as such whatever the viewer's time zone). */
export const formatDay = (day: string | null) =>
  day ? dateFormat.format(new Date(`${day}T00:00:00Z`)) : '—';

export const formatTime = (iso: string | null) => (iso ? timeFormat.format(new Date(iso)) : '—');

export const formatPercent = (share: number) => `${Math.round(share * 100)} %`;

/** A signed decimal amount as the API gives it, in the customer's currency. */
export function formatAmount(amount: string | number, currency: string): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
  } catch {
    // A code Intl does not know still shows the figure.
    return `${value.toFixed(2)} ${currency}`;
  }
}
