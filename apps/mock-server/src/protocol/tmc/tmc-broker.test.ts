import { describe, expect, it } from 'vitest';
import type { TmcConsumer } from './group-queue.js';
import { TmcBroker } from './tmc-broker.js';
import type { TmcMessage } from './tmc-message.js';
import { createSteppedScheduler } from './tmc-scheduler.js';

const interval = 300_000;

function setup() {
  const scheduler = createSteppedScheduler(Date.parse('2026-01-01T00:00:00Z'));
  const broker = new TmcBroker(scheduler, { redeliveryIntervalMs: interval, confirmedHistory: 3 });
  return { scheduler, broker };
}

function consumer(label: string) {
  const received: Array<{ id: bigint; attempt: number }> = [];
  const value: TmcConsumer & { received: typeof received } = {
    label,
    received,
    deliver: (message: TmcMessage, attempt: number) => received.push({ id: message.id, attempt }),
  };
  return value;
}

const receipt = { topic: 'alibaba_aliqin_TaFcSmsDR', content: '{"biz_id":"1^0"}' };

describe('TmcBroker and its group queues', () => {
  it('pushes at once to an attached consumer, and queues until one attaches', () => {
    const { broker } = setup();
    const queued = broker.publish('app-1', receipt);
    expect(queued.id > 2n ** 53n).toBe(true);
    expect(queued.publisher).toBe('app-1');
    const group = broker.group('app-1', 'default');
    expect(group.deliveries().pending.map((delivery) => delivery.state)).toEqual(['queued']);
    const first = consumer('c1');
    group.attach(first);
    expect(first.received).toEqual([{ id: queued.id, attempt: 1 }]);
    const second = broker.publish('app-1', receipt);
    expect(first.received.at(-1)).toEqual({ id: second.id, attempt: 1 });
    expect(group.deliveries().pending.map((delivery) => delivery.state)).toEqual(['pushed', 'pushed']);
  });

  it('a confirmed message never comes back; an unconfirmed one is redelivered after the interval', () => {
    const { broker, scheduler } = setup();
    const group = broker.group('app-1', 'default');
    const client = consumer('c1');
    group.attach(client);
    const confirmed = broker.publish('app-1', receipt);
    const forgotten = broker.publish('app-1', receipt);
    expect(group.confirm(confirmed.id)).toBe(true);
    expect(group.confirm(confirmed.id)).toBe(false);
    scheduler.advance(interval - 1);
    expect(client.received).toHaveLength(2);
    scheduler.advance(1);
    expect(client.received.at(-1)).toEqual({ id: forgotten.id, attempt: 2 });
    const states = group.deliveries();
    expect(states.pending.map((delivery) => delivery.state)).toEqual(['redelivered']);
    expect(states.confirmed.map((delivery) => delivery.message.id)).toEqual([confirmed.id]);
  });

  it('a failed message comes back an interval after the fail, not after the push', () => {
    const { broker, scheduler } = setup();
    const group = broker.group('app-1', 'default');
    const client = consumer('c1');
    group.attach(client);
    const message = broker.publish('app-1', receipt);
    scheduler.advance(60_000);
    expect(group.fail(message.id, 'handler threw')).toBe(true);
    const [delivery] = group.deliveries().pending;
    expect(delivery?.state).toBe('failed');
    expect(delivery?.failReason).toBe('handler threw');
    scheduler.advance(interval - 1);
    expect(client.received).toHaveLength(1);
    scheduler.advance(1);
    expect(client.received).toEqual([
      { id: message.id, attempt: 1 },
      { id: message.id, attempt: 2 },
    ]);
    expect(group.confirm(message.id)).toBe(true);
    scheduler.advance(10 * interval);
    expect(client.received).toHaveLength(2);
  });

  it('a consumer that goes away gives back what it did not confirm, at once, to the next consumer', () => {
    const { broker } = setup();
    const group = broker.group('app-1', 'default');
    const gone = consumer('gone');
    group.attach(gone);
    const kept = broker.publish('app-1', receipt);
    const lost = broker.publish('app-1', receipt);
    group.confirm(kept.id);
    group.detach(gone);
    expect(group.deliveries().pending.map((delivery) => delivery.holder)).toEqual([null]);
    const next = consumer('next');
    group.attach(next);
    expect(next.received).toEqual([{ id: lost.id, attempt: 2 }]);
  });

  it('shares pushes between the consumers of a group, round robin', () => {
    const { broker } = setup();
    const group = broker.group('app-1', 'default');
    const left = consumer('left');
    const right = consumer('right');
    group.attach(left);
    group.attach(right);
    for (let index = 0; index < 4; index++) broker.publish('app-1', receipt);
    expect(left.received).toHaveLength(2);
    expect(right.received).toHaveLength(2);
    expect(group.consumerLabels()).toEqual(['left', 'right']);
  });

  it('isolates namespaces and groups: each group of the namespace gets its own copy', () => {
    const { broker } = setup();
    const mine = consumer('mine');
    const theirs = consumer('theirs');
    const other = consumer('other-group');
    broker.group('app-1', 'default').attach(mine);
    broker.group('app-2', 'default').attach(theirs);
    broker.group('app-1', 'billing').attach(other);
    const message = broker.publish('app-1', receipt);
    expect(mine.received).toEqual([{ id: message.id, attempt: 1 }]);
    expect(other.received).toEqual([{ id: message.id, attempt: 1 }]);
    expect(theirs.received).toEqual([]);
    broker.group('app-1', 'billing').confirm(message.id);
    expect(broker.group('app-1', 'default').deliveries().pending).toHaveLength(1);
    const targeted = broker.publish('app-1', receipt, 'billing');
    expect(other.received.at(-1)?.id).toBe(targeted.id);
    expect(mine.received).toHaveLength(1);
    expect([...broker.groups('app-1')].map((group) => group.name)).toEqual(['default', 'billing']);
  });

  it('hands messages out to HTTP consumers (take), who confirm or let them come back', () => {
    const { broker, scheduler } = setup();
    const group = broker.group('app-1', 'default');
    const ids = [1, 2, 3].map(() => broker.publish('app-1', receipt).id);
    expect(group.take(2).map((message) => message.id)).toEqual(ids.slice(0, 2));
    expect(group.take(10).map((message) => message.id)).toEqual(ids.slice(2));
    expect(group.take(10)).toEqual([]);
    group.confirm(ids[0] as bigint);
    scheduler.advance(interval);
    expect(group.take(10).map((message) => message.id)).toEqual(ids.slice(1));
  });

  it('publishes a message again with the same id, whether or not it was confirmed', () => {
    const { broker } = setup();
    const group = broker.group('app-1', 'default');
    const client = consumer('c1');
    group.attach(client);
    const message = broker.publish('app-1', receipt);
    group.confirm(message.id);
    broker.publishAgain(message);
    expect(client.received).toEqual([
      { id: message.id, attempt: 1 },
      { id: message.id, attempt: 1 },
    ]);
    broker.publishAgain(message);
    expect(client.received.at(-1)).toEqual({ id: message.id, attempt: 2 });
  });

  it('stays bounded: old confirmed messages and the oldest unconfirmed beyond the limit are dropped', () => {
    const scheduler = createSteppedScheduler(0);
    const broker = new TmcBroker(scheduler, { confirmedHistory: 2, maxPendingPerGroup: 3 });
    const group = broker.group('app-1', 'default');
    const ids = [1, 2, 3, 4].map(() => broker.publish('app-1', receipt).id);
    expect(group.statistics.evicted).toBe(1);
    expect(group.deliveries().pending.map((delivery) => delivery.message.id)).toEqual(ids.slice(1));
    group.take(10);
    for (const id of ids) group.confirm(id);
    expect(group.deliveries().confirmed).toHaveLength(2);
    expect(group.statistics).toEqual({ published: 4, confirmed: 3, evicted: 1 });
    broker.clear('app-1');
    expect(group.deliveries()).toEqual({ pending: [], confirmed: [] });
  });

  it('lists a bounded number of unconfirmed messages, and counts them all by state', () => {
    const { broker } = setup();
    const group = broker.group('app-1', 'default');
    for (let index = 0; index < 5; index++) broker.publish('app-1', receipt);
    group.take(2);
    expect(group.deliveries(3).pending.map((delivery) => delivery.state)).toEqual([
      'pushed',
      'pushed',
      'queued',
    ]);
    expect(group.stateCounts()).toEqual({ queued: 3, pushed: 2, confirmed: 0, failed: 0, redelivered: 0 });
  });

  it('refuses options out of range, naming them', () => {
    const scheduler = createSteppedScheduler(0);
    expect(() => new TmcBroker(scheduler, { redeliveryIntervalMs: 0 })).toThrow(/redeliveryIntervalMs/);
    expect(() => new TmcBroker(scheduler, { maxPendingPerGroup: 1.5 })).toThrow(/maxPendingPerGroup/);
  });

  it('keeps the newest messages, in order, when many more than it holds were published with nobody attached', () => {
    const scheduler = createSteppedScheduler(Date.parse('2026-01-01T00:00:00Z'));
    const broker = new TmcBroker(scheduler, { redeliveryIntervalMs: interval, maxPendingPerGroup: 100 });
    const group = broker.group('app-1', 'default');
    const published = Array.from({ length: 10_000 }, () => broker.publish('app-1', receipt).id);
    const client = consumer('late');
    group.attach(client);
    expect(client.received).toEqual(published.slice(-100).map((id) => ({ id, attempt: 1 })));
  });
});
