/**
 * The inbox page as a user meets it, in real headless Chromium: a partly failed batch names its failed
 * order in both views; counters follow live messages; clearing a namespace takes its failed sends with it;
 * the signature diagnostic shows the string exactly as sent behind the switch; a message without a
 * configured template says its text is not known; the filters' link is "Remove filters"; a message the user
 * opened stays open when the list is replaced (a resync, a filter change).
 */
import { createJstClient } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

warnWhenChromiumMissing();

/** The magic order id the gateway answers "order not found" for. */
const missingOrder = '19900000400';

describe('the inbox page in Chromium, as a user meets it', () => {
  let server: RunningMockServer;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing) return;
    server = await startMockServer({
      port: 0,
      top: {
        apps: [
          { appKey: '12345678', secret: 'test-secret' },
          { appKey: 'second-app', secret: 'test-secret' },
        ],
      },
      templates: { sms: [{ code: 'SMS_KNOWN', text: '您的验证码是${code}。' }] },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  function open(path: string): Promise<Page> {
    return openLivePage(context, `${server.url}${path}`, problems);
  }

  function jst(appKey: string, appSecret = 'test-secret') {
    return createJstClient({
      appKey,
      appSecret,
      session: 'test-session',
      baseUrl: `${server.url}/router/rest`,
    });
  }

  /** A JST send that the mock rejects for its signature (the client signs with the wrong secret). */
  async function sendBadlySigned(appKey: string, phone: string): Promise<void> {
    const outcome = await jst(appKey, 'not-the-secret')
      .send({ sms_free_sign_name: '聚石塔官方', template_code: 'SMS_KNOWN', phone_number: phone, params: {} })
      .then(
        () => 'accepted',
        () => 'rejected',
      );
    expect(outcome).toBe('rejected');
  }

  it.skipIf(chromiumMissing)(
    `names each failed item of a partly failed batch, in the list and in the journal${skippedNote}`,
    async () => {
      const tid = createTidClient({
        appId: 'test-appid',
        appSecret: 'test-secret',
        sellerNick: 'test-seller',
        baseUrl: server.url,
      });
      const page = await open('/?app=test-appid');
      const results = await tid.send(
        ['3006925020239565830', missingOrder].map((order_id) => ({
          order_id,
          sms_free_sign_name: '迈步鞋城淘宝店',
          template_code: 'SMS_KNOWN',
          params: { code: '1' },
        })),
      );
      expect(results.map((result) => result.ok)).toEqual([true, false]);
      const partial = page.locator('#list > li.partial');
      await eventually(() => partial.count()).toBe(1);
      const failures = partial.locator('[data-testid="failed-items"]');
      expect(await failures.textContent()).toContain(missingOrder);
      expect(await failures.textContent()).toContain('订单不存在');
      expect(await partial.locator('.outcome').textContent()).toBe('partly failed: 1 of 2 not sent');
      expect(await page.locator('#list').textContent()).not.toContain('199****0400');

      await page.click('nav.tabs >> text=Request journal');
      await page.waitForURL(/view=requests/);
      const entry = page.locator('#list > li.partial');
      await eventually(() => entry.count()).toBe(1);
      expect(await entry.locator('[data-testid="failed-items"]').textContent()).toContain(missingOrder);
      const borderColour = '(element) => getComputedStyle(element).borderLeftColor';
      const colour = await entry.evaluate(borderColour);
      // A rejected card, for comparison: a partly failed one must not look the same.
      const rejectedColour = await page.evaluate(`(() => {
        const probe = document.createElement('li');
        probe.className = 'card rejected';
        document.body.append(probe);
        const value = getComputedStyle(probe).borderLeftColor;
        probe.remove();
        return value;
      })()`);
      expect(colour).not.toBe(rejectedColour);
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );

  it.skipIf(chromiumMissing)(
    `keeps tab counts and namespace chips current, and Clear takes a namespace's failed sends with it${skippedNote}`,
    async () => {
      const page = await open('/');
      await page.evaluate("window.marker = 'same document'");
      const messagesTab = page.locator('#tabs [data-count="messages"]');
      const before = Number(await messagesTab.textContent());

      await jst('second-app').send({
        sms_free_sign_name: '聚石塔官方',
        template_code: 'SMS_KNOWN',
        phone_number: '13800138000',
        params: { code: '2' },
      });
      // A namespace the page has not seen yet gets its chip; the tab total follows.
      const chip = page.locator('#namespaces li[data-namespace="second-app"] .count');
      await eventually(() => chip.textContent()).toBe('1');
      await eventually(() => messagesTab.textContent()).toBe(String(before + 1));

      await sendBadlySigned('second-app', '13900139000');
      await eventually(() => page.locator('#list > li.rejected[data-app="second-app"]').count()).toBe(1);
      await eventually(() => chip.textContent()).toBe('2');
      expect(await page.evaluate('window.marker')).toBe('same document');

      await page.locator('#namespaces li[data-namespace="second-app"] button').click();
      await eventually(() => page.locator('#list > li[data-app="second-app"]').count()).toBe(0);
      // Its accepted request stays in the journal, so the chip stays, counting 0 in this tab.
      await eventually(() => chip.textContent()).toBe('0');
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );

  it.skipIf(chromiumMissing)(
    `keeps an opened message open when the list is replaced live (a resync) or refiltered${skippedNote}`,
    async () => {
      const send = (appKey: string, phone: string) =>
        jst(appKey).send({
          sms_free_sign_name: '聚石塔官方',
          template_code: 'SMS_KNOWN',
          phone_number: phone,
          params: { code: '7' },
        });
      await send('12345678', '13500135000');
      await send('second-app', '13500135001');
      const page = await open('/');
      await page.evaluate("window.marker = 'same document'");
      const item = page.locator('#list > li[data-app="12345678"]', { hasText: '135****5000' }).first();
      await item.locator('summary').click();
      expect(await item.locator('details').getAttribute('open')).toBe('');

      // A clear elsewhere: every page is told to resync, and reloads its whole list.
      await page.evaluate("document.getElementById('list').dataset.probe = 'before'");
      const cleared = await fetch(`${server.url}/__mock/ui/clear`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
        body: new URLSearchParams({ app: 'second-app', what: 'messages', return: '/' }),
        redirect: 'manual',
      });
      expect(cleared.status).toBe(303);
      await eventually(() =>
        page.evaluate("document.getElementById('list').dataset.probe ?? 'replaced'"),
      ).toBe('replaced');
      expect(await item.locator('details').getAttribute('open')).toBe('');

      // Typing a filter and then choosing another one at once: the list is replaced, the item stays open.
      await page.fill('input[name="q"]', '13500135000');
      await page.selectOption('select[name="platform"]', 'taobao-jst');
      await eventually(() => page.url()).toContain('platform=taobao-jst');
      await eventually(() => page.locator('#list > li').count()).toBe(1);
      expect(await item.locator('details').getAttribute('open')).toBe('');
      expect(await page.evaluate('window.marker')).toBe('same document');
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );

  it.skipIf(chromiumMissing)(
    `shows the signature diagnostic exactly as sent behind the switch, never the secret${skippedNote}`,
    async () => {
      await sendBadlySigned('12345678', '13700137000');
      const page = await open('/?view=requests&outcome=rejected');
      const entry = page.locator('#list > li.rejected', { hasText: '12345678' }).first();
      await entry.locator('summary').click();
      const signed = entry.locator('[data-testid="signed-string"]');
      expect(await signed.textContent()).toContain('sessiontes***ion');
      expect(await signed.textContent()).not.toContain('13700137000');

      await page.check('input[name="reveal"]');
      await eventually(() => page.url()).toContain('reveal=1');
      const revealed = page.locator('#list > li.rejected', { hasText: '12345678' }).first();
      await revealed.locator('summary').click();
      const exact = await revealed.locator('[data-testid="signed-string"]').textContent();
      expect(exact).toContain('sessiontest-session');
      expect(exact).toContain('"phone_number":"13700137000"');
      expect(exact).toMatch(/^app_key12345678/); // HMAC: the message only, the key is {secret}
      expect(await page.content()).not.toContain('test-secret');
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );

  it.skipIf(chromiumMissing)(
    `says a message's text is not known without its template, and calls the filters' link "Remove filters"${skippedNote}`,
    async () => {
      await jst('12345678').send({
        sms_free_sign_name: '聚石塔官方',
        template_code: 'SMS_NOT_CONFIGURED',
        phone_number: '13600136000',
        params: { code: '5678' },
      });
      const page = await open('/?platform=taobao-jst');
      const item = page.locator('#list > li', { hasText: 'SMS_NOT_CONFIGURED' }).first();
      await item.locator('summary').click();
      expect(await item.locator('[data-testid="text-unknown"]').textContent()).toContain('Text not known');
      expect(await item.locator('[data-testid="text-unknown"]').textContent()).toContain('code=5678');
      expect(await item.locator('.bubble').count()).toBe(0);

      const link = page.locator('[data-testid="remove-filters"]');
      expect(await link.textContent()).toBe('Remove filters');
      expect(await page.locator('form.filters').textContent()).not.toContain('Reset');
      await link.click();
      await eventually(() => page.url()).toBe(`${server.url}/`);
      await page.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
