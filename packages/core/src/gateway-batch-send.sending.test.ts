/**
 * sendGatewayBatch sending: chunking with the shared fields on every call, repeated keys when allowed,
 * pairing results by key whatever the answer order, and failing only the items of a failed call.
 */
import { jsonResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from './error-guards.js';
import {
  messagesOf,
  path,
  send,
  sendsEverything,
  sentData,
  sentResults,
} from './test-support/gateway-batch-endpoint.js';

describe('sendGatewayBatch: sending', () => {
  it('sends repeated keys when allowed, and pairs each copy with its own result', async () => {
    const messages = [
      { order_id: '1000', text: 'first' },
      { order_id: '1000', text: 'second' },
    ];
    const { results, requests } = send({ template: 'T1', messages }, sendsEverything, {
      allowDuplicates: true,
    });
    expect(await results).toEqual([
      { ok: true, order_id: '1000', message_id: 'm1000' },
      { ok: true, order_id: '1000', message_id: 'm1000' },
    ]);
    expect(sentData(requests[0]!).list.map((message) => message.text)).toEqual(['first', 'second']);
  });

  it('chunks at chunkSize, repeats the shared fields on every call, and returns one result per item in order', async () => {
    const messages = messagesOf(7);
    const { results, requests } = send({ template: 'T1', messages }, sendsEverything, {
      sellerNick: 'other-seller',
    });
    const resolved = await results;

    const sent = requests.map(sentData);
    expect(sent.map((data) => data.list.length).sort((a, b) => b - a)).toEqual([3, 3, 1]);
    expect(sent.map((data) => data.template)).toEqual(['T1', 'T1', 'T1']);
    expect(requests.map((request) => request.url.pathname)).toEqual([path, path, path]);
    expect(requests.map((request) => request.form.seller_nick)).toEqual([
      'other-seller',
      'other-seller',
      'other-seller',
    ]);
    expect(resolved.map((result) => result.order_id)).toEqual(messages.map((message) => message.order_id));
    expect(resolved.every((result) => result.ok)).toBe(true);
  });

  it('pairs results with items by key whatever the answer order; an unanswered item is missing-result', async () => {
    const messages = messagesOf(3);
    const { results } = send({ template: 'T1', messages }, (request) => {
      // Reversed, without 1001, and with a result for an order that was not sent (ignored).
      const data = sentResults(request)
        .filter((result) => result.order_id !== '1001')
        .reverse();
      data.push({ code: 0, message: '', order_id: '9999', message_id: 'm9999' });
      data[0] = { ...data[0]!, code: 7, message: 'refused' };
      return jsonResponse({ code: 0, message: 'ok', data });
    });
    expect(await results).toEqual([
      { ok: true, order_id: '1000', message_id: 'm1000' },
      {
        ok: false,
        order_id: '1001',
        code: 'missing-result',
        message: 'the answer had no result for this item; it may have been sent',
        retryable: false,
        maybeSent: true,
      },
      { ok: false, order_id: '1002', code: 7, message: 'refused', retryable: false, maybeSent: false },
    ]);
  });

  it('fails only the items of a failed call; the other calls keep their results', async () => {
    const messages = messagesOf(7);
    const { results } = send({ template: 'T1', messages }, (request) =>
      sentData(request).list[0]?.order_id === '1003'
        ? jsonResponse({ code: 50000, message: 'internal error', trace_id: 't2' })
        : sendsEverything(request, 0),
    );
    const resolved = await results;

    expect(resolved.map((result) => result.ok)).toEqual([true, true, true, false, false, false, true]);
    for (const result of resolved.slice(3, 6)) {
      expect(result).toMatchObject({ ok: false, code: 50000, maybeSent: true, retryable: false });
      expect(isGatewayError(!result.ok && result.error)).toBe(true);
    }
  });
});
