/**
 * The jst client validating a send request before sending: each malformed or missing field is named in a
 * ValidationError, nothing is sent, and a rejected phone number is never echoed.
 */

import { rejection } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isValidationError, type JstSendMessageRequest } from './index.js';
import { client, phone, request } from './test-support/jst-test-client.js';

describe('validation before sending', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['sms_free_sign_name missing', { sms_free_sign_name: undefined }, 'sms_free_sign_name'],
    ['sms_free_sign_name empty', { sms_free_sign_name: '' }, 'sms_free_sign_name'],
    ['sms_free_sign_name blank', { sms_free_sign_name: '  ' }, 'sms_free_sign_name'],
    ['template_code missing', { template_code: undefined }, 'template_code'],
    ['template_code empty', { template_code: '' }, 'template_code'],
    ['phone_number missing', { phone_number: undefined }, 'phone_number'],
    ['phone_number empty', { phone_number: '' }, 'phone_number'],
    ['phone_number too short', { phone_number: '1380013800' }, 'phone_number'],
    ['phone_number too long', { phone_number: '138001380001' }, 'phone_number'],
    ['phone_number not starting with 1', { phone_number: '23800138000' }, 'phone_number'],
    ['phone_number with a country code', { phone_number: '+8613800138000' }, 'phone_number'],
    ['phone_number a number', { phone_number: 13800138000 }, 'phone_number'],
    ['url not http', { url: 'ftp://m.taobao.com' }, 'url'],
    ['url not a URL', { url: 'm.taobao.com' }, 'url'],
    ['params not an object', { params: '{"content":"x"}' }, 'params'],
    ['a params value that is neither string nor number', { params: { content: true } }, 'params.content'],
    ['an optional field that is not a string', { tag: 1 }, 'tag'],
    ['an unknown field', { phone: phone }, 'request'],
  ];

  it.each(cases)('rejects %s, naming %s, and sends nothing', async (_label, change, field) => {
    const { jst, requests } = client();
    const error = await rejection(jst.send({ ...request, ...change } as unknown as JstSendMessageRequest));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      field,
      api: 'taobao.jst.sms.message.send',
      retryable: false,
      maybeSent: false,
    });
    expect(requests).toHaveLength(0);
  });

  it('never echoes the rejected phone number', async () => {
    const { jst } = client();
    const error = await rejection(jst.send({ ...request, phone_number: '138001380009' }));
    expect(JSON.stringify(error) + String(error)).not.toContain('138001380009');
  });
});
