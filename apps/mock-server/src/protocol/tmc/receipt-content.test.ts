/** The receipt text writer agrees with `JSON.stringify` of the receipt's fields, whatever the send holds. */
import { formatTopTimestamp } from '@x/signing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReceiptContentWriter, type ReceiptSource } from './receipt-content.js';

const start = Date.parse('2026-01-01T00:00:00Z');

/** The reference: the receipt's fields as an object, in their order, for `JSON.stringify`. */
function receiptContent(send: ReceiptSource, errorCode: string, reportedAt: number): Record<string, string> {
  return {
    biz_id: send.module,
    state: errorCode === 'DELIVRD' ? '1' : '2',
    err_code: errorCode,
    ...(send.extend === undefined ? {} : { extend: send.extend }),
    receiver: send.receiver,
    send_time: formatTopTimestamp(new Date(send.sentAt)),
    rept_time: formatTopTimestamp(new Date(reportedAt)),
  };
}

describe('ReceiptContentWriter', () => {
  it('writes exactly JSON.stringify(receiptContent(…)) for any module, receiver, extend, error code and times', () => {
    const writer = new ReceiptContentWriter();
    fc.assert(
      fc.property(
        fc.record({
          module: fc.string(),
          receiver: fc.string(),
          extend: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          // Within a few seconds of each other, so the remembered second is hit and missed.
          sentAt: fc.integer({ min: start, max: start + 5_000 }),
        }),
        fc.constantFrom('DELIVRD', 'UNDELIV', 'EXPIRED', 'a"b\\c'),
        fc.integer({ min: start, max: start + 5_000 }),
        (send, errorCode, reportedAt) => {
          expect(writer.write(send, errorCode, reportedAt)).toBe(
            JSON.stringify(receiptContent(send, errorCode, reportedAt)),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('formats each timestamp in GMT+8, to the second', () => {
    const writer = new ReceiptContentWriter();
    const text = writer.write(
      { module: '1^0', receiver: '13800138000', sentAt: start + 999 },
      'DELIVRD',
      start + 1_000,
    );
    expect(JSON.parse(text)).toEqual({
      biz_id: '1^0',
      state: '1',
      err_code: 'DELIVRD',
      receiver: '13800138000',
      send_time: '2026-01-01 08:00:00',
      rept_time: '2026-01-01 08:00:01',
    });
  });
});
