import { recordingFetch } from '@x/test-support';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  createTidClient,
  isValidationError,
  type TidSendItem,
  type TidSendOptions,
  type ValidationError,
} from './index.js';
import type { tidSendItemSchema } from './tid-schemas.js';
import { sendsEverything, sentItems } from './tid-test-gateway.js';

const valid: TidSendItem = {
  order_id: '3006925020239565830',
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_251071470',
  params: { code: '38138124' },
};

function client() {
  const recording = recordingFetch(sendsEverything);
  const tid = createTidClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'kingdo',
    fetch: recording.fetch,
  });
  return { tid, requests: recording.requests };
}

/** Sends `items` (deliberately untyped: callers in plain JavaScript pass anything) and returns the error. */
async function rejectionOf(items: unknown, options?: TidSendOptions): Promise<ValidationError> {
  const { tid, requests } = client();
  const error = await tid.send(items as TidSendItem[], options).catch((thrown: unknown) => thrown);
  expect(requests).toHaveLength(0);
  if (!isValidationError(error)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

/** Four valid items with the fourth (position 3) changed: errors must name `items.3.…`. */
const withFourth = (fourth: Record<string, unknown>) => [
  valid,
  { ...valid, order_id: '2' },
  { ...valid, order_id: '3' },
  { ...valid, order_id: '4', ...fourth },
];

describe('validation before sending', () => {
  it.each(['order_id', 'sms_free_sign_name', 'template_code'])('names a missing %s', async (field) => {
    const fourth: Record<string, unknown> = { ...valid, order_id: '4' };
    delete fourth[field];
    const error = await rejectionOf([
      valid,
      { ...valid, order_id: '2' },
      { ...valid, order_id: '3' },
      fourth,
    ]);
    expect(error).toMatchObject({ field: `items.3.${field}`, api: '/gateway/taobao/jst/sms/tid/send' });
    expect(error.reason).toMatch(/required/);
    expect(error.message).toContain(`has invalid input: [items.3.${field}]`);
    expect(error).toMatchObject({ retryable: false, maybeSent: false });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an order id with letters', { order_id: '30069250202395658x' }, 'items.3.order_id', /digits only/],
    ['an empty order id', { order_id: '' }, 'items.3.order_id', /digits only/],
    ['a negative order id', { order_id: '-1' }, 'items.3.order_id', /digits only/],
    [
      'a number order id, which lost digits above 2^53',
      { order_id: 3006925020239565 },
      'items.3.order_id',
      /2\^53/,
    ],
    ['a blank signature', { sms_free_sign_name: '  ' }, 'items.3.sms_free_sign_name', /must not be empty/],
    [
      'a template code that is not a string',
      { template_code: 7 },
      'items.3.template_code',
      /must be a string/,
    ],
    ['params that are not an object', { params: 'code=1' }, 'items.3.params', /object of template variables/],
    [
      'a params value that is an object',
      { params: { code: { n: 1 } } },
      'items.3.params.code',
      /string or a number/,
    ],
    ['a params value that is a boolean', { params: { ok: true } }, 'items.3.params.ok', /string or a number/],
    [
      'a params value that is not finite',
      { params: { n: Number.NaN } },
      'items.3.params.n',
      /string or a number/,
    ],
    [
      'an extend_name that is not a string',
      { extend_name: 12345 },
      'items.3.extend_name',
      /must be a string/,
    ],
    ['an extend_code that is not a string', { extend_code: 888 }, 'items.3.extend_code', /must be a string/],
    ['an extend that is not a string', { extend: ['x'] }, 'items.3.extend', /must be a string/],
    [
      'additional_info that is not a boolean',
      { additional_info: 'true' },
      'items.3.additional_info',
      /boolean/,
    ],
    ['an undocumented field (a typo)', { templateCode: 'SMS_1' }, 'items.3', /templateCode/],
  ])('names the field for %s', async (_label, change, field, reason) => {
    const error = await rejectionOf(withFourth(change));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('lists every problem, not only the first', async () => {
    const error = await rejectionOf([
      { ...valid, order_id: 'x' },
      { ...valid, template_code: '' },
    ]);
    expect(error.issues.map((issue) => issue.field)).toEqual(['items.0.order_id', 'items.1.template_code']);
    expect(error.message).toContain('(and 1 more)');
  });

  it.each([
    ['not an array', { items: [valid] }, 'items'],
    ['an item that is not an object', [valid, null], 'items.1'],
  ])('names the list for items that are %s', async (_label, items, field) => {
    expect((await rejectionOf(items)).field).toBe(field);
  });

  it('refuses an empty sellerNick for one send rather than falling back to the client’s seller', async () => {
    const error = await rejectionOf([valid], { sellerNick: '' });
    expect(error.field).toBe('sellerNick');
  });

  it('names a missing credential when the client is created', () => {
    let caught: unknown;
    try {
      createTidClient({ appId: 'test-appid', appSecret: '', sellerNick: 'kingdo' });
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ field: 'appSecret' });
  });
});

describe('the duplicate decision', () => {
  it('refuses an order id sent twice, naming both positions, even across calls', async () => {
    const items = Array.from({ length: 160 }, (_, index) => ({ ...valid, order_id: String(1000 + index) }));
    items[150] = { ...valid, order_id: '1005' };
    items[151] = { ...valid, order_id: '1005', template_code: 'SMS_2' };
    const error = await rejectionOf(items);
    expect(error.issues).toEqual([
      {
        field: 'items.150.order_id',
        reason:
          'repeats items.5.order_id: that buyer would be texted twice (pass allowDuplicateOrderIds: true to send both)',
      },
      {
        field: 'items.151.order_id',
        reason:
          'repeats items.5.order_id: that buyer would be texted twice (pass allowDuplicateOrderIds: true to send both)',
      },
    ]);
  });

  it('sends both when allowDuplicateOrderIds is true, each with its own result', async () => {
    const { tid, requests } = client();
    const results = await tid.send([valid, { ...valid, template_code: 'SMS_2' }], {
      allowDuplicateOrderIds: true,
    });
    expect(sentItems(requests[0]!).map((item) => item.template_code)).toEqual(['SMS_251071470', 'SMS_2']);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });
});

describe('the input type', () => {
  it('is what the schema accepts, and makes a number order id a compile error', () => {
    expectTypeOf<TidSendItem>().toExtend<z.input<typeof tidSendItemSchema>>();
    // @ts-expect-error — a number order id has already lost digits above 2^53
    const item: TidSendItem = { ...valid, order_id: 3006925020239565 };
    expect(item.order_id).toBe(3006925020239565);
  });
});
