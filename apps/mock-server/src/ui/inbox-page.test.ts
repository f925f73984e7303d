import { tidPath } from '@x/taobao-tid/schemas';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import type { PendingMessage } from '../state/recorded-message.js';
import {
  newPageApp as newApp,
  renderPage as page,
  recordMessage as record,
} from '../test-support/page-fixtures.js';
import {
  fixedNow,
  formPost,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
} from '../test-support/signed-requests.js';
import { countCharacters, segmentCount, shortenCiphertext, smsPreview } from './message-view.js';

/** The ids of the list items, in page order. */
function itemIds(html: string): string[] {
  return [...html.matchAll(/<li class="card [a-z]+" id="([mr]-\d+)"/g)].map((match) => match[1] as string);
}

describe('SMS length and segments (docs/protocol.md §3)', () => {
  it('counts every character, signature included: ≤ 70 is one SMS, longer ones segments of 67', () => {
    expect(segmentCount(0)).toBe(1);
    expect(segmentCount(70)).toBe(1);
    expect(segmentCount(71)).toBe(2);
    expect(segmentCount(134)).toBe(2);
    expect(segmentCount(135)).toBe(3);
    expect(countCharacters('【聚石塔官方】您好')).toBe(9);
    expect(countCharacters('a😀b')).toBe(3);
  });

  it('prefixes the signature and counts it', () => {
    const app = newApp();
    const at70 = record(app, { text: 'x'.repeat(63) }); // 【聚石塔官方】 is 7
    const at71 = record(app, { text: 'x'.repeat(64) });
    expect(smsPreview(at70)).toMatchObject({
      signature: '【聚石塔官方】',
      characters: 70,
      segments: 1,
      rendered: true,
    });
    expect(smsPreview(at71)).toMatchObject({ characters: 71, segments: 2 });
  });

  it('uses the counts the recorder gives, and claims no text or count when the template text is unknown', () => {
    const app = newApp();
    const counted = record(app, { length: 99, segments: 2 } as Partial<PendingMessage>);
    expect(smsPreview(counted)).toMatchObject({ characters: 99, segments: 2 });
    const unknown = record(app, { text: null, variables: { code: '1234', shop: '鞋城' } });
    expect(smsPreview(unknown)).toEqual({ rendered: false, signature: '【聚石塔官方】' });
    expect(smsPreview(record(app, { platform: 'qianniu-tpn', signName: null }))).toBeUndefined();
  });

  it('shortens Douyin ciphertexts', () => {
    expect(shortenCiphertext('$abcdefghijklmnop$qrstuvwxyz0123456789*ABCDEF$1$$')).toBe(
      '$abcdefghijk…CDEF$1$$',
    );
  });
});

describe('GET / — the inbox page', () => {
  it('is a complete HTML page with no external assets and a strict Content-Security-Policy', async () => {
    const { response, html } = await page(newApp());
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('No messages yet');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // Nothing is loaded from anywhere: no src= at all, and the one link is the inline icon.
    expect(html).not.toMatch(/\ssrc=/);
    expect(html.match(/<link [^>]*>/g)).toEqual([
      expect.stringMatching(/^<link rel="icon" href="data:image\/svg\+xml,/),
    ]);
  });

  it('lists messages newest first, each SMS as the phone shows it, phone numbers masked by default', async () => {
    const app = newApp();
    const first = record(app, { recipient: '13800138000' });
    const second = record(app, {
      platform: 'taobao-tid',
      api: '/gateway/taobao/jst/sms/tid/send',
      appKey: 'test-appid',
      recipient: '3006925020239565830',
      recipientKind: 'order',
      signName: '迈步鞋城淘宝店',
      template: 'SMS_251071470',
      text: '您的卡号 38138124',
    });
    const { html } = await page(app);
    expect(itemIds(html)).toEqual([`m-${second.id}`, `m-${first.id}`]);
    expect(html).toContain('138****8000');
    expect(html).not.toContain('13800138000');
    expect(html).toContain('3006925020239565830');
    expect(html).toContain('【迈步鞋城淘宝店】您的卡号 38138124');
    // 【迈步鞋城淘宝店】 (9) + 您的卡号 38138124 (13)
    expect(html).toContain('<span data-testid="characters">22</span> characters');
    expect(html).toContain('<span data-testid="segments">1</span> SMS');
    expect(html).toContain('2024-03-01 12:00:0'); // GMT+8

    const revealed = await page(app, '?reveal=1');
    expect(revealed.html).toContain('13800138000');
    expect(revealed.html).toContain('name="reveal" value="1" checked=""');
  });

  it('escapes everything it shows: message text is user input', async () => {
    const app = newApp();
    record(app, {
      signName: '<b>签名</b>',
      text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      variables: { content: '"><svg onload=alert(3)>' },
      template: 'SMS_"quoted"',
    });
    const { html } = await page(app, `?q=${encodeURIComponent('<script>')}`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('【&lt;b&gt;签名&lt;/b&gt;】');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    // The search term is echoed escaped in the form.
    expect(html).toContain('value="&lt;script&gt;"');
    expect(html.match(/<script>/g)).toHaveLength(1); // only the page's own
  });

  it('shows Qianniu messages with title, content, picture and biz data', async () => {
    const app = newApp();
    record(app, {
      platform: 'qianniu-tpn',
      api: 'taobao.tpn.template.message.send',
      recipient: '2200000001',
      recipientKind: 'qianniu-user',
      signName: null,
      template: 'new-order',
      title: '新订单 3006925020239565830',
      text: '买家 小王 下单',
      details: {
        picture: 'https://img.example.com/p.png',
        biz_data: { order_id: '3006925020239565830', amount: '12.50' },
        sub_user_id: '2200000002',
      },
    });
    record(app, {
      platform: 'qianniu-tpn',
      recipientKind: 'qianniu-user',
      signName: null,
      details: { picture: 'javascript:alert(1)' },
    });
    const { html } = await page(app);
    expect(html).toContain('<span class="title">新订单 3006925020239565830</span>买家 小王 下单');
    expect(html).toContain('href="https://img.example.com/p.png"');
    expect(html).toContain('&quot;amount&quot;: &quot;12.50&quot;');
    expect(html).toContain('2200000002');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Qianniu user');
  });

  it('truncates Douyin ciphertexts, keeping the whole one in the tooltip', async () => {
    const app = newApp();
    const ciphertext = '$Nkx8dUs1aDR5ZnE=$qZ6b1Y1k7cKzYy9Wm1o2Qw==*CgYIASAHKAESPgo8M1$1$$';
    record(app, { platform: 'doudian-sms', recipient: ciphertext, recipientKind: 'douyin-ciphertext' });
    const { html } = await page(app);
    expect(html).toContain(
      `title="${ciphertext}">${shortenCiphertext(ciphertext)} <span class="kind">ciphertext`,
    );
  });

  it('filters with plain GET parameters (no JavaScript needed) and keeps them in the form', async () => {
    const app = newApp();
    const jst = record(app, { recipient: '13800000001', template: 'SMS_1', variables: { content: 'apple' } });
    const tid = record(app, {
      platform: 'taobao-tid',
      appKey: 'test-appid',
      recipient: '42',
      recipientKind: 'order',
      template: 'SMS_2',
      text: 'banana',
    });
    const worker = record(app, { appKey: 'worker-1', recipient: '13900000002', template: 'SMS_1' });

    expect(itemIds((await page(app, '?platform=taobao-tid')).html)).toEqual([`m-${tid.id}`]);
    expect(itemIds((await page(app, '?recipient=0001')).html)).toEqual([`m-${jst.id}`]);
    expect(itemIds((await page(app, '?template=SMS_1')).html)).toEqual([`m-${worker.id}`, `m-${jst.id}`]);
    expect(itemIds((await page(app, '?app=worker-1')).html)).toEqual([`m-${worker.id}`]);
    expect(itemIds((await page(app, '?q=BANANA')).html)).toEqual([`m-${tid.id}`]);
    expect(itemIds((await page(app, '?q=apple')).html)).toEqual([`m-${jst.id}`]);
    expect(itemIds((await page(app, '?outcome=rejected')).html)).toEqual([]);
    expect(itemIds((await page(app, '?platform=nonsense&outcome=whatever')).html)).toHaveLength(3);

    const { html } = await page(app, '?platform=taobao-tid&app=test-appid&template=SMS_2&q=ban');
    expect(html).toContain('<option value="taobao-tid" selected="">');
    expect(html).toContain('<option value="test-appid" selected="">');
    expect(html).toContain('name="template" value="SMS_2"');
    expect(html).toContain('name="q" value="ban"');
    expect(html).toContain('<form class="filters" id="filters" method="get" action="/">');
    expect((await page(app, '?template=none')).html).toContain('Nothing matches these filters.');
  });

  it('puts rejected sends in the list with their error, and the journal tab shows the signature diagnostic', async () => {
    const clock = createManualClock(fixedNow);
    const app = createMockApp({ clock });
    await app.request(...topRequest(signedTopParams(jstBusiness({ phone_number: '13800138001' }))));
    clock.advance(1000);
    await app.request(
      ...topRequest(
        signedTopParams(jstBusiness({ phone_number: '13800138002' }), { secret: 'wrong-secret' }),
      ),
    );
    const messages = await page(app);
    expect(itemIds(messages.html)).toEqual(['r-2', 'm-1']);
    expect(messages.html).toContain('rejected: 25 Invalid signature');
    expect(messages.html).toContain('138****8002');
    expect(messages.html).not.toContain('13800138002');
    expect(itemIds((await page(app, '?outcome=rejected')).html)).toEqual(['r-2']);
    expect(itemIds((await page(app, '?outcome=sent')).html)).toEqual(['m-1']);
    expect(itemIds((await page(app, '?recipient=8002')).html)).toEqual(['r-2']);

    const journal = await page(app, '?view=requests');
    expect(itemIds(journal.html)).toEqual(['r-2', 'r-1']);
    expect(journal.html).toContain('data-testid="signature-diagnostic"');
    expect(journal.html).toContain('{secret}app_key12345678');
    expect(journal.html).toContain('accepted: 1 recorded');
    expect(journal.html).not.toContain('test-secret');
    expect(itemIds((await page(app, '?view=requests&outcome=rejected')).html)).toEqual(['r-2']);
    expect(itemIds((await page(app, '?view=requests&outcome=sent')).html)).toEqual(['r-1']);
  });

  it('lists a send whose answer failed some of its messages beside the ones that went out', async () => {
    const app = createMockApp({
      clock: createManualClock(fixedNow),
      interceptors: [
        {
          name: 'second item fails',
          intercept: (call) =>
            call.messages.length > 1
              ? {
                  failMessages: new Map([
                    [1, { code: 40099, message: '当前号码的短信发送次数超过当天限制' }],
                  ]),
                }
              : undefined,
        },
      ],
    });
    const items = ['1001', '1002'].map((order_id) => ({
      order_id,
      sms_free_sign_name: '迈步鞋城淘宝店',
      template_code: 'SMS_9',
    }));
    await app.request(...formPost(tidPath, signedGatewayFields('tb_seller_nick', items)));
    const { html } = await page(app);
    expect(itemIds(html)).toEqual(['m-1', 'r-1']);
    expect(html).toContain('partly failed: 1 of 2 not sent');
    expect(itemIds((await page(app, '?outcome=rejected')).html)).toEqual(['r-1']);
    expect(itemIds((await page(app, '?outcome=sent')).html)).toEqual(['m-1']);
    // In the journal too it is partly failed (not a green "accepted"), with the item that failed and why.
    const journal = (await page(app, '?view=requests')).html;
    expect(journal).toContain('<li class="card partial" id="r-1"');
    expect(journal).toContain('partly failed: 1 of 2 not sent');
    for (const view of [html, journal]) {
      const failures = /<span class="failures" data-testid="failed-items">(.*?)<\/summary>/s.exec(view)?.[1];
      expect(failures).toContain('item 2');
      expect(failures).toContain('1002 <span class="kind">order</span>');
      expect(failures).toContain('40099 当前号码的短信发送次数超过当天限制');
      expect(failures).not.toContain('1001');
    }
  });

  it('renders at most 200 items and says how many matched', async () => {
    const app = newApp();
    for (let index = 0; index < 205; index++) record(app);
    const { html } = await page(app);
    expect(itemIds(html)).toHaveLength(200);
    expect(html).toContain('<span id="shown">200</span> of 205');
  });
});
