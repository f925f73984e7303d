/**
 * The gateway caller keeping the secret and phone numbers out of hooks and errors.
 */

import { jsonResponse, rejection } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import { client, doudianItem, secret } from './test-support/gateway-caller.js';

describe('redaction', () => {
  it('keeps the secret and phone numbers out of hooks and errors', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { caller } = client(
      () => jsonResponse({ code: 40005, message: `参数错误:post_tel 13800138000 ${secret}` }),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const error = await rejection(
      caller.call({
        path: '/gateway/dd/sms/send',
        sellerField: 'seller_nick',
        requestData: { sms_message_list: [{ biz_type: 0, post_tel: '13800138000' }] },
        item: doudianItem,
      }),
    );
    const outputs = [JSON.stringify(seen), JSON.stringify(error), String(error), (error as Error).stack].join(
      '\n',
    );
    expect(outputs).toContain('138****8000');
    for (const canary of [secret, '13800138000']) expect(outputs).not.toContain(canary);
  });
});
