/**
 * The inbox page must render without AsyncLocalStorage. On Node 20 the first `AsyncLocalStorage#run` (or
 * `enterWith`) turns on async_hooks promise hooks for the rest of the process, and every promise in the
 * protocol path pays for them from then on: opening the page once made `/router/rest` ~8–10% slower.
 * Hono's JSX `toString()` does exactly that, which is why the page has its own string JSX runtime.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { nextServerSentEvent } from '../test-support/server-sent-events.js';
import { fixedNow, jstBusiness, signedTopParams, topRequest } from '../test-support/signed-requests.js';

/** Both ways a storage can be entered, and so both ways the promise hooks get switched on. */
function spyOnAsyncLocalStorage() {
  return [
    vi.spyOn(AsyncLocalStorage.prototype, 'run'),
    vi.spyOn(AsyncLocalStorage.prototype, 'enterWith'),
  ] as const;
}

describe('the inbox page and its live feed never enter an AsyncLocalStorage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders the message list and the request journal without one', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    await app.request(...topRequest(signedTopParams(jstBusiness({ params: '{"content":"<b>hi</b>"}' }))));
    const [run, enterWith] = spyOnAsyncLocalStorage();

    const messages = await app.request('/');
    expect(await messages.text()).toContain('id="m-1"');
    const journal = await app.request('/?view=requests');
    expect(await journal.text()).toContain('id="r-1"');

    expect(run).not.toHaveBeenCalled();
    expect(enterWith).not.toHaveBeenCalled();
  });

  it('renders a live list item without one', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const [run, enterWith] = spyOnAsyncLocalStorage();
    const response = await app.request('/__mock/ui/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();

    await app.request(...topRequest(signedTopParams(jstBusiness())));
    const event = await nextServerSentEvent(reader);
    await reader.cancel();

    expect(event).toContain('event: item');
    expect(event).toMatch(/id="[mr]-1"/);
    expect(run).not.toHaveBeenCalled();
    expect(enterWith).not.toHaveBeenCalled();
  });
});
