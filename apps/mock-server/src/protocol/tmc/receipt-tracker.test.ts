/**
 * The receipt tracker: where each send's receipt stands (due, never, published with its state in every group),
 * a notification for every change, the broker's delivery-change subscription it is built on, and its bound.
 */
import { describe, expect, it } from 'vitest';
import type { TmcConsumer, TmcDelivery } from './group-queue.js';
import { type ReceiptKey, ReceiptTracker } from './receipt-tracker.js';
import { type AcceptedSmsSend, SmsReceipts } from './sms-receipts.js';
import { TmcBroker } from './tmc-broker.js';
import { createSteppedScheduler } from './tmc-scheduler.js';

const start = Date.parse('2026-01-01T00:00:00Z');

function setup() {
  const scheduler = createSteppedScheduler(start);
  const broker = new TmcBroker(scheduler, { redeliveryIntervalMs: 60_000 });
  const receipts = new SmsReceipts(broker, { delayMs: 1000 });
  const changes: ReceiptKey[] = [];
  receipts.tracker.subscribe((key) => changes.push({ appKey: key.appKey, module: key.module }));
  return { scheduler, broker, receipts, changes };
}

const send = (module: string, receiver = '13800138000'): AcceptedSmsSend => ({
  appKey: 'app-1',
  module,
  receiver,
  seller: null,
  sentAt: start,
});

describe('ReceiptTracker', () => {
  it('follows a receipt from due to published, pushed, failed, redelivered and confirmed, telling each change', () => {
    const { scheduler, broker, receipts, changes } = setup();
    const key = { appKey: 'app-1', module: 'm-1' };
    receipts.schedule(send('m-1'));
    expect(receipts.tracker.status(key)).toEqual({ phase: 'due', publishAt: start + 1000 });
    expect(changes).toEqual([key]);

    scheduler.advance(1000);
    const published = receipts.tracker.status(key);
    expect(published).toMatchObject({
      phase: 'published',
      state: '1',
      errorCode: 'DELIVRD',
      receiver: '13800138000',
      publishedAt: start + 1000,
      deliveries: [{ group: 'default', state: 'queued', attempts: 0 }],
    });
    expect(changes).toHaveLength(2);

    const group = broker.group('app-1', 'default');
    const [message] = group.take(1);
    const id = message?.id as bigint;
    group.fail(id, 'not yet');
    scheduler.advance(60_000);
    group.take(1);
    expect(receipts.tracker.status(key)).toMatchObject({
      deliveries: [{ group: 'default', state: 'redelivered', attempts: 2 }],
    });
    group.confirm(id);
    expect(receipts.tracker.status(key)).toMatchObject({
      deliveries: [{ group: 'default', state: 'confirmed', attempts: 2 }],
    });
    // published, pushed, failed, redelivered, confirmed: one notification each.
    expect(changes).toHaveLength(6);
    expect(changes.every((change) => change.module === 'm-1')).toBe(true);

    broker.clear('app-1');
    expect(receipts.tracker.status(key)).toMatchObject({ phase: 'published', deliveries: [] });
    expect(changes).toHaveLength(7);
  });

  it('says never for the receipt-never magic number, and the err_code of a failed receipt', () => {
    const { scheduler, receipts } = setup();
    receipts.schedule(send('never', '19900010400'));
    receipts.schedule(send('failed', '19900010101'));
    expect(receipts.tracker.status({ appKey: 'app-1', module: 'never' })).toEqual({ phase: 'never' });
    scheduler.advance(1000);
    expect(receipts.tracker.status({ appKey: 'app-1', module: 'failed' })).toMatchObject({
      phase: 'published',
      state: '2',
      errorCode: 'EXPIRED',
    });
    expect(receipts.tracker.status({ appKey: 'app-2', module: 'failed' })).toBeUndefined();
  });

  it('lists the state in every group of the namespace', () => {
    const { scheduler, broker, receipts } = setup();
    const consumer: TmcConsumer = { label: 'crm', deliver: () => undefined };
    broker.group('app-1', 'crm').attach(consumer);
    receipts.schedule(send('m-2'));
    scheduler.advance(1000);
    expect(receipts.tracker.status({ appKey: 'app-1', module: 'm-2' })).toMatchObject({
      deliveries: [
        { group: 'default', state: 'queued' },
        { group: 'crm', state: 'pushed', attempts: 1 },
      ],
    });
  });

  it('lists what changed since a version, oldest change first, or undefined beyond the limit', () => {
    const { scheduler, receipts } = setup();
    const tracker = receipts.tracker;
    receipts.schedule(send('a'));
    const afterA = tracker.version;
    receipts.schedule(send('b'));
    scheduler.advance(1000); // both published: a, then b
    expect(tracker.changedSince(afterA, 10)?.map((change) => change.module)).toEqual(['a', 'b']);
    expect(tracker.changedSince(0, 1)).toBeUndefined();
    expect(tracker.changedSince(tracker.version, 10)).toEqual([]);
    const [last] = tracker.changedSince(tracker.version - 1, 10) ?? [];
    expect(last).toEqual({ appKey: 'app-1', module: 'b', version: tracker.version });
  });

  it('forgets the oldest send beyond its bound', () => {
    const scheduler = createSteppedScheduler(start);
    const tracker = new ReceiptTracker(new TmcBroker(scheduler), 50);
    for (let index = 0; index <= 50; index++)
      tracker.planned({ appKey: 'a', module: String(index) }, '13800138000', null, 'DELIVRD');
    expect(tracker.status({ appKey: 'a', module: '0' })).toBeUndefined();
    expect(tracker.status({ appKey: 'a', module: '1' })).toEqual({ phase: 'never' });
  });

  it('finds the sends planned before anyone asked, the latest of a module planned twice, within its bound', () => {
    const scheduler = createSteppedScheduler(start);
    const tracker = new ReceiptTracker(new TmcBroker(scheduler), 3);
    for (const module of ['a', 'b', 'c', 'b', 'd'])
      tracker.planned({ appKey: 'app-1', module }, '13800138000', module === 'd' ? null : start, 'DELIVRD');
    // The ring held the last three plans (c, b, d): a fell out; b is the later plan.
    const phases = ['a', 'b', 'c', 'd'].map((module) => tracker.status({ appKey: 'app-1', module })?.phase);
    expect(phases).toEqual([undefined, 'due', 'due', 'never']);
    expect(tracker.changedSince(0, 10)?.map((change) => change.module)).toEqual(['c', 'b', 'd']);
  });

  it('does not hear of the receipt of a send planned again under the same module before anyone asked', () => {
    const scheduler = createSteppedScheduler(start);
    const broker = new TmcBroker(scheduler);
    const tracker = new ReceiptTracker(broker);
    const first = tracker.planned({ appKey: 'app-1', module: 'm' }, '13800138000', start, 'DELIVRD');
    tracker.published(first, broker.publish('app-1', { topic: 't', content: '{}' }));
    tracker.planned({ appKey: 'app-1', module: 'm' }, '13800138000', start + 1000, 'DELIVRD');
    const seen = tracker.version; // builds the lookups: the second plan counts
    broker.group('app-1', 'default').take(1); // the first plan's message changes state
    expect(tracker.version).toBe(seen);
    expect(tracker.changedSince(seen, 10)).toEqual([]);
    expect(tracker.status({ appKey: 'app-1', module: 'm' })).toEqual({
      phase: 'due',
      publishAt: start + 1000,
    });
  });

  it('once asked, hears of delivery changes of receipts published before', () => {
    const scheduler = createSteppedScheduler(start);
    const broker = new TmcBroker(scheduler);
    const receipts = new SmsReceipts(broker, { delayMs: 1000 });
    receipts.schedule(send('m-1'));
    scheduler.advance(1000); // published while nobody asked
    const seen = receipts.tracker.version;
    const [message] = broker.group('app-1', 'default').take(1);
    expect(message).toBeDefined();
    expect(receipts.tracker.changedSince(seen, 10)).toEqual([
      { appKey: 'app-1', module: 'm-1', version: receipts.tracker.version },
    ]);
  });

  it('the broker tells subscribers of every delivery change until they stop', () => {
    const { broker } = setup();
    const seen: string[] = [];
    const stop = broker.subscribe((delivery: TmcDelivery) => seen.push(delivery.state));
    broker.publish('app-2', { topic: 't', content: '{}' });
    const group = broker.group('app-2', 'default');
    const [message] = group.take(1);
    group.confirm(message?.id as bigint);
    stop();
    broker.publish('app-2', { topic: 't', content: '{}' });
    expect(seen).toEqual(['queued', 'pushed', 'confirmed']);
  });
});
