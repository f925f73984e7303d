import { recordingFetch } from '@x/test-support';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { doudianOrderMessageSchema, doudianPhoneMessageSchema } from './doudian-schemas.js';
import { sendsEverything, sentRequestData } from './doudian-test-gateway.js';
import {
  createDoudianClient,
  type DoudianMessage,
  type DoudianSendOptions,
  type DoudianSendRequest,
  isValidationError,
  type ValidationError,
} from './index.js';

const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';
const valid: DoudianSendRequest = {
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  messages: [
    { order_id: '5001789329480019707', template_param: { name: '顺丰' } },
    { post_tel: ciphertext },
    { post_tel: '13800138000' },
    { order_id: '5001789329480019708' },
  ],
};

function client() {
  const recording = recordingFetch(sendsEverything);
  const doudian = createDoudianClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'oms38173182',
    fetch: recording.fetch,
  });
  return { doudian, requests: recording.requests };
}

/** Sends `request` (deliberately untyped: callers in plain JavaScript pass anything) and returns the error. */
async function rejectionOf(request: unknown, options?: DoudianSendOptions): Promise<ValidationError> {
  const { doudian, requests } = client();
  const error = await doudian.send(request as DoudianSendRequest, options).catch((thrown: unknown) => thrown);
  expect(requests).toHaveLength(0);
  if (!isValidationError(error)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

/** The valid request with its fourth message (position 3) replaced. */
const withFourthMessage = (fourth: unknown) => ({
  ...valid,
  messages: [...valid.messages.slice(0, 3), fourth],
});

describe('validation before sending', () => {
  it.each(['sign', 'template_id', 'messages'])('names a missing %s', async (field) => {
    const request: Record<string, unknown> = { ...valid };
    delete request[field];
    const error = await rejectionOf(request);
    expect(error).toMatchObject({
      field,
      api: '/gateway/dd/sms/send',
      retryable: false,
      maybeSent: false,
    });
    expect(error.message).toContain(`has invalid input: [${field}]`);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a blank sign', { sign: ' ' }, 'sign', /must not be empty/],
    ['a template_id that is not a string', { template_id: 72 }, 'template_id', /must be a string/],
    ['messages that are not an array', { messages: { order_id: '1' } }, 'messages', /array/],
    ['a tag over 512 characters', { tag: '标'.repeat(513) }, 'tag', /512/],
    ['a tag that is not a string', { tag: 7 }, 'tag', /must be a string/],
    ['a user_ext_code that is not a string', { user_ext_code: 1 }, 'user_ext_code', /must be a string/],
  ])('names the field for %s', async (_label, change, field, reason) => {
    const error = await rejectionOf({ ...valid, ...change });
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['both order_id and post_tel', { order_id: '1', post_tel: '13800138000' }, 'messages.3', /exactly one/],
    ['neither order_id nor post_tel', { template_param: { a: '1' } }, 'messages.3', /exactly one/],
    ['not an object', 'order:1', 'messages.3', /exactly one/],
    ['an order id with letters', { order_id: '5001789329480019x' }, 'messages.3.order_id', /digits only/],
    ['a number order id', { order_id: 5001789329480019 }, 'messages.3.order_id', /2\^53/],
    ['a phone with 10 digits', { post_tel: '1380013800' }, 'messages.3.post_tel', /11-digit/],
    ['a landline', { post_tel: '02188888888' }, 'messages.3.post_tel', /11-digit/],
    ['a ciphertext cut short', { post_tel: ciphertext.slice(0, 60) }, 'messages.3.post_tel', /ciphertext/],
    [
      'template_param that is JSON text',
      { order_id: '1', template_param: '{"a":"1"}' },
      'messages.3.template_param',
      /object/,
    ],
    [
      'a template_param value that is an object',
      { order_id: '1', template_param: { a: { b: 1 } } },
      'messages.3.template_param.a',
      /string or a number/,
    ],
    [
      'an undocumented field (biz_type is the client’s job)',
      { order_id: '1', biz_type: 1 },
      'messages.3',
      /biz_type/,
    ],
  ])('names the field for a message with %s', async (_label, message, field, reason) => {
    const error = await rejectionOf(withFourthMessage(message));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('accepts a tag of exactly 512 characters', async () => {
    const { doudian, requests } = client();
    await doudian.send({ ...valid, tag: '标'.repeat(512) });
    expect(sentRequestData(requests[0]!).tag).toHaveLength(512);
  });

  it('takes a field set to undefined as absent, as the type does', async () => {
    const { doudian, requests } = client();
    await doudian.send({ ...valid, messages: [{ post_tel: '13800138000', order_id: undefined }] });
    expect(sentRequestData(requests[0]!).sms_message_list).toEqual([
      { biz_type: 0, post_tel: '13800138000' },
    ]);
  });

  it('refuses an empty sellerNick for one send rather than falling back to the client’s seller', async () => {
    expect((await rejectionOf(valid, { sellerNick: '' })).field).toBe('sellerNick');
  });

  it('names a missing credential when the client is created', () => {
    let caught: unknown;
    try {
      createDoudianClient({ appId: '', appSecret: 'test-secret', sellerNick: 'oms38173182' });
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ field: 'appId' });
  });
});

describe('the duplicate decision', () => {
  it('refuses a repeated order id and a repeated phone, naming both positions', async () => {
    const error = await rejectionOf({
      ...valid,
      messages: [...valid.messages, { order_id: '5001789329480019707' }, { post_tel: ciphertext }],
    });
    expect(error.issues).toEqual([
      {
        field: 'messages.4.order_id',
        reason:
          'repeats messages.0.order_id: that recipient would be texted twice (pass allowDuplicateRecipients: true to send both)',
      },
      {
        field: 'messages.5.post_tel',
        reason:
          'repeats messages.1.post_tel: that recipient would be texted twice (pass allowDuplicateRecipients: true to send both)',
      },
    ]);
  });

  it('does not take an order id and a phone with the same digits for one recipient', async () => {
    const { doudian, requests } = client();
    await doudian.send({ ...valid, messages: [{ order_id: '13800138000' }, { post_tel: '13800138000' }] });
    expect(requests).toHaveLength(1);
  });

  it('sends both when allowDuplicateRecipients is true, each with its own result', async () => {
    const { doudian, requests } = client();
    const results = await doudian.send(
      { ...valid, messages: [{ post_tel: '13800138000' }, { post_tel: '13800138000' }] },
      { allowDuplicateRecipients: true },
    );
    expect(sentRequestData(requests[0]!).sms_message_list).toHaveLength(2);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });
});

describe('the message type', () => {
  it('makes both recipients, or neither, a compile error', () => {
    // @ts-expect-error — an order and a phone in one message
    const both: DoudianMessage = { order_id: '1', post_tel: '13800138000' };
    // @ts-expect-error — no recipient at all
    const neither: DoudianMessage = { template_param: { a: '1' } };
    expect([both, neither]).toHaveLength(2);
  });

  it('is what the schemas accept', () => {
    expectTypeOf<Extract<DoudianMessage, { order_id: unknown }>>().toExtend<
      z.input<typeof doudianOrderMessageSchema>
    >();
    expectTypeOf<Extract<DoudianMessage, { post_tel: string }>>().toExtend<
      z.input<typeof doudianPhoneMessageSchema>
    >();
  });
});
