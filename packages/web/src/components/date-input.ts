const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the value of an `<input type="datetime-local">` in the browser's time zone.
 * @example toLocalInput('2026-03-02T04:00:00Z') // '2026-03-02T09:00' in Almaty (UTC+5)
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The value of a datetime-local (or date, taken as midnight) input as an ISO instant for the API.
 * @returns undefined when the text is empty or not a date
 */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The instant that ends a calendar day typed in a date input (the next midnight), for inclusive `to` filters.
 * @example endOfDay('2026-03-02') // next midnight, local time, as ISO
 */
export function endOfDay(value: string): string | undefined {
  const start = fromLocalInput(value);
  if (!start) return undefined;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}
