/**
 * The inbox page in a real browser: Debian's Chromium, driven headless by playwright-core (which downloads no
 * browser of its own). Messages are sent with our own clients over HTTP and must appear without a reload;
 * then the page is filtered, a message opened, a namespace cleared, and screenshots saved (desktop and phone
 * width) to apps/mock-server/test-results/ (git-ignored) for a person to look at.
 *
 * Where Chromium is not installed the test is skipped with a loud banner, never silently.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTpnClient } from '@x/qianniu-tpn';
import { createJstClient, isTopPlatformError } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';
import {
  chromiumArgs,
  chromiumMissing,
  chromiumPath,
  eventually,
  skippedNote,
  warnWhenChromiumMissing,
  watchPage,
} from '../test-support/e2e-browser.js';

warnWhenChromiumMissing();

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url));

const signName = '聚石塔官方';
const shippedTemplate = '您好！您的订单${order}已发货，快递单号${tracking}，请注意查收。';

describe('the inbox page in Chromium', () => {
  let server: RunningMockServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing) return;
    await mkdir(screenshots, { recursive: true });
    server = await startMockServer({
      port: 0,
      templates: {
        sms: [
          { code: 'SMS_12345', text: shippedTemplate },
          { code: 'SMS_251071470', text: '亲，您的卡密是${mima}，卡号${cardno}，请妥善保管。' },
          { code: 'SMS_257051849', text: '您的验证码是${code}，5分钟内有效。' },
        ],
        qianniu: [
          {
            key: 'new-order',
            title: '新订单 ${order}',
            content: '买家 ${buyer} 下单了 ${item}，请及时发货。',
          },
        ],
      },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function watch(page: Page): void {
    watchPage(page, problems);
  }

  it.skipIf(chromiumMissing)(
    `shows messages live, filters, opens one and clears a namespace${skippedNote}`,
    async () => {
      const jst = createJstClient({
        appKey: '12345678',
        appSecret: 'test-secret',
        session: 'test-session',
        baseUrl: `${server.url}/router/rest`,
      });
      const tid = createTidClient({
        appId: 'test-appid',
        appSecret: 'test-secret',
        sellerNick: 'test-seller',
        baseUrl: server.url,
      });
      const tpn = createTpnClient({
        appKey: '12345678',
        appSecret: 'test-secret',
        baseUrl: `${server.url}/router/rest`,
      });

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.url}/`);
      await eventually(() => page.locator('#live').getAttribute('data-state')).toBe('live');
      expect(await page.locator('#list > li').count()).toBe(0);
      // Marks this document: a reload would lose it.
      await page.evaluate("window.marker = 'same document'");

      // Live: each message appears without a reload.
      const shipped = await jst.send({
        sms_free_sign_name: signName,
        template_code: 'SMS_12345',
        phone_number: '13800138000',
        params: { order: '3006925020239565830', tracking: 'SF1234567890' },
      });
      expect(shipped.ok).toBe(true);
      await eventually(() => page.locator('#list > li').count()).toBe(1);
      await eventually(() => page.locator('#list > li').first().textContent()).toContain('138****8000');

      const tidResults = await tid.send([
        {
          order_id: '3006925020239565830',
          sms_free_sign_name: '迈步鞋城淘宝店',
          template_code: 'SMS_251071470',
          params: { mima: 'p282', cardno: '38138124' },
        },
        {
          order_id: '3011187783529034024',
          sms_free_sign_name: '迈步鞋城淘宝店',
          template_code: 'SMS_257051849',
          params: { code: '38138125' },
        },
      ]);
      expect(tidResults.every((result) => result.ok)).toBe(true);
      const qianniu = await tpn.send({
        template_key: 'new-order',
        template_id: '101',
        user_id: '2200000001',
        biz_id: '3006925020239565830',
        title_param: { order: '3006925020239565830' },
        content_param: { buyer: '小王', item: '运动鞋 42码' },
        biz_data: { order_id: '3006925020239565830', amount: '299.00' },
      });
      expect(qianniu.ok).toBe(true);
      // A rejected send: the wrong secret.
      const wrongSecret = createJstClient({
        appKey: '12345678',
        appSecret: 'not-the-secret',
        session: 'test-session',
        baseUrl: `${server.url}/router/rest`,
      });
      const rejected = await wrongSecret
        .send({
          sms_free_sign_name: signName,
          template_code: 'SMS_12345',
          phone_number: '13900139000',
          params: {},
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isTopPlatformError(rejected) && rejected.code).toBe(25);

      await eventually(() => page.locator('#list > li').count()).toBe(5);
      const list = page.locator('#list > li');
      await eventually(() => list.first().textContent()).toContain('rejected: 25 Invalid signature');
      expect(await page.evaluate('window.marker')).toBe('same document');
      expect(await page.locator('#shown').textContent()).toBe('5');

      // Filter (JavaScript applies it at once and keeps it in the URL); the live feed follows the filter.
      await page.selectOption('select[name="platform"]', 'taobao-tid');
      await eventually(() => page.url()).toContain('platform=taobao-tid');
      await eventually(() => list.count()).toBe(2);
      await jst.send({
        sms_free_sign_name: signName,
        template_code: 'SMS_12345',
        phone_number: '13800138001',
        params: { order: '1', tracking: 'SF1' },
      });
      await tid.send([
        {
          order_id: '3011187783529034025',
          sms_free_sign_name: '迈步鞋城淘宝店',
          template_code: 'SMS_257051849',
          params: { code: '1' },
        },
      ]);
      await eventually(() => list.count()).toBe(3);
      expect(await list.first().textContent()).toContain('3011187783529034025');
      await page.fill('input[name="q"]', '38138124');
      await eventually(() => list.count()).toBe(1);
      await page.fill('input[name="q"]', '');
      await page.selectOption('select[name="platform"]', '');
      await eventually(() => list.count()).toBe(7);

      // Open one: the SMS as the phone shows it, with its length and segments.
      const shippedItem = page.locator('#list > li', { hasText: 'SF1234567890' });
      await shippedItem.locator('summary').click();
      const bubble = shippedItem.locator('.bubble');
      await eventually(() => bubble.isVisible()).toBe(true);
      const text = `【${signName}】您好！您的订单3006925020239565830已发货，快递单号SF1234567890，请注意查收。`;
      expect(await bubble.textContent()).toBe(text);
      expect(await shippedItem.locator('[data-testid="characters"]').textContent()).toBe(
        String([...text].length),
      );
      expect(await shippedItem.locator('[data-testid="segments"]').textContent()).toBe('1');
      await page.locator('#list > li', { hasText: '新订单' }).locator('summary').click();

      // The phone toggle shows the numbers.
      expect(await page.locator('body').textContent()).not.toContain('13800138000');
      await page.check('input[name="reveal"]');
      await eventually(() => page.locator('#list').textContent()).toContain('13800138000');
      await page.locator('#list > li', { hasText: 'SF1234567890' }).locator('summary').click();
      await page.screenshot({ path: `${screenshots}inbox-page-desktop.png`, fullPage: true });

      // Phone width: one column, nothing wider than the screen.
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const small = await phone.newPage();
      watch(small);
      await small.goto(`${server.url}/`);
      await small.locator('#list > li', { hasText: 'SF1234567890' }).locator('summary').click();
      expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await small.screenshot({ path: `${screenshots}inbox-page-phone.png`, fullPage: true });
      await phone.close();

      // Clear one namespace (a form POST; the page comes back without the fw199 messages).
      await page.locator('#namespaces li[data-namespace="test-appid"] button').click();
      await eventually(() => list.count()).toBe(4);
      expect(page.url()).toContain('reveal=1');
      expect(await page.locator('#list').textContent()).not.toContain('3011187783529034024');
      expect([...server.app.mock.inbox.newestFirst()].every((message) => message.appKey === '12345678')).toBe(
        true,
      );

      // The request journal: the rejected request with the signature diagnostic.
      await page.click('nav.tabs >> text=Request journal');
      await page.waitForURL(/view=requests/);
      const rejectedEntry = page.locator('#list > li.rejected').first();
      await rejectedEntry.locator('summary').click();
      const diagnostic = await rejectedEntry.locator('[data-testid="signature-diagnostic"]').textContent();
      expect(diagnostic).toContain('hmac-sha256'); // what our clients sign with
      expect(diagnostic).toContain('app_key12345678formatjsonmethodtaobao.jst.sms.message.send');
      await page.screenshot({ path: `${screenshots}inbox-page-journal.png`, fullPage: true });
      await context.close();

      expect(problems).toEqual([]);
    },
    120_000,
  );

  it.skipIf(chromiumMissing)(
    `works without JavaScript: the list, the filter form and the clear button${skippedNote}`,
    async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 800, height: 900 },
      });
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.url}/`);
      const count = await page.locator('#list > li').count();
      expect(count).toBeGreaterThan(0);
      await page.selectOption('select[name="platform"]', 'qianniu-tpn');
      await page.click('form.filters button[type="submit"]');
      await page.waitForURL(/platform=qianniu-tpn/);
      expect(await page.locator('#list > li').count()).toBe(1);
      await page.locator('#list > li summary').click();
      expect(await page.locator('#list .bubble').textContent()).toContain('买家 小王 下单了 运动鞋 42码');
      await page.locator('#namespaces li[data-namespace="12345678"] button').click();
      await eventually(() => page.locator('#list > li').count()).toBe(0);
      expect(page.url()).toContain('platform=qianniu-tpn');
      await context.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
