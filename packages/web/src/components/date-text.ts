/**
 * What a person types into a date or date-time field, read back into the value the forms keep
 * (`YYYY-MM-DD`, or `YYYY-MM-DD HH:mm:ss` for the date inputs with a time). Both the language's own
 * pattern (`02.09.2024`, `02/09/2024`) and ISO (`2024-09-02`, `2024-09-02T10:00`) are accepted.
 */

const LOCAL = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[\s,T]+(\d{1,2}):(\d{2}))?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2}))?$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Parses typed text; `null` when it is not a real calendar date (31.02.2026) or time (24:00).
 * @example parseDateText('02.09.2024 10:00', true) // '2024-09-02 10:00:00'
 */
export function parseDateText(text: string, withTime: boolean): string | null {
  const trimmed = text.trim();
  const local = LOCAL.exec(trimmed);
  const iso = local ? null : ISO.exec(trimmed);
  if (!local && !iso) return null;
  const [day, month, year] = local
    ? [Number(local[1]), Number(local[2]), Number(local[3])]
    : [Number(iso?.[3]), Number(iso?.[2]), Number(iso?.[1])];
  const [hour, minute] = [Number((local ?? iso)?.[4] ?? 0), Number((local ?? iso)?.[5] ?? 0)];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  if (hour > 23 || minute > 59) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return withTime ? `${date} ${pad(hour)}:${pad(minute)}:00` : date;
}

/** A form value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) as the date input's value; null for empty. */
export function toPickerValue(value: string, withTime: boolean): string | null {
  if (!value) return null;
  if (!withTime) return value.slice(0, 10);
  const [date, time = '00:00'] = value.split('T');
  return `${date} ${time.slice(0, 5)}:00`;
}

/** The date input's value back as the form keeps it (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`); '' for none. */
export function fromPickerValue(value: string | null, withTime: boolean): string {
  if (!value) return '';
  if (!withTime) return value.slice(0, 10);
  return `${value.slice(0, 10)}T${value.slice(11, 16) || '00:00'}`;
}
