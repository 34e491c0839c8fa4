/** A numeric SQL value (count, sum, numeric column) read back as a JS number. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
