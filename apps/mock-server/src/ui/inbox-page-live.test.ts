/**
 * The inbox page's clear form and its live feed (server-sent events); the page itself is tested in
 * inbox-page.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { runtimeOf } from '../serve/create-mock-app.js';
import {
  newPageApp as newApp,
  renderPage as page,
  recordMessage as record,
} from '../test-support/page-fixtures.js';
import { nextServerSentEvent } from '../test-support/server-sent-events.js';
import { jstBusiness, signedTopParams, topRequest } from '../test-support/signed-requests.js';

describe('POST /__mock/ui/clear — the per-namespace clear button', () => {
  function clearForm(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    };
  }

  it('clears one namespace and comes back to the page it was pressed on', async () => {
    const app = newApp();
    record(app, { appKey: 'worker-1' });
    const kept = record(app, { appKey: 'worker-2' });
    const { html } = await page(app, '?reveal=1');
    expect(html).toContain('<input type="hidden" name="app" value="worker-1"/>');
    expect(html).toContain('<input type="hidden" name="return" value="/?reveal=1"/>');

    const response = await app.request(
      '/__mock/ui/clear',
      clearForm({ app: 'worker-1', what: 'messages', return: '/?reveal=1' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?reveal=1');
    expect([...app.mock.inbox.newestFirst()].map((message) => message.id)).toEqual([kept.id]);
  });

  it('clears the journal of a namespace from the journal tab', async () => {
    const app = newApp();
    await app.request(...topRequest(signedTopParams(jstBusiness())));
    await app.request('/__mock/ui/clear', clearForm({ app: '12345678', what: 'requests' }));
    expect(app.mock.journal.statistics.stored).toBe(0);
    expect(app.mock.inbox.statistics.stored).toBe(1);
  });

  it('refuses a cross-site form and never redirects off the server', async () => {
    const app = newApp();
    record(app);
    const crossSite = await app.request(
      '/__mock/ui/clear',
      clearForm({ app: '12345678' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    // The admin guards answer before the form is read, in the admin API's error shape.
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: 'cross-site request refused' });
    expect(app.mock.inbox.statistics.stored).toBe(1);
    for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const response = await app.request('/__mock/ui/clear', clearForm({ app: 'other', return: target }));
      expect(response.headers.get('location')).toBe('/');
    }
  });
});

describe('GET /__mock/ui/events — the live feed', () => {
  it('sends each new matching message as a rendered list item, and unsubscribes when the client goes', async () => {
    const app = newApp();
    const { inbox } = runtimeOf(app);
    const subscribe = inbox.subscribe.bind(inbox);
    const unsubscribed = vi.fn();
    vi.spyOn(inbox, 'subscribe').mockImplementation((listener) => {
      const stop = subscribe(listener);
      return () => {
        unsubscribed();
        stop();
      };
    });
    const response = await app.request('/__mock/ui/events?platform=taobao-jst');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const filteredOut = record(app, { platform: 'taobao-tid', recipientKind: 'order', recipient: '1' });
    const wanted = record(app, { text: '<i>live</i>' });
    const event = await nextServerSentEvent(reader, decoder);
    expect(event).toContain('event: item');
    expect(event).toContain(`id="m-${wanted.id}"`);
    expect(event).toContain('&lt;i&gt;live&lt;/i&gt;');
    expect(event).toContain(`id: ${wanted.id}.0`);
    expect(event).not.toContain(`id="m-${filteredOut.id}"`);
    expect(unsubscribed).not.toHaveBeenCalled();

    await reader.cancel();
    await vi.waitFor(() => expect(unsubscribed).toHaveBeenCalledOnce());
  });

  it('replays what was recorded after the cursor the page was rendered with', async () => {
    const app = newApp();
    const before = record(app);
    const { html } = await page(app);
    const cursor = /data-after="([\d.]+)"/.exec(html)?.[1];
    expect(cursor).toBe(`${before.id}.0`);
    const missed = record(app, { text: 'recorded between the page and the stream' });
    const response = await app.request(`/__mock/ui/events?after=${cursor}`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const event = await nextServerSentEvent(reader);
    expect(event).toContain(`id="m-${missed.id}"`);
    expect(event).not.toContain(`id="m-${before.id}"`);
    await reader.cancel();
  });

  it('tells the page to resync after a clear', async () => {
    const app = newApp();
    record(app);
    const response = await app.request('/__mock/ui/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    runtimeOf(app).inbox.clear();
    const event = await nextServerSentEvent(reader);
    expect(event).toContain('event: resync');
    await reader.cancel();
  });
});
