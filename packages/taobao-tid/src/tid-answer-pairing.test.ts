import { jsonResponse, recordingFetch } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { createTidClient, type TidSendItem, type TidSendOptions } from './index.js';

const item = (order_id: string, template_code = 'SMS_1'): TidSendItem => ({
  order_id,
  sms_free_sign_name: 's',
  template_code,
});
const success = (order_id: string, request_id: string) => ({
  order_id,
  code: 0,
  message: 'success',
  request_id,
  module: null,
});

/** Sends `items` to a gateway that answers `data`, whatever was asked. */
async function sendWithAnswer(items: TidSendItem[], data: unknown[], options?: TidSendOptions) {
  const recording = recordingFetch(() => jsonResponse({ code: 0, message: 'ok', data }));
  const tid = createTidClient({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'kingdo',
    fetch: recording.fetch,
  });
  return tid.send(items, options);
}

const missing = { ok: false, code: 'missing-result', retryable: false, maybeSent: true };

describe('pairing the answer with the items sent', () => {
  it('pairs an answer in another order by the echoed order id', async () => {
    const results = await sendWithAnswer(
      [item('1'), item('2'), item('3')],
      [success('3', 'r3'), success('1', 'r1'), success('2', 'r2')],
    );
    expect(results.map((result) => [result.order_id, result.ok && result.request_id])).toEqual([
      ['1', 'r1'],
      ['2', 'r2'],
      ['3', 'r3'],
    ]);
  });

  it('keeps the results it has when the answer is short, and marks the missing item maybe sent', async () => {
    const results = await sendWithAnswer(
      [item('1'), item('2'), item('3')],
      [success('1', 'r1'), success('3', 'r3')],
    );
    expect(results[0]).toMatchObject({ ok: true, request_id: 'r1' });
    expect(results[1]).toMatchObject({ order_id: '2', ...missing });
    expect(results[2]).toMatchObject({ ok: true, request_id: 'r3' });
  });

  it('does not give an item a result that echoes another order id', async () => {
    const results = await sendWithAnswer([item('1'), item('2')], [success('1', 'r1'), success('9', 'r9')]);
    expect(results[0]).toMatchObject({ ok: true, request_id: 'r1' });
    expect(results[1]).toMatchObject({ order_id: '2', ...missing });
  });

  it('pairs a repeated order id in order when each copy has its result', async () => {
    const results = await sendWithAnswer(
      [item('1', 'SMS_A'), item('2'), item('1', 'SMS_B')],
      [success('1', 'rA'), success('2', 'r2'), success('1', 'rB')],
      { allowDuplicateOrderIds: true },
    );
    expect(results.map((result) => result.ok && result.request_id)).toEqual(['rA', 'r2', 'rB']);
  });

  it('refuses to guess which copy of a repeated order id the one result belongs to', async () => {
    const results = await sendWithAnswer(
      [item('1', 'SMS_A'), item('2'), item('1', 'SMS_B')],
      [success('1', 'r?'), success('2', 'r2')],
      { allowDuplicateOrderIds: true },
    );
    expect(results[0]).toMatchObject({ order_id: '1', ...missing });
    expect(results[1]).toMatchObject({ ok: true, request_id: 'r2' });
    expect(results[2]).toMatchObject({ order_id: '1', ...missing });
  });
});
