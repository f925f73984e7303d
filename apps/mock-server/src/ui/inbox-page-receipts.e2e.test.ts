/**
 * End to end in real headless Chromium: a JST send through `@x/taobao-jst` → its receipt published when the
 * test moves the mock's clock → received over the WebSocket by a `@x/taobao-tmc` consumer, which confirms it
 * → the open inbox page shows the message's receipt as confirmed and delivered, live, without a reload, the
 * message the user opened still open, the receiver's number masked.
 */
import { maskPhoneNumber } from '@x/core';
import { createJstClient } from '@x/taobao-jst';
import type { SmsReceipt } from '@x/taobao-tmc';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';
import {
  chromiumArgs,
  chromiumMissing,
  chromiumPath,
  eventually,
  openLivePage,
  skippedNote,
  warnWhenChromiumMissing,
} from '../test-support/e2e-browser.js';
import { advanceClock, mockTmcConsumer } from '../test-support/tmc-control.js';

warnWhenChromiumMissing();

const appKey = 'receipts-e2e';
const secret = 'receipts-secret';
const phone = '13800138000';
// A minute: the clock moved by the test, never a slow machine, brings the receipt.
const receiptDelayMs = 60_000;

describe('receipt states on the inbox page, in Chromium', () => {
  let server: RunningMockServer;
  let browser: Browser;
  const problems: string[] = [];
  const stop = new AbortController();

  beforeAll(async () => {
    if (chromiumMissing) return;
    server = await startMockServer({
      port: 0,
      top: { apps: [{ appKey, secret }] },
      tmc: { receiptDelayMs },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);

  afterAll(async () => {
    stop.abort();
    await browser?.close();
    await server?.close();
  });

  function open(path: string): Promise<Page> {
    return openLivePage(browser, `${server.url}${path}`, problems);
  }

  it.skipIf(chromiumMissing)(
    `JST send → receipt over the WebSocket → confirmed → shown on the open page${skippedNote}`,
    async () => {
      const { consumer, events } = mockTmcConsumer(server.url, appKey, secret);
      const receipts: SmsReceipt[] = [];
      void consumer.onSmsReceipt((receipt) => void receipts.push(receipt)).run(stop.signal);
      await eventually(() => events.some((event) => event.type === 'connected')).toBe(true);

      const page = await open(`/?app=${appKey}`);
      await page.evaluate("window.marker = 'same document'");
      const sent = await createJstClient({
        appKey,
        appSecret: secret,
        session: 'test-session',
        baseUrl: `${server.url}/router/rest`,
        retry: { limit: 0 },
      }).send({ sms_free_sign_name: '回执测试', template_code: 'SMS_1', phone_number: phone, params: {} });

      const item = page.locator('#list > li', {
        has: page.locator(`[data-receipt="${appKey} ${sent.module}"]`),
      });
      const receipt = item.locator('.receipt');
      await eventually(() => receipt.getAttribute('data-state')).toBe('due');
      // The user opens the message; live receipt updates must leave it open.
      await item.locator('summary').click();
      expect(await item.locator('details').getAttribute('open')).toBe('');

      await advanceClock(server.url, receiptDelayMs);
      await eventually(() => receipts.map((received) => received.biz_id)).toEqual([sent.module]);
      expect(receipts[0]).toMatchObject({ state: '1', err_code: 'DELIVRD' });

      await eventually(() => receipt.getAttribute('data-state')).toBe('confirmed');
      const text = await receipt.textContent();
      expect(text).toContain('delivered DELIVRD');
      expect(text).toContain(maskPhoneNumber(phone));
      expect(text).not.toContain(phone);
      expect(await item.locator('details').getAttribute('open')).toBe('');
      expect(await page.evaluate('window.marker')).toBe('same document');
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
