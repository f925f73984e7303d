/** The virtual clock (`/__mock/clock`), the reset, and the journal's reasons for what the clock does. */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { jstBusiness, signedTopParams, topRequest } from '../test-support/signed-requests.js';

const start = Date.parse('2024-03-01T04:00:00Z');

async function call(app: ReturnType<typeof createMockApp>, path: string, method = 'GET', body?: unknown) {
  const response = await app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/__mock/clock', () => {
  it('reads, sets (ISO or epoch ms), advances (ms or 90s/15m/2h/1d, also back) and resets the clock', async () => {
    const app = createMockApp({ clock: createManualClock(start) });
    expect((await call(app, '/__mock/clock')).body).toEqual({
      now: '2024-03-01T04:00:00.000Z',
      epochMilliseconds: start,
      offsetMilliseconds: 0,
      timestamps: 'mock-clock',
    });
    expect(
      (await call(app, '/__mock/clock', 'POST', { set: '2024-03-01T23:59:00+08:00' })).body,
    ).toMatchObject({
      now: '2024-03-01T15:59:00.000Z',
      offsetMilliseconds: 11 * 3_600_000 + 59 * 60_000,
    });
    expect((await call(app, '/__mock/clock', 'POST', { advance: '1d' })).body.now).toBe(
      '2024-03-02T15:59:00.000Z',
    );
    expect((await call(app, '/__mock/clock', 'POST', { advance: -60_000 })).body.now).toBe(
      '2024-03-02T15:58:00.000Z',
    );
    expect((await call(app, '/__mock/clock', 'POST', { set: start, advance: '90s' })).body.now).toBe(
      '2024-03-01T04:01:30.000Z',
    );
    // Everything that reads the time follows it.
    expect((await call(app, '/__mock/health')).body.now).toBe('2024-03-01T04:01:30.000Z');
    expect((await call(app, '/__mock/clock', 'DELETE')).body).toEqual({
      now: '2024-03-01T04:00:00.000Z',
      epochMilliseconds: start,
      offsetMilliseconds: 0,
      timestamps: 'mock-clock',
    });
  });

  it('refuses a change it cannot read, naming the field', async () => {
    const app = createMockApp();
    expect(await call(app, '/__mock/clock', 'POST', {})).toEqual({
      status: 400,
      body: { error: 'invalid clock change', problems: ['(root): needs set, advance or timestamps'] },
    });
    expect(
      (await call(app, '/__mock/clock', 'POST', { advance: 'soon', set: 'yesterday' })).body.problems,
    ).toEqual([
      'set: must be epoch milliseconds or an ISO 8601 time',
      'advance: must be milliseconds or a duration like 90s, 15m, 2h, 1d',
    ]);
    expect((await call(app, '/__mock/clock', 'POST', { speed: 2 })).body.problems).toEqual([
      'unknown field: speed',
      '(root): needs set, advance or timestamps',
    ]);
  });

  it('checks protocol timestamps against the mock clock, or against the real time when told', async () => {
    const app = createMockApp({ clock: createManualClock(start) });
    const send = async () =>
      (await (
        await app.request(...topRequest(signedTopParams(jstBusiness(), { now: start })))
      ).json()) as Record<string, Record<string, unknown>>;
    await call(app, '/__mock/clock', 'POST', { advance: '11m' });
    expect((await send()).error_response).toMatchObject({ code: 31, msg: 'Invalid timestamp' });
    expect(app.mock.journal.newestFirst().next().value?.verdict).toMatchObject({
      reason: expect.stringContaining("is 11 minutes behind the mock's clock"),
    });
    await call(app, '/__mock/clock', 'POST', { timestamps: 'real-time' });
    expect((await send()).jst_sms_message_send_response).toMatchObject({ request_success: true });
    // Recorded at the mock's time all the same.
    expect(app.mock.inbox.newestFirst().next().value?.receivedAt).toBe('2024-03-01T04:11:00.000Z');
  });
});

describe('POST /__mock/reset', () => {
  it('clears one namespace (messages, requests, faults, limits, TMC messages) or everything, the clock included', async () => {
    const app = createMockApp({
      clock: createManualClock(start),
      limits: { enabled: true },
      top: { apps: [{ appKeyPattern: 'worker-\\d+', secret: 'test-secret', sessions: [{ session: '*' }] }] },
    });
    for (const appKey of ['worker-1', 'worker-2']) {
      await app.request(...topRequest(signedTopParams(jstBusiness(), { appKey, now: start })));
      await call(app, `/__mock/faults?app=${appKey}`, 'POST', { kind: 'delay', delayMs: 1 });
    }
    await call(app, '/__mock/clock', 'POST', { advance: '1h' });
    expect((await call(app, '/__mock/reset?app=worker-1', 'POST')).body).toEqual({
      cleared: { messages: 1, requests: 1, faults: 1, limits: 1, tmcMessages: 1, clock: false },
    });
    expect((await call(app, '/__mock/messages')).body.count).toBe(1);
    expect((await call(app, '/__mock/clock')).body.offsetMilliseconds).toBe(3_600_000);
    expect((await call(app, '/__mock/reset', 'POST')).body).toEqual({
      cleared: { messages: 1, requests: 1, faults: 1, limits: 1, tmcMessages: 1, clock: true },
    });
    expect((await call(app, '/__mock/clock')).body.offsetMilliseconds).toBe(0);
    expect((await call(app, '/__mock/reset?nope=1', 'POST')).status).toBe(400);
  });
});
