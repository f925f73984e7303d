import { describe, expect, it } from 'vitest';
import type { TmcConsumer } from './group-queue.js';
import {
  failedReceiptCodes,
  parseReceiptMagic,
  receiptMagicExample,
  receiptOutcomes,
} from './receipt-magic.js';
import { type AcceptedSmsSend, SmsReceipts, smsReceiptTopic } from './sms-receipts.js';
import { TmcBroker } from './tmc-broker.js';
import type { TmcMessage } from './tmc-message.js';
import { createSteppedScheduler } from './tmc-scheduler.js';

// 2026-01-01 08:00:00 in GMT+8.
const start = Date.parse('2026-01-01T00:00:00Z');

function setup(delayMs?: number) {
  const scheduler = createSteppedScheduler(start);
  const broker = new TmcBroker(scheduler);
  const receipts = new SmsReceipts(broker, delayMs === undefined ? {} : { delayMs });
  const received: TmcMessage[] = [];
  const consumer: TmcConsumer = { label: 'test', deliver: (message) => received.push(message) };
  broker.group('app-1', 'default').attach(consumer);
  return { scheduler, receipts, received };
}

const send = (receiver: string, extra: Partial<AcceptedSmsSend> = {}): AcceptedSmsSend => ({
  appKey: 'app-1',
  module: '341623067818673604^0',
  receiver,
  seller: 'ci-seller',
  sentAt: start,
  ...extra,
});

describe('SmsReceipts', () => {
  it('publishes a delivered receipt a second after the send, every field as the topic has it', () => {
    const { scheduler, receipts, received } = setup();
    expect(receipts.schedule(send('13800138000', { extend: 'order-42 &x' }))).toEqual({
      outcome: 'delivered',
      publishAt: start + 1_000,
    });
    scheduler.advance(999);
    expect(received).toEqual([]);
    scheduler.advance(1);
    expect(received).toHaveLength(1);
    const [message] = received as [TmcMessage];
    expect(message).toMatchObject({ topic: smsReceiptTopic, publisher: 'app-1', nick: 'ci-seller' });
    expect(message.content).toBe(
      '{"biz_id":"341623067818673604^0","state":"1","err_code":"DELIVRD","extend":"order-42 &x",' +
        '"receiver":"13800138000","send_time":"2026-01-01 08:00:00","rept_time":"2026-01-01 08:00:01"}',
    );
  });

  it('publishes nothing when receipts are off, magic numbers included', () => {
    const scheduler = createSteppedScheduler(start);
    const broker = new TmcBroker(scheduler);
    const receipts = new SmsReceipts(broker, { enabled: false });
    expect(receipts.schedule(send('13800138000'))).toBeUndefined();
    expect(receipts.schedule(send('19900010215'))).toBeUndefined(); // a late receipt's magic number
    scheduler.advance(24 * 60 * 60_000);
    expect(broker.group('app-1', 'default').stateCounts().queued).toBe(0);
    expect(receipts.tracker.status({ appKey: 'app-1', module: '341623067818673604^0' })).toBeUndefined();
  });

  it('leaves extend out when the send had none, and takes its delay from the options', () => {
    const { scheduler, receipts, received } = setup(0);
    receipts.schedule(send('13800138000'));
    scheduler.runDue();
    expect(JSON.parse((received[0] as TmcMessage).content)).not.toHaveProperty('extend');
    receipts.delayMs = 5_000;
    expect(receipts.schedule(send('13800138000'))?.publishAt).toBe(start + 5_000);
    expect(() => {
      receipts.delayMs = -1;
    }).toThrow(RangeError);
  });

  it('1990001 01 YY: a failed receipt, state 2 and the err_code YY picks', () => {
    const { scheduler, receipts, received } = setup();
    receipts.schedule(send('19900010102'));
    receipts.schedule(send('19900010199'));
    scheduler.advance(1_000);
    expect(received.map((message) => JSON.parse(message.content))).toMatchObject([
      { state: '2', err_code: 'REJECTD' },
      { state: '2', err_code: 'UNDELIV' },
    ]);
  });

  it('1990001 02 YY: the receipt comes YY minutes after the send', () => {
    const { scheduler, receipts, received } = setup();
    expect(receipts.schedule(send('19900010215'))?.publishAt).toBe(start + 15 * 60_000);
    scheduler.advance(15 * 60_000 - 1);
    expect(received).toEqual([]);
    scheduler.advance(1);
    expect(JSON.parse((received[0] as TmcMessage).content)).toMatchObject({
      state: '1',
      send_time: '2026-01-01 08:00:00',
      rept_time: '2026-01-01 08:15:00',
    });
  });

  it('1990001 03 YY: the same receipt message (same id) arrives twice, YY seconds apart', () => {
    const { scheduler, receipts, received } = setup();
    receipts.schedule(send('19900010330'));
    scheduler.advance(1_000);
    expect(received).toHaveLength(1);
    scheduler.advance(30_000);
    expect(received).toHaveLength(2);
    expect(received[1]?.id).toBe(received[0]?.id);
  });

  it('1990001 04 YY: no receipt ever', () => {
    const { scheduler, receipts, received } = setup();
    expect(receipts.schedule(send('19900010400'))).toEqual({ outcome: 'receipt-never', publishAt: null });
    scheduler.advance(86_400_000);
    expect(received).toEqual([]);
  });
});

describe('receipt magic numbers', () => {
  it('are ordinary numbers when magic values are off', () => {
    const scheduler = createSteppedScheduler(start);
    const receipts = new SmsReceipts(new TmcBroker(scheduler), { magicValues: false });
    expect(receipts.schedule(send('19900010400'))).toEqual({
      outcome: 'delivered',
      publishAt: start + 1_000,
    });
  });

  it('reads 1990001XXYY, and nothing else, as a receipt outcome', () => {
    expect(parseReceiptMagic('19900010101')).toMatchObject({
      outcome: { name: 'receipt-failed' },
      parameter: 1,
    });
    for (const ordinary of ['13800138000', '19900000101', '19900019901', '1990001010', '199000101011'])
      expect(parseReceiptMagic(ordinary)).toBeUndefined();
  });

  it("lists each outcome with an example that parses back to it, and send magic's block stays apart", () => {
    for (const outcome of receiptOutcomes) {
      const example = receiptMagicExample(outcome);
      expect(example).toMatch(/^1990001\d{4}$/);
      expect(parseReceiptMagic(example)?.outcome).toBe(outcome);
    }
    expect(failedReceiptCodes).toContain('UNDELIV');
  });
});
