import { afterEach, describe, expect, it } from 'vitest';
import { formatTopTimestamp, parseTopTimestamp, unixSeconds } from './top-timestamp.js';

const originalTimeZone = process.env.TZ;
afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

// Node re-reads TZ when it is assigned, so each case really runs under another process time zone.
const timeZones = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];

describe.each(timeZones)('under TZ=%s', (timeZone) => {
  it('formats in GMT+8 whatever the process time zone', () => {
    process.env.TZ = timeZone;
    const instant = new Date('2016-01-01T04:00:00.000Z');
    expect(formatTopTimestamp(instant)).toBe('2016-01-01 12:00:00');
    // Crossing midnight and a year boundary in GMT+8 while UTC is still in the old year.
    expect(formatTopTimestamp(new Date('2025-12-31T16:30:05.999Z'))).toBe('2026-01-01 00:30:05');
  });

  it('parses as GMT+8 whatever the process time zone', () => {
    process.env.TZ = timeZone;
    expect(parseTopTimestamp('2016-01-01 12:00:00').toISOString()).toBe('2016-01-01T04:00:00.000Z');
  });
});

describe('the time zone really changes between cases', () => {
  it('local hours differ between UTC and Los Angeles', () => {
    const instant = new Date('2016-01-01T04:00:00.000Z');
    process.env.TZ = 'UTC';
    const utcHour = instant.getHours();
    process.env.TZ = 'America/Los_Angeles';
    const losAngelesHour = instant.getHours();
    expect(utcHour).toBe(4);
    expect(losAngelesHour).toBe(20);
  });
});

describe('parseTopTimestamp', () => {
  it('accepts epoch milliseconds, as the official Python SDK sends', () => {
    expect(parseTopTimestamp('1451620800000').toISOString()).toBe('2016-01-01T04:00:00.000Z');
  });

  it.each([
    '2016-1-1 12:00:00',
    '2016-01-01T12:00:00',
    '2016-01-01 12:00',
    '2024-02-30 00:00:00',
    '2023-02-29 00:00:00',
    '2016-01-01 24:00:00',
    '2016-13-01 00:00:00',
    '',
    'now',
    '-1',
    '1.5e12',
  ])('rejects %j with a RangeError naming text', (text) => {
    expect(() => parseTopTimestamp(text)).toThrow(RangeError);
    expect(() => parseTopTimestamp(text)).toThrow(/^text /);
  });

  it('accepts leap days that exist', () => {
    expect(parseTopTimestamp('2024-02-29 23:59:59').toISOString()).toBe('2024-02-29T15:59:59.000Z');
  });

  it('round-trips with formatTopTimestamp to the second', () => {
    const instant = new Date('2031-07-04T09:08:07.000Z');
    expect(parseTopTimestamp(formatTopTimestamp(instant)).getTime()).toBe(instant.getTime());
  });
});

describe('unixSeconds', () => {
  it('floors to whole seconds', () => {
    expect(unixSeconds(new Date(1700000000999))).toBe(1700000000);
  });

  it('rejects an invalid Date by name', () => {
    expect(() => unixSeconds(new Date(Number.NaN))).toThrow(new RangeError('date is an invalid Date'));
    expect(() => formatTopTimestamp('2016' as unknown as Date)).toThrow(new TypeError('date must be a Date'));
  });
});
