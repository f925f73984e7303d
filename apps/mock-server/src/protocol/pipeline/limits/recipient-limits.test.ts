/**
 * Per-recipient limits over loopback, driven by the virtual clock: 1 per minute, 5 per hour, 10 per calendar
 * day in GMT+8 — and the day resets at midnight in China.
 */
import { createJstClient } from '@x/taobao-jst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeOf } from '../../../serve/create-mock-app.js';
import { type RunningMockServer, startMockServer } from '../../../serve/start-mock-server.js';
import { getJson, jstSuccess as sent, stableBody } from '../../../test-support/mock-control.js';
import {
  formPost,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
} from '../../../test-support/signed-requests.js';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, profile: 'realistic' });
});
afterAll(() => server.close());

async function setClock(change: Record<string, unknown>): Promise<number> {
  const state = await getJson<{ epochMilliseconds: number }>(`${server.url}/__mock/clock`, {
    method: 'POST',
    body: JSON.stringify(change),
  });
  return state.epochMilliseconds;
}

/** One JST send signed with the mock's own clock (the timestamp check follows the virtual clock). */
async function jst(now: number, phone = '13800138000', sign = '聚石塔官方'): Promise<string> {
  const params = signedTopParams(jstBusiness({ phone_number: phone, sms_free_sign_name: sign }), { now });
  return stableBody(
    await (await fetch(`${server.url}${topRequest(params)[0]}`, topRequest(params)[1])).text(),
  );
}

const limited = (words: string) =>
  `{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.BUSINESS_LIMIT_CONTROL","sub_msg":"${words}","request_id":"<id>"}}`;

describe('per-recipient limits (profile realistic)', () => {
  it('1/min, 5/h, 10/day for one signature and number; the day ends at midnight GMT+8', async () => {
    let now = await setClock({ set: '2024-03-01T20:00:00+08:00' });
    expect(await jst(now)).toBe(sent);
    expect(await jst(now)).toBe(limited('触发分钟级流控Permits:1'));
    // Another signature, or another number, has its own counter.
    expect(await jst(now, '13800138000', '另一个签名')).toBe(sent);
    expect(await jst(now, '13800138001')).toBe(sent);
    for (let minute = 1; minute < 5; minute++) {
      now = await setClock({ advance: '1m' });
      expect(await jst(now)).toBe(sent);
    }
    now = await setClock({ advance: '1m' });
    expect(await jst(now)).toBe(limited('触发小时级流控Permits:5'));

    now = await setClock({ set: '2024-03-01T21:10:00+08:00' });
    for (let minute = 0; minute < 5; minute++) {
      expect(await jst(now)).toBe(sent);
      now = await setClock({ advance: '1m' });
    }
    // Ten today, none in the last hour or minute: the day's limit.
    now = await setClock({ set: '2024-03-01T23:59:30+08:00' });
    expect(await jst(now)).toBe(limited('触发天级流控Permits:10'));
    // Midnight in China is 16:00 UTC: a new day.
    now = await setClock({ advance: '60s' });
    // (The clock keeps running after a set: a few milliseconds have passed.)
    expect(new Date(now).toISOString()).toMatch(/^2024-03-01T16:00:3\d\.\d{3}Z$/);
    expect(await jst(now)).toBe(sent);
  });

  it('fails gateway items with the TID document’s wording, counting items of one batch one by one', async () => {
    const now = await setClock({ set: '2024-03-05T10:00:00+08:00' });
    const item = (orderId: string) => ({
      order_id: orderId,
      sms_free_sign_name: '迈步鞋城淘宝店',
      template_code: 'SMS_1',
    });
    const fields = signedGatewayFields('tb_seller_nick', [item('701'), item('701'), item('702')], { now });
    const response = await fetch(`${server.url}/gateway/taobao/jst/sms/tid/send`, formPost('/', fields)[1]);
    const { data } = (await response.json()) as { data: { code: number; message: string }[] };
    expect(data.map((result) => [result.code, result.message])).toEqual([
      [0, 'success'],
      [1, 'Remote service error,请求失败,当前号码的短信发送次数超过每分钟限制。'],
      [0, 'success'],
    ]);
  });

  it('GET /__mock/limits shows the limits and the recipients counted; DELETE forgets them', async () => {
    expect(await getJson(`${server.url}/__mock/limits`)).toMatchObject({
      enabled: true,
      perMinute: 1,
      perHour: 5,
      perDay: 10,
      namespaces: { '12345678': 3, 'test-appid': 2 },
    });
    expect(await getJson(`${server.url}/__mock/limits?app=test-appid`, { method: 'DELETE' })).toEqual({
      cleared: 2,
    });
    expect(await getJson(`${server.url}/__mock/limits`)).toMatchObject({ recipients: 3 });
  });

  it('timestamps: real-time lets a real client, signing with the real time, cross a day in the mock', async () => {
    await getJson(`${server.url}/__mock/clock`, { method: 'DELETE' });
    const client = createJstClient({
      appKey: '12345678',
      appSecret: 'test-secret',
      session: 'test-session',
      baseUrl: `${server.url}/router/rest`,
      retry: { limit: 0 },
    });
    const request = {
      sms_free_sign_name: '聚石塔官方',
      template_code: 'SMS_1',
      phone_number: '13900139000',
      params: { code: '1' },
    };
    expect(await client.send(request)).toMatchObject({ ok: true });
    await expect(client.send(request)).rejects.toMatchObject({ code: 15, subMsg: '触发分钟级流控Permits:1' });
    // Tomorrow on the mock's clock; checked against the mock clock, the client's timestamp is a day behind.
    await setClock({ advance: '1d' });
    await expect(client.send(request)).rejects.toMatchObject({ code: 31, msg: 'Invalid timestamp' });
    await setClock({ timestamps: 'real-time' });
    expect(await client.send(request)).toMatchObject({ ok: true });
    await getJson(`${server.url}/__mock/clock`, { method: 'DELETE' });
  });
});

describe('limits and faults together', () => {
  it('asks every interceptor on the call that used up the last queued fault (the chain never changes)', async () => {
    const { createMockApp } = await import('../../../serve/create-mock-app.js');
    const { createManualClock } = await import('../../../state/clock.js');
    const now = Date.parse('2024-03-01T04:00:00Z');
    const app = createMockApp({ clock: createManualClock(now), limits: { enabled: true } });
    const send = async (phone: string) =>
      stableBody(
        await (
          await app.request(...topRequest(signedTopParams(jstBusiness({ phone_number: phone }), { now })))
        ).text(),
      );
    for (const phone of ['19900000200', '13800138000']) {
      await app.request('/__mock/faults', {
        method: 'POST',
        body: JSON.stringify({ kind: 'delay', delayMs: 1 }),
      });
      expect(runtimeOf(app).interceptors.map((interceptor) => interceptor.name)).toEqual([
        'scripted fault',
        'magic value',
        'recipient limits',
      ]);
      // The magic value and the limits still decide, though the call used up the last fault.
      expect(await send(phone)).toBe(phone === '13800138000' ? sent : limited('触发天级流控Permits:10'));
      expect(runtimeOf(app).interceptors.map((interceptor) => interceptor.name)).toEqual([
        'scripted fault',
        'magic value',
        'recipient limits',
      ]);
    }
    expect(await send('13800138000')).toBe(limited('触发分钟级流控Permits:1'));
  });
});

describe('limits are off by default', () => {
  it('lets the same number through as often as it is sent', async () => {
    const plain = await startMockServer({ port: 0 });
    try {
      const now = Date.now();
      for (let attempt = 0; attempt < 3; attempt++) {
        const params = signedTopParams(jstBusiness(), { now });
        const response = await fetch(`${plain.url}/router/rest`, topRequest(params)[1]);
        expect(stableBody(await response.text())).toBe(sent);
      }
      expect(await getJson(`${plain.url}/__mock/limits`)).toMatchObject({ enabled: false, recipients: 0 });
      expect(runtimeOf(plain.app).interceptors.map((interceptor) => interceptor.name)).toEqual([
        'scripted fault',
        'magic value',
      ]);
    } finally {
      await plain.close();
    }
  });
});
