import { jsonResponse, recordingFetch } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { createDoudianClient, type DoudianMessage, type DoudianSendOptions } from './index.js';

const success = (order_id: string, message_id: string) => ({ code: 0, message: '', order_id, message_id });
const missing = { ok: false, code: 'missing-result', retryable: false, maybeSent: true };

/** Sends `messages` to a gateway that answers `data`, whatever was asked. */
async function sendWithAnswer(messages: DoudianMessage[], data: unknown[], options?: DoudianSendOptions) {
  const recording = recordingFetch(() => jsonResponse({ code: 0, message: 'ok', data }));
  const doudian = createDoudianClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'oms38173182',
    fetch: recording.fetch,
  });
  return doudian.send({ sign: 's', template_id: 't', messages }, options);
}

const messageIds = (results: Awaited<ReturnType<typeof sendWithAnswer>>) =>
  results.map((result) => (result.ok ? result.message_id : result.code));

describe('pairing the answer with the messages sent', () => {
  it('pairs orders by their echo and phones, echoed as "", in order among themselves', async () => {
    const results = await sendWithAnswer(
      [{ post_tel: '13800000001' }, { order_id: '1' }, { post_tel: '13800000002' }, { order_id: '2' }],
      [success('2', 'm2'), success('', 'mPhoneA'), success('1', 'm1'), success('', 'mPhoneB')],
    );
    expect(messageIds(results)).toEqual(['mPhoneA', 'm1', 'mPhoneB', 'm2']);
    expect(results.map((result) => result.post_tel)).toEqual([
      '138****0001',
      undefined,
      '138****0002',
      undefined,
    ]);
  });

  it('refuses to guess which phone a short answer left out, and keeps the orders’ results', async () => {
    const results = await sendWithAnswer(
      [{ post_tel: '13800000001' }, { order_id: '1' }, { post_tel: '13800000002' }],
      [success('', 'm?'), success('1', 'm1')],
    );
    expect(results[0]).toMatchObject({ post_tel: '138****0001', ...missing });
    expect(results[1]).toMatchObject({ ok: true, message_id: 'm1', order_id: '1' });
    expect(results[2]).toMatchObject({ post_tel: '138****0002', ...missing });
  });

  it('does not give a message a result that echoes another order id', async () => {
    const results = await sendWithAnswer(
      [{ order_id: '1' }, { order_id: '2' }],
      [success('1', 'm1'), success('3', 'm3')],
    );
    expect(results[0]).toMatchObject({ ok: true, message_id: 'm1' });
    expect(results[1]).toMatchObject({ order_id: '2', ...missing });
  });

  it('pairs repeated order ids in order when each copy has its result, and refuses to guess otherwise', async () => {
    const complete = await sendWithAnswer(
      [{ order_id: '1' }, { order_id: '1' }],
      [success('1', 'first'), success('1', 'second')],
      { allowDuplicateRecipients: true },
    );
    expect(messageIds(complete)).toEqual(['first', 'second']);

    const short = await sendWithAnswer([{ order_id: '1' }, { order_id: '1' }], [success('1', 'which?')], {
      allowDuplicateRecipients: true,
    });
    expect(messageIds(short)).toEqual(['missing-result', 'missing-result']);
  });
});
