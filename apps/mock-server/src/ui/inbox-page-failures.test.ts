/**
 * Partly failed requests on the inbox page: each failed item named with its order id (or recipient) and the
 * platform's code and message, in the message list and in the journal, coloured as partly failed — and a
 * magic order id shown whole, never masked like a phone number.
 */
import { doudianPath } from '@x/doudian-sms/schemas';
import { tidPath } from '@x/taobao-tid/schemas';
import { describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import {
  fixedNow,
  formPost,
  jstBusiness,
  jstSendMessageRequest,
  signedGatewayFields,
  signedTopParams,
  topRequest,
} from '../test-support/signed-requests.js';

/** The magic order id the gateway answers "order not found" for. */
const missingOrder = '19900000400';
const notFound = 'Remote service error,请求失败,订单不存在。';

function newApp(): MockApp {
  return createMockApp({ clock: createManualClock(fixedNow) });
}

async function html(app: MockApp, search = ''): Promise<string> {
  const response = await app.request(`/${search}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The failed-items block of the request card `r-<id>`. */
function failedItemsOf(page: string, id: number): string | undefined {
  const card = new RegExp(`<li class="card (\\w+)" id="r-${id}"(.*?)</li>`, 's').exec(page);
  return /data-testid="failed-items">(.*?)<\/summary>/s.exec(card?.[2] ?? '')?.[1];
}

describe('a partly failed request on the inbox page', () => {
  it('records which TID items failed and why, and names them in both views', async () => {
    const app = newApp();
    const items = ['3006925020239565830', missingOrder].map((order_id) => ({
      order_id,
      sms_free_sign_name: '迈步鞋城淘宝店',
      template_code: 'SMS_9',
    }));
    await app.request(...formPost(tidPath, signedGatewayFields('tb_seller_nick', items)));
    const [entry] = [...app.mock.journal.newestFirst()];
    expect(entry?.verdict).toEqual({
      outcome: 'accepted',
      recorded: 1,
      failedItems: 1,
      failures: [{ item: 1, orderId: missingOrder, code: 1, message: notFound }],
    });

    for (const view of ['', '?view=requests']) {
      const page = await html(app, view);
      expect(page).toContain('<li class="card partial" id="r-1"');
      expect(page).toContain('<span class="outcome partial">partly failed: 1 of 2 not sent</span>');
      const failures = failedItemsOf(page, 1);
      expect(failures).toContain('item 2');
      expect(failures).toContain(`${missingOrder} <span class="kind">order</span>`);
      expect(failures).toContain(`1 ${notFound}`);
      // The order id is not a phone number: shown whole everywhere, also in the parameters.
      expect(page).not.toContain('199****0400');
    }
  });

  it('names a failed Douyin item by its order id, or by its masked phone number', async () => {
    const app = newApp();
    const list = [
      { biz_type: 1, order_id: '5001789329480019707' },
      { biz_type: 1, order_id: missingOrder },
      { biz_type: 0, post_tel: '19900000401' },
    ];
    const request = { sign: '群荐的铺子', template_id: 'ST_72dd4e2c', sms_message_list: list };
    await app.request(...formPost(doudianPath, signedGatewayFields('seller_nick', request)));
    const page = await html(app);
    const failures = failedItemsOf(page, 1);
    expect(failures).toContain('item 2');
    expect(failures).toContain(`${missingOrder} <span class="kind">order</span>`);
    expect(failures).toContain('item 3');
    expect(failures).toContain('199****0401 <span class="kind">phone</span>');
    expect(failures).not.toContain('19900000401');
    expect(failures).not.toContain('item 1');
    expect(page).toContain('partly failed: 2 of 3 not sent');
    expect(failedItemsOf(await html(app, '?reveal=1'), 1)).toContain('19900000401');
  });

  it('shows the business failure of a JST send with its code and message', async () => {
    const app = createMockApp({
      clock: createManualClock(fixedNow),
      interceptors: [
        {
          name: 'limit',
          intercept: () => ({
            failMessages: new Map([[0, { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发业务流控' }]]),
          }),
        },
      ],
    });
    const request = jstSendMessageRequest({ phone_number: '13800138000' });
    await app.request(...topRequest(signedTopParams(jstBusiness(request))));
    const journal = await html(app, '?view=requests');
    expect(journal).toContain('<li class="card partial" id="r-1"');
    const failures = failedItemsOf(journal, 1);
    expect(failures).toContain('138****8000 <span class="kind">phone</span>');
    expect(failures).toContain('isv.BUSINESS_LIMIT_CONTROL 触发业务流控');
  });

  it('keeps an accepted request without failures green, and a rejected one red', async () => {
    const app = newApp();
    await app.request(...topRequest(signedTopParams(jstBusiness())));
    await app.request(...topRequest(signedTopParams(jstBusiness(), { secret: 'wrong' })));
    const journal = await html(app, '?view=requests');
    expect(journal).toContain('<li class="card accepted" id="r-1"');
    expect(journal).toContain('<li class="card rejected" id="r-2"');
    expect(failedItemsOf(journal, 1)).toBeUndefined();
  });
});
