import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from './duplicate-keys.js';
import { isValidationError } from './error-guards.js';

const api = '/gateway/dd/sms/send';
const consequence = 'that recipient would be texted twice';
type Message = { order_id: string } | { post_tel: string };
const keyOf = (message: Message) =>
  'order_id' in message
    ? { field: 'order_id', value: message.order_id }
    : { field: 'post_tel', value: message.post_tel };

describe('findDuplicateKeys', () => {
  it('gives undefined when every key is unique', () => {
    expect(
      findDuplicateKeys([{ order_id: '1' }, { order_id: '2' }], {
        api,
        listField: 'items',
        keyOf,
        consequence,
      }),
    ).toBeUndefined();
    expect(findDuplicateKeys([], { api, listField: 'items', keyOf, consequence })).toBeUndefined();
  });

  it('names each repeat and the position it first appeared at, never the value', () => {
    const phone = '13912345678';
    const error = findDuplicateKeys<Message>(
      [{ order_id: '1' }, { post_tel: phone }, { order_id: '2' }, { post_tel: phone }, { order_id: '1' }],
      { api, listField: 'messages', keyOf, consequence },
    );
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      api,
      field: 'messages.3.post_tel',
      reason: `repeats messages.1.post_tel: ${consequence}`,
      retryable: false,
      maybeSent: false,
    });
    expect(error?.issues).toEqual([
      { field: 'messages.3.post_tel', reason: `repeats messages.1.post_tel: ${consequence}` },
      { field: 'messages.4.order_id', reason: `repeats messages.0.order_id: ${consequence}` },
    ]);
    expect(error?.message).toContain('(and 1 more)');
    expect([JSON.stringify(error), String(error), error?.stack].join('\n')).not.toContain(phone);
  });

  it('names the first position for every later repeat of a key', () => {
    const error = findDuplicateKeys([{ order_id: '7' }, { order_id: '7' }, { order_id: '7' }], {
      api,
      listField: 'items',
      keyOf,
      consequence,
    });
    expect(error?.issues.map((issue) => issue.reason)).toEqual([
      `repeats items.0.order_id: ${consequence}`,
      `repeats items.0.order_id: ${consequence}`,
    ]);
  });

  it('does not take the same value in two fields for one key', () => {
    expect(
      findDuplicateKeys<Message>([{ order_id: '13800138000' }, { post_tel: '13800138000' }], {
        api,
        listField: 'messages',
        keyOf,
        consequence,
      }),
    ).toBeUndefined();
  });
});
