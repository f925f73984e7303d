/**
 * How the Douyin client reads the answer: pairing the documented example, answered out of order, with the
 * right messages, and a refused message as a failure that was not sent, with its recipient masked.
 */

import { jsonResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { client, documentedRequest, fixture } from './doudian-test-gateway.js';

describe('the answer', () => {
  it('pairs the documented example — answered in swapped order — with the right messages', async () => {
    const { doudian } = client(() => jsonResponse(fixture('doudian-send-seed.json')));
    const results = await doudian.send(documentedRequest);
    expect(results).toEqual([
      {
        ok: true,
        message_id: 'f2d1acbf-63c9-495b-b18a-91fc15bb4138',
        message: '',
        order_id: '5001789329480019707',
      },
      {
        ok: true,
        message_id: '0a01be41-5403-4731-b6b8-b48d0bb5d986',
        message: '',
        order_id: '',
        post_tel: '$DcwmMAKzUZz…',
      },
    ]);
  });

  it('makes a message the gateway refused a failure that was not sent, with its recipient', async () => {
    const { doudian } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [
          { code: 0, message: '', order_id: '5001789329480019707', message_id: 'm1' },
          { code: 40005, message: '参数错误:post_tel', order_id: '', message_id: '' },
        ],
      }),
    );
    const results = await doudian.send({
      ...documentedRequest,
      messages: [documentedRequest.messages[0]!, { post_tel: '13800138000' }],
    });
    expect(results[1]).toEqual({
      ok: false,
      code: 40005,
      message: '参数错误:post_tel',
      retryable: false,
      maybeSent: false,
      order_id: '',
      post_tel: '138****8000',
    });
  });
});
