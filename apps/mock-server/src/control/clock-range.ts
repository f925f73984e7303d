/**
 * The instants `/__mock/clock` may move the clock to: years 0001 to 9999, what ISO 8601 and TOP's
 * `yyyy-MM-dd HH:mm:ss` can write. Well inside a Date's range (±8.64e15 ms), so the running clock never leaves
 * it: past that every answer that shows the time would fail.
 */
const earliestInstant = Date.parse('0001-01-01T00:00:00.000Z');
const latestInstant = Date.parse('9999-12-31T23:59:59.999Z');
const rangeText = `${new Date(earliestInstant).toISOString()} … ${new Date(latestInstant).toISOString()}`;

function inRange(instant: number): boolean {
  return instant >= earliestInstant && instant <= latestInstant; // false for NaN too
}

/** Why a clock change would leave the range (one problem naming the field), or none. */
export function clockRangeProblems(now: number, change: { set?: number; advance?: number }): string[] {
  const { set, advance } = change;
  if (set !== undefined && !inRange(set)) return [`set: must be an instant within ${rangeText}`];
  if (advance !== undefined && !inRange((set ?? now) + advance)) {
    return [`advance: would move the clock outside ${rangeText}`];
  }
  return [];
}
