/**
 * Each JST message's delivery receipt on the inbox page: in the page's HTML (`app.request()`), step by step as
 * the mock's clock moves and a consumer takes and confirms it over HTTP, and live over the page's event
 * stream — one shared render per change, the receiver masked unless the page reveals phone numbers.
 */
import { maskPhoneNumber } from '@x/core';
import { describe, expect, it } from 'vitest';
import { createMockApp, runtimeOf } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { openPageEvents } from '../test-support/server-sent-events.js';
import {
  fixedNow,
  jstBusiness,
  signedTopParams,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from '../test-support/signed-requests.js';
import { pageFeedOf } from './page-feed.js';

const phone = '13800138000';

function setup() {
  const clock = createManualClock(fixedNow);
  const app = createMockApp({ clock, tmc: { receiptDelayMs: 1000, redeliveryIntervalMs: 60_000 } });
  const top = async (business: Record<string, string>, method?: string) => {
    const response = await app.request(
      ...topRequest(signedTopParams(business, method === undefined ? {} : { method, session: null })),
    );
    return (await response.json()) as Record<string, Record<string, unknown>>;
  };
  /** A JST send; its `module` (the receipt's `biz_id`). */
  const send = async (phoneNumber = phone) => {
    const body = await top(jstBusiness({ phone_number: phoneNumber }));
    const module = body.jst_sms_message_send_response?.module;
    if (typeof module !== 'string') throw new Error(`not accepted: ${JSON.stringify(body)}`);
    return module;
  };
  const consumeIds = async () => {
    const response = await app.request(
      ...topRequest(
        signedTopParams({ quantity: '10' }, { method: 'taobao.tmc.messages.consume', session: null }),
      ),
    );
    return [...(await response.text()).matchAll(/"id":(\d+)/g)].map((match) => match[1] as string);
  };
  const confirm = (ids: string[]) => top({ s_message_ids: ids.join(',') }, 'taobao.tmc.messages.confirm');
  const fail = (ids: string[]) => top({ f_message_ids: ids.join(',') }, 'taobao.tmc.messages.confirm');
  /** The receipt element of the message sent as `module`, from a fresh rendering of the page. */
  const receiptOnPage = async (module: string, search = '') => {
    const html = await (await app.request(`/${search}`)).text();
    const start = html.indexOf(`data-receipt="12345678 ${module}"`);
    return start === -1 ? undefined : html.slice(start, html.indexOf('</summary>', start));
  };
  return { app, clock, send, consumeIds, confirm, fail, receiptOnPage, top };
}

function stateOf(element: string | undefined): string | undefined {
  return /data-state="([a-z]+)"/.exec(element ?? '')?.[1];
}

describe("the inbox page's receipt states", () => {
  it('follows a receipt from due to published, pushed, failed, redelivered and confirmed', async () => {
    const { clock, send, consumeIds, confirm, fail, receiptOnPage } = setup();
    const module = await send();
    const due = await receiptOnPage(module);
    expect(stateOf(due)).toBe('due');
    // Due a second after the send, shown in GMT+8 like every time on the page.
    expect(due).toContain('datetime="2024-03-01T04:00:01.000Z"');

    clock.advance(1000);
    const queued = await receiptOnPage(module);
    expect(stateOf(queued)).toBe('queued');
    expect(queued).toContain('data-result="delivered"');
    expect(queued).toContain('delivered DELIVRD');

    const ids = await consumeIds();
    expect(ids).toHaveLength(1);
    expect(stateOf(await receiptOnPage(module))).toBe('pushed');
    await fail(ids);
    expect(stateOf(await receiptOnPage(module))).toBe('failed');
    clock.advance(60_000);
    expect(await consumeIds()).toEqual(ids);
    const redelivered = await receiptOnPage(module);
    expect(stateOf(redelivered)).toBe('redelivered');
    expect(redelivered).toContain('attempt 2');
    await confirm(ids);
    expect(stateOf(await receiptOnPage(module))).toBe('confirmed');
  });

  it('masks the receipt receiver unless phone numbers are shown', async () => {
    const { clock, send, receiptOnPage } = setup();
    const module = await send();
    clock.advance(1000);
    const masked = await receiptOnPage(module);
    expect(masked).toContain(maskPhoneNumber(phone));
    expect(masked).not.toContain(phone);
    expect(await receiptOnPage(module, '?reveal=1')).toContain(phone);
  });

  it('shows failed receipts with their err_code, and the never magic number', async () => {
    const { clock, send, receiptOnPage } = setup();
    const failed = await send('19900010102'); // receipt-failed, YY 02: REJECTD
    const never = await send('19900010400');
    expect(stateOf(await receiptOnPage(never))).toBe('never');
    clock.advance(1000);
    const element = await receiptOnPage(failed);
    expect(element).toContain('data-result="failed"');
    expect(element).toContain('failed REJECTD');
    expect(stateOf(await receiptOnPage(never))).toBe('never');
  });

  it('shows no receipt on messages of other platforms', async () => {
    const { app, top } = setup();
    await top(tpnBusiness(), tpnMethodName);
    const html = await (await app.request('/')).text();
    expect(html).toContain('data-platform="qianniu-tpn"');
    expect(html).not.toContain('data-receipt=');
  });

  it('says receipts are off on a JST message when the mock publishes none (tmc.receipts: false)', async () => {
    const clock = createManualClock(fixedNow);
    const app = createMockApp({ clock, tmc: { receipts: false } });
    const response = await app.request(...topRequest(signedTopParams(jstBusiness())));
    const body = (await response.json()) as { jst_sms_message_send_response: { module: string } };
    const module = body.jst_sms_message_send_response.module;
    clock.advance(60_000);
    const html = await (await app.request('/')).text();
    const start = html.indexOf(`data-receipt="12345678 ${module}"`);
    const element = html.slice(start, html.indexOf('</summary>', start));
    expect(stateOf(element)).toBe('off');
    expect(element).toContain('off (tmc.receipts)');
    expect(runtimeOf(app).tmc.broker.group('12345678', 'default').stateCounts().queued).toBe(0);
    expect(await (await app.request('/__mock/tmc')).json()).toMatchObject({ receipts: false });
  });

  it('keeps the receipt states of as many sends as the inbox keeps messages', async () => {
    const clock = createManualClock(fixedNow);
    const app = createMockApp({ clock, inboxSize: 2 });
    const modules: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await app.request(...topRequest(signedTopParams(jstBusiness())));
      const body = (await response.json()) as { jst_sms_message_send_response: { module: string } };
      modules.push(body.jst_sms_message_send_response.module);
    }
    const tracker = runtimeOf(app).tmc.receipts.tracker;
    const states = modules.map((module) => tracker.status({ appKey: '12345678', module })?.phase);
    expect(states).toEqual([undefined, 'due', 'due']);
    // The forgotten send's receipt is still published: only the page's view of it is gone.
    clock.advance(1000);
    expect(runtimeOf(app).tmc.broker.group('12345678', 'default').stateCounts().queued).toBe(3);
  });

  it('replays the receipt changes a page missed before its stream connected, from the version it saw', async () => {
    const { app, clock, send } = setup();
    const module = await send();
    const html = await (await app.request('/')).text();
    const seen = /data-receipts="(\d+)"/.exec(html)?.[1];
    expect(seen).toMatch(/^\d+$/);
    clock.advance(1000); // published while no page listens
    const page = await openPageEvents(app, `?receipts=${seen}`);
    const event = await page.nextNamed('receipt');
    expect(event).toContain(`data-receipt="12345678 ${module}"`);
    expect(stateOf(event)).toBe('queued');
    const version = /data-version="(\d+)"/.exec(event)?.[1];
    await page.close();

    // Nothing changed since that event: a page reconnecting from it gets no receipt, only what comes next.
    const again = await openPageEvents(app, `?receipts=${version}`);
    await send('13800138001');
    const next = await again.nextNamed('receipt');
    expect(next).not.toContain(`data-receipt="12345678 ${module}"`);
    expect(stateOf(next)).toBe('due');
    await again.close();
  });

  it('sends every open page each receipt change live, rendered once per "show" switch', async () => {
    const { app, clock, send, consumeIds, confirm } = setup();
    const pages = await Promise.all(['', '', '?reveal=1'].map((search) => openPageEvents(app, search)));
    const requestsTab = await openPageEvents(app, '?view=requests');
    const module = await send();
    for (const page of pages) {
      expect(await page.nextNamed('item')).toContain('data-state="due"');
      expect(await page.nextNamed('receipt')).toContain(`data-receipt="12345678 ${module}"`);
    }
    const feed = pageFeedOf(runtimeOf(app));
    const renders = feed.statistics.renders;

    clock.advance(1000);
    for (const page of pages) expect(stateOf(await page.nextNamed('receipt'))).toBe('queued');
    // One change, two variants (switch off, switch on): two renders, not one per page.
    expect(feed.statistics.renders).toBe(renders + 2);

    await confirm(await consumeIds());
    const [first, second, revealed] = pages as [(typeof pages)[0], (typeof pages)[0], (typeof pages)[0]];
    for (const page of [first, second]) {
      let event = await page.nextNamed('receipt');
      while (stateOf(event) !== 'confirmed') event = await page.nextNamed('receipt');
      expect(event).toContain(maskPhoneNumber(phone));
      expect(event).not.toContain(phone);
    }
    let event = await revealed.nextNamed('receipt');
    while (stateOf(event) !== 'confirmed') event = await revealed.nextNamed('receipt');
    expect(event).toContain(phone);

    // The requests tab lists no messages: it gets its items and the new counters, never a receipt.
    const names: string[] = [];
    while (names.at(-1) !== 'counts') names.push(/^event: (\w+)/.exec(await requestsTab.next())?.[1] ?? '');
    expect(names).toContain('item');
    expect(names).not.toContain('receipt');
    await Promise.all([...pages, requestsTab].map((page) => page.close()));
  });
});
