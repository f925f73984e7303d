/**
 * TMC through the app (`app.request()`): the TOP methods on `/router/rest`, TMC faults in `/__mock/faults`,
 * the `/__mock/tmc` view, and a namespace reset — with the mock's clock moved, never waited for.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { fixedNow, signedTopParams, topDefaults, topRequest } from '../test-support/signed-requests.js';

function setup() {
  const clock = createManualClock(fixedNow);
  const app = createMockApp({ clock, tmc: { redeliveryIntervalMs: 60_000 } });
  const top = async (method: string, business: Record<string, string>, format: 'json' | 'xml' = 'json') => {
    const response = await app.request(
      ...topRequest(signedTopParams(business, { method, session: null, format })),
    );
    return response.text();
  };
  const control = async (path: string, init?: RequestInit) => {
    const response = await app.request(`/__mock${path}`, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const postJson = (path: string, body: unknown) =>
    control(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { app, clock, top, control, postJson };
}

const produce = { topic: 'contract_topic', content: '{"n":"1"}' };

describe('TMC TOP methods on /router/rest', () => {
  it('produce, consume (Int64 ids exact, TOP list shape, request_id) and confirm, without a session', async () => {
    const { top } = setup();
    expect(await top('taobao.tmc.message.produce', produce)).toMatch(
      /^\{"tmc_message_produce_response":\{"is_success":true,"request_id":"[0-9a-z]{12,13}"\}\}$/,
    );
    const consumed = await top('taobao.tmc.messages.consume', { quantity: '10' });
    const id = /"id":(\d+)/.exec(consumed)?.[1] as string;
    expect(BigInt(id) > 2n ** 53n).toBe(true);
    expect(consumed).toContain(
      `{"tmc_messages_consume_response":{"messages":{"tmc_message":[{"id":${id},"topic":"contract_topic","content":"{\\"n\\":\\"1\\"}","pub_time":"2024-03-01 12:00:00","pub_app_key":"${topDefaults.appKey}","user_id":0,"user_nick":""}]},"request_id":"`,
    );
    expect(await top('taobao.tmc.messages.confirm', { s_message_ids: id })).toMatch(
      /^\{"tmc_messages_confirm_response":\{"is_success":true,"request_id":"/,
    );
  });

  it('answers XML, and errors in the one error_response shape', async () => {
    const { top } = setup();
    await top('taobao.tmc.message.produce', produce);
    expect(await top('taobao.tmc.messages.consume', {}, 'xml')).toMatch(
      /^<\?xml version="1.0" encoding="utf-8" \?><tmc_messages_consume_response><messages><tmc_message><id>\d+<\/id><topic>contract_topic<\/topic>/,
    );
    expect(JSON.parse(await top('taobao.tmc.messages.consume', { quantity: '500' }))).toMatchObject({
      error_response: {
        code: 41,
        msg: 'Invalid arguments:quantity',
        sub_code: 'isv.invalid-parameter:quantity',
      },
    });
  });
});

describe('TMC in the control API', () => {
  it('queues TMC faults next to send faults, one id sequence, listed and cleared together', async () => {
    const { postJson, control } = setup();
    const added = await postJson('/faults?app=12345678', [
      { kind: 'delay', delayMs: 10 },
      { kind: 'tmc-refuse-connect', statusCode: 7, statusPhrase: 'App Call Limited' },
      { kind: 'tmc-drop', match: { topic: 'x' }, times: 2 },
    ]);
    expect(added.status).toBe(201);
    expect(added.body.faults).toMatchObject([
      { id: 1, kind: 'delay' },
      { id: 2, kind: 'tmc-refuse-connect', statusCode: 7, match: { app: '12345678' }, remaining: 1 },
      { id: 3, kind: 'tmc-drop', remaining: 2 },
    ]);
    expect((await control('/faults')).body.count).toBe(3);
    expect((await control('/faults?id=2', { method: 'DELETE' })).body).toEqual({ cleared: 1 });
    expect((await control('/faults', { method: 'DELETE' })).body).toEqual({ cleared: 2 });
  });

  it('refuses a TMC fault with a typo or an unknown app, naming the field', async () => {
    const { postJson } = setup();
    const typo = await postJson('/faults', { kind: 'tmc-delay' });
    expect(typo.status).toBe(400);
    expect(typo.body.problems).toEqual(['delayMs: must be a number']);
    const unknown = await postJson('/faults', { kind: 'tmc-drop', match: { app: 'nobody' } });
    expect(unknown.status).toBe(400);
  });

  it('/__mock/tmc shows groups and message states; redelivery follows the clock; reset clears a namespace', async () => {
    const { app, top, control, clock } = setup();
    await top('taobao.tmc.message.produce', produce);
    await top('taobao.tmc.messages.consume', {});
    // The same view in-process, read-only.
    expect(app.mock.tmc.view('12345678').groups[0]?.counts.pushed).toBe(1);
    expect(app.mock.tmc.view('someone-else').groups).toEqual([]);
    const pushed = await control('/tmc?app=12345678');
    expect(pushed.body).toMatchObject({
      redeliveryIntervalMs: 60_000,
      receiptDelayMs: 1000,
      connections: [],
      groups: [
        {
          app: '12345678',
          group: 'default',
          counts: { pushed: 1 },
          messages: [{ state: 'pushed', attempts: 1 }],
        },
      ],
    });
    clock.advance(60_000);
    expect(await top('taobao.tmc.messages.consume', {})).toContain('"tmc_message":[');
    expect((await control('/tmc')).body).toMatchObject({
      groups: [{ messages: [{ state: 'redelivered', attempts: 2 }] }],
    });
    expect((await control('/reset?app=12345678', { method: 'POST' })).body).toMatchObject({
      cleared: { tmcMessages: 1 },
    });
    expect((await control('/tmc?app=12345678')).body).toMatchObject({ groups: [{ messages: [] }] });
  });

  it('/__mock/magic lists the receipt magic numbers, each example parsing back to its outcome', async () => {
    const { control } = setup();
    const { body } = await control('/magic');
    expect(body.receipts).toMatchObject({
      enabled: true,
      pattern: '1990001XXYY',
      outcomes: [
        { digits: '01', outcome: 'receipt-failed', example: '19900010100' },
        { digits: '02', outcome: 'receipt-late', example: '19900010210' },
        { digits: '03', outcome: 'receipt-twice', example: '19900010300' },
        { digits: '04', outcome: 'receipt-never', example: '19900010400' },
      ],
    });
  });
});
