/**
 * TOP timestamps are wall-clock time in GMT+8 (Asia/Shanghai, no daylight saving since 1991), whatever the
 * host's time zone — the bug that makes many hand-rolled clients fail with code 31 outside China.
 */

const gmt8OffsetMilliseconds = 8 * 60 * 60 * 1000;
const topTimestampPattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const epochMillisecondsPattern = /^\d{1,16}$/;

/**
 * Formats an instant as `yyyy-MM-dd HH:mm:ss` in GMT+8.
 * @example formatTopTimestamp(new Date('2016-01-01T04:00:00Z')) // '2016-01-01 12:00:00'
 */
export function formatTopTimestamp(date: Date): string {
  assertValidDate(date, 'date');
  const shifted = new Date(date.getTime() + gmt8OffsetMilliseconds);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)} ` +
    `${pad(shifted.getUTCHours(), 2)}:${pad(shifted.getUTCMinutes(), 2)}:${pad(shifted.getUTCSeconds(), 2)}`
  );
}

/**
 * Parses a TOP `timestamp` parameter: `yyyy-MM-dd HH:mm:ss` read as GMT+8, or epoch milliseconds (what the
 * official Python SDK sends). Throws a RangeError naming `text` for anything else, including impossible
 * dates such as `2024-02-30 00:00:00`.
 */
export function parseTopTimestamp(text: string): Date {
  if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${typeof text}`);
  const match = topTimestampPattern.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const utcMilliseconds = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(utcMilliseconds);
    // Date.UTC rolls 2024-02-30 over to March; a round trip catches every out-of-range field.
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day ||
      check.getUTCHours() !== hour ||
      check.getUTCMinutes() !== minute ||
      check.getUTCSeconds() !== second
    ) {
      throw new RangeError(`text is not a valid date and time: ${JSON.stringify(text)}`);
    }
    return new Date(utcMilliseconds - gmt8OffsetMilliseconds);
  }
  if (epochMillisecondsPattern.test(text)) return new Date(Number(text));
  throw new RangeError(
    `text must be "yyyy-MM-dd HH:mm:ss" (GMT+8) or epoch milliseconds, got ${JSON.stringify(text)}`,
  );
}

/** Whole seconds since the Unix epoch, as the fw199 gateway's `timestamp` wants. */
export function unixSeconds(date: Date): number {
  assertValidDate(date, 'date');
  return Math.floor(date.getTime() / 1000);
}

function assertValidDate(date: unknown, parameterName: string): asserts date is Date {
  if (!(date instanceof Date)) throw new TypeError(`${parameterName} must be a Date`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${parameterName} is an invalid Date`);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
