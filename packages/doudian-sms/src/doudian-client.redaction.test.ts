/**
 * The Douyin client keeping phone numbers, the secret and the signature out of results, hooks, errors and
 * ValidationErrors.
 */

import { jsonResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { client, secret } from './doudian-test-gateway.js';
import {
  type DoudianSendRequest,
  isGatewayError,
  isValidationError,
  type RequestHookInfo,
  type ResponseHookInfo,
} from './index.js';

describe('redaction', () => {
  const phone = '13912345678';

  it('masks a phone number that a refused message’s message quotes', async () => {
    const { doudian } = client(() =>
      jsonResponse({
        code: 0,
        message: 'ok',
        data: [
          { code: 0, message: '', order_id: '1', message_id: 'm1' },
          { code: 40005, message: `参数错误:post_tel ${phone} 已退订`, order_id: '', message_id: '' },
        ],
      }),
    );
    const results = await doudian.send({
      sign: 's',
      template_id: 't',
      messages: [{ order_id: '1' }, { post_tel: phone }],
    });
    expect(results[1]).toEqual({
      ok: false,
      code: 40005,
      message: '参数错误:post_tel 139****5678 已退订',
      retryable: false,
      maybeSent: false,
      order_id: '',
      post_tel: '139****5678',
    });
    expect(JSON.stringify(results)).not.toContain(phone);
  });

  it('keeps the secret, the signature and plain phone numbers out of hooks, errors and results', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { doudian, requests } = client(
      () => jsonResponse({ code: 40005, message: `参数错误:post_tel ${phone} ${secret}` }),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const results = await doudian.send({
      sign: 's',
      template_id: 't',
      messages: [{ post_tel: phone, template_param: { phone, note: `回电 ${phone}` } }, { order_id: '1' }],
    });
    const error = results[0]?.ok ? undefined : results[0]?.error;
    expect(isGatewayError(error)).toBe(true);
    expect(results[0]?.post_tel).toBe('139****5678');
    const outputs = [
      JSON.stringify(seen),
      JSON.stringify(results),
      JSON.stringify(error),
      String(error),
      error?.stack,
    ].join('\n');
    expect(outputs).toContain('139****5678');
    for (const canary of [secret, phone, requests[0]!.form.sign!]) expect(outputs).not.toContain(canary);
  });

  it.each<[string, DoudianSendRequest['messages'], string]>([
    ['malformed', [{ post_tel: '1391234567' }], 'messages.0.post_tel'],
    ['repeated', [{ post_tel: phone }, { order_id: '1' }, { post_tel: phone }], 'messages.2.post_tel'],
  ])('never echoes a %s phone number in a ValidationError', async (_label, messages, field) => {
    const { doudian, requests } = client();
    const error = await doudian
      .send({ sign: 's', template_id: 't', messages })
      .catch((thrown: unknown) => thrown);
    expect(isValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
    const outputs = [JSON.stringify(error), String(error), (error as Error).stack].join('\n');
    expect(outputs).toContain(field);
    for (const canary of ['1391234567', phone]) expect(outputs).not.toContain(canary);
  });
});
