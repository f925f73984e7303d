/**
 * How the gateway caller reads an answer: the documented TID and Douyin examples, a non-zero outer code as a
 * GatewayError (not sent when documented, maybe sent when not), and unreadable answers.
 */

import { jsonResponse, rejection, textResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isGatewayError, isTransportError } from './error-guards.js';
import {
  client,
  doudianItem,
  fixture,
  requestData,
  tidItem,
  tidPath,
} from './test-support/gateway-caller.js';

describe('the gateway answer', () => {
  it('returns the TID document example items, the failed one included, and the trace id', async () => {
    const { caller } = client(() => textResponse(fixture('gateway-tid-send.json'), 'application/json'));
    const result = await caller.call({
      path: tidPath,
      sellerField: 'tb_seller_nick',
      requestData,
      item: tidItem,
    });
    expect(result.message).toBe('ok');
    expect(result.traceId).toBe('');
    expect(result.items).toEqual([
      {
        order_id: '3006925020239565830',
        code: 0,
        message: 'success',
        request_id: '15s99ai9wbln1',
        module: { code: '341623067818673604^0', nameLen: 3 },
      },
      {
        order_id: '3011187783529034024',
        code: 1,
        message: 'Remote service error,请求失败,当前号码的短信发送次数超过当天限制。',
        request_id: '',
        module: { code: '', nameLen: 0 },
      },
    ]);
  });

  it('accepts the Douyin document example, which has no trace_id', async () => {
    const { caller } = client(() => textResponse(fixture('gateway-doudian-send.json'), 'application/json'));
    const result = await caller.call({
      path: '/gateway/dd/sms/send',
      sellerField: 'seller_nick',
      requestData: {},
      item: doudianItem,
    });
    expect(result.traceId).toBeUndefined();
    expect(result.items.map((item) => item.message_id)).toEqual([
      '0a01be41-5403-4731-b6b8-b48d0bb5d986',
      'f2d1acbf-63c9-495b-b18a-91fc15bb4138',
    ]);
  });

  it('throws a GatewayError for a non-zero outer code, not sent for a documented check', async () => {
    const { caller, requests } = client(() =>
      textResponse(fixture('gateway-error-signature.json'), 'application/json'),
    );
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(isGatewayError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 40002,
      gatewayMessage: '签名错误',
      traceId: '0b8f3c2a17e5',
      retryable: false,
      maybeSent: false,
      message: `${tidPath} failed on the fw199 gateway: [40002] 签名错误; nothing was sent`,
    });
    expect(requests).toHaveLength(1);
  });

  it('counts an undocumented outer code as possibly processed', async () => {
    const { caller } = client(() => jsonResponse({ code: 50000, message: '系统繁忙' }));
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(error).toMatchObject({
      code: 50000,
      gatewayMessage: '系统繁忙',
      maybeSent: true,
      retryable: false,
    });
  });

  it.each([
    ['not JSON', 'Bad Gateway', 'the answer is not JSON'],
    ['no numeric code', '{"message":"ok"}', 'the answer has no numeric code'],
    ['code 0 without data', '{"code":0,"message":"ok"}', 'code 0 without a data array'],
    ['an item without the documented fields', '{"code":0,"data":[{"code":0}]}', 'data.0 does not match'],
  ])('makes %s an unparseable-body error that may have been processed', async (_label, body, detail) => {
    const { caller } = client(() => textResponse(body, 'application/json'));
    const error = await rejection(
      caller.call({ path: tidPath, sellerField: 'tb_seller_nick', requestData, item: tidItem }),
    );
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unparseable-body', maybeSent: true, retryable: false });
    expect((error as { detail: string }).detail).toContain(detail);
  });
});
