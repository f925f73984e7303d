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
  const milliseconds = text.length === 19 ? parseWallClock(text) : Number.NaN;
  if (!Number.isNaN(milliseconds)) return new Date(milliseconds - gmt8OffsetMilliseconds);
  if (text.length === 19 && topTimestampPattern.test(text)) {
    // The shape is right but a field is out of range (2024-02-30, 25:00:00, a year before 100).
    throw new RangeError(`text is not a valid date and time: ${JSON.stringify(text)}`);
  }
  if (epochMillisecondsPattern.test(text)) return new Date(Number(text));
  throw new RangeError(
    `text must be "yyyy-MM-dd HH:mm:ss" (GMT+8) or epoch milliseconds, got ${JSON.stringify(text)}`,
  );
}

/**
 * `yyyy-MM-dd HH:mm:ss` read as UTC wall-clock milliseconds, or NaN when the text does not have that shape or a
 * field is out of range. Read digit by digit: this runs on every request the mock server checks. Years below 100
 * are refused, as `Date.UTC` would read them as 19xx.
 */
function parseWallClock(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (
    text.charCodeAt(4) !== 0x2d ||
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x20 ||
    text.charCodeAt(13) !== 0x3a ||
    text.charCodeAt(16) !== 0x3a
  ) {
    return Number.NaN;
  }
  // NaN fields fail every comparison below.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    return Number.NaN;
  }
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The decimal value of `count` ASCII digits at `start`, or NaN if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
