/**
 * One page's subscription to the live feed as a plain pull API, with no web framework in between: the events
 * it hands out, in order, and how it ends. The same events over HTTP are in the inbox-page tests.
 */
import { describe, expect, it } from 'vitest';
import { runtimeOf } from '../serve/create-mock-app.js';
import { newPageApp, recordMessage } from '../test-support/page-fixtures.js';
import { type PageStreamEvent, subscribePageEvents } from './page-events.js';
import { pageFeedOf } from './page-feed.js';

describe('a page subscription', () => {
  it('hands out a new item with the cursor as its id; close ends a waiting next() and leaves the feed', async () => {
    const app = newPageApp();
    const runtime = runtimeOf(app);
    const subscription = subscribePageEvents(runtime, {}, undefined);
    expect(pageFeedOf(runtime).statistics.clients).toBe(1);

    const first = subscription.next();
    const message = recordMessage(app);
    const item = (await first) as PageStreamEvent;
    expect(item).toMatchObject({ event: 'item', id: `${message.id}.0` });
    expect('data' in item && item.data).toContain(`id="m-${message.id}"`);

    const waiting = subscription.next();
    subscription.close();
    expect(await waiting).toBeUndefined();
    expect(await subscription.next()).toBeUndefined();
    expect(pageFeedOf(runtime).statistics.clients).toBe(0);
  });

  it('replays what came after the cursor it is given, and skips items outside its filters', async () => {
    const app = newPageApp();
    const runtime = runtimeOf(app);
    const seen = recordMessage(app, { appKey: 'shop-a' });
    const missed = recordMessage(app, { appKey: 'shop-a' });
    recordMessage(app, { appKey: 'shop-b' });
    const subscription = subscribePageEvents(runtime, { app: 'shop-a' }, `${seen.id}.0`);
    expect(await subscription.next()).toMatchObject({ event: 'item', id: `${missed.id}.0` });
    subscription.close();
  });

  it('tells a page whose cursor it cannot replay to resync, with the current cursor', async () => {
    const app = newPageApp();
    const message = recordMessage(app);
    const subscription = subscribePageEvents(runtimeOf(app), {}, '999999.0');
    expect(await subscription.next()).toEqual({
      event: 'resync',
      data: 'reload the list',
      id: `${message.id}.0`,
    });
    subscription.close();
  });
});
