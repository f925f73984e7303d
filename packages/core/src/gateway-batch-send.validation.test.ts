/**
 * sendGatewayBatch before anything is sent: malformed input, an empty seller or list, an item that cannot be
 * encoded and a repeated key each fail the whole send with a ValidationError, and nothing is sent.
 */
import { rejection } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isValidationError } from './error-guards.js';
import { endpoint, messagesOf, path, send, sendsEverything } from './test-support/gateway-batch-endpoint.js';

describe('sendGatewayBatch: before anything is sent', () => {
  it('rejects a malformed input with a ValidationError naming the field, and sends nothing', async () => {
    const messages = [...messagesOf(4), { order_id: '12a', text: 'x' }];
    const { results, requests } = send({ template: 'T1', messages });
    const error = await rejection(results);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      api: path,
      field: 'messages.4.order_id',
      reason: 'must contain digits only',
    });
    expect(requests).toHaveLength(0);
  });

  it('prefixes the field paths with inputFieldPrefix', async () => {
    const { results, requests } = send(
      { template: '', messages: messagesOf(1) },
      sendsEverything,
      {},
      { ...endpoint, inputFieldPrefix: 'request' },
    );
    expect(await rejection(results)).toMatchObject({ field: 'request.template' });
    expect(requests).toHaveLength(0);
  });

  it('rejects an empty seller and an empty list, and sends nothing', async () => {
    const emptySeller = send({ template: 'T1', messages: messagesOf(2) }, sendsEverything, {
      sellerNick: ' ',
    });
    expect(await rejection(emptySeller.results)).toMatchObject({ field: 'sellerNick' });
    const emptyList = send({ template: 'T1', messages: [] });
    expect(await rejection(emptyList.results)).toMatchObject({
      field: 'messages',
      reason: 'must contain at least one item',
    });
    expect([...emptySeller.requests, ...emptyList.requests]).toHaveLength(0);
  });

  it('encodes every item before the first call: one that cannot be encoded fails the send, nothing is sent', async () => {
    const messages = messagesOf(7);
    messages[5] = { order_id: '1005', text: 'unencodable' };
    const { results, requests } = send({ template: 'T1', messages });
    expect(await rejection(results)).toMatchObject({ field: 'messages.5.text', reason: 'cannot be encoded' });
    expect(requests).toHaveLength(0);
  });

  it('refuses a repeated key, naming both positions, and sends nothing', async () => {
    const messages = messagesOf(5);
    messages[4] = { order_id: '1001', text: 'again' };
    const { results, requests } = send({ template: 'T1', messages });
    const error = await rejection(results);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      field: 'messages.4.order_id',
      reason: 'repeats messages.1.order_id: that buyer would be texted twice',
    });
    expect(requests).toHaveLength(0);
  });
});
