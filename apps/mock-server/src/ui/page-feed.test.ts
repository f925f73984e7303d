/**
 * The live feed shared by every open page: each new item is rendered once per variant (tab × "show" switch)
 * however many pages show it — counted, not timed — and every page gets the new counters after a change.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp, type MockApp, runtimeOf } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { recordMessage } from '../test-support/page-fixtures.js';
import { openPageEvents } from '../test-support/server-sent-events.js';
import { fixedNow } from '../test-support/signed-requests.js';
import { pageFeedOf } from './page-feed.js';

function record(app: MockApp, index: number): void {
  recordMessage(app, { appKey: index % 2 === 0 ? 'even' : 'odd', text: `message ${index}` });
}

function openFeed(app: MockApp, search: string) {
  return openPageEvents(app, search);
}

describe('the shared live feed', () => {
  it('renders each item once per variant, however many pages are open, and every page gets it', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const pages = await Promise.all(
      ['', '', '', '?app=even', '?reveal=1', '?reveal=1'].map((search) => openFeed(app, search)),
    );
    const feed = pageFeedOf(runtimeOf(app));
    expect(feed.statistics).toEqual({ renders: 0, clients: 6 });

    const sends = 20;
    for (let index = 0; index < sends; index++) record(app, index);
    for (const [position, page] of pages.entries()) {
      const expected = position === 3 ? sends / 2 : sends; // `?app=even` sees half of them
      const ids: string[] = [];
      for (let count = 0; count < expected; count++) {
        ids.push(/id="(m-\d+)"/.exec(await page.nextNamed('item'))?.[1] ?? '');
      }
      expect(new Set(ids).size).toBe(expected);
    }
    // Two variants (switch off, switch on): two renders per item, not one per page.
    expect(feed.statistics.renders).toBe(sends * 2);

    await Promise.all(pages.map((page) => page.close()));
    await expect.poll(() => feed.statistics.clients).toBe(0);
  });

  it('sends every page the new tab totals and namespace counts after a change', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const page = await openFeed(app, '?view=requests');
    record(app, 0);
    record(app, 1);
    record(app, 2);
    const counts = JSON.parse(/^data: (.*)$/m.exec(await page.nextNamed('counts'))?.[1] ?? 'null');
    expect(counts).toEqual({
      totals: { messages: 3, requests: 0 },
      namespaces: [
        { app: 'even', messages: 2, failedSends: 0, requests: 0 },
        { app: 'odd', messages: 1, failedSends: 0, requests: 0 },
      ],
    });
    await page.close();
  });
});
