import { signTop } from '@x/signing';
import { describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import {
  fixedNow,
  formPost,
  jsonOf,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topDefaults,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from '../test-support/signed-requests.js';

async function json(app: MockApp, path: string, init?: RequestInit) {
  const response = await app.request(path, init);
  return { status: response.status, body: await jsonOf(response) };
}

async function sendJst(app: MockApp, phone: string, options: Parameters<typeof signedTopParams>[1] = {}) {
  const response = await app.request(
    ...topRequest(signedTopParams(jstBusiness({ phone_number: phone }), options)),
  );
  return jsonOf(response);
}

describe('GET /__mock/messages', () => {
  it('lists accepted messages newest first, and filters them', async () => {
    const clock = createManualClock(fixedNow);
    const app = createMockApp({ clock });
    await sendJst(app, '13800000001');
    clock.advance(1000);
    await sendJst(app, '13800000002', { now: fixedNow + 1000 });
    clock.advance(1000);
    await app.request(
      ...topRequest(signedTopParams(tpnBusiness(), { method: tpnMethodName, now: fixedNow + 2000 })),
    );
    await app.request(
      ...formPost(
        '/gateway/taobao/jst/sms/tid/send',
        signedGatewayFields(
          'tb_seller_nick',
          [{ order_id: '42', sms_free_sign_name: 's', template_code: 'SMS_9' }],
          { now: fixedNow + 2000 },
        ),
      ),
    );
    // A rejected request records nothing.
    await sendJst(app, '13800000003', { session: 'bad' });

    const all = await json(app, '/__mock/messages');
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(4);
    expect(all.body.messages.map((message: { recipient: string }) => message.recipient)).toEqual([
      '42',
      '12345',
      '13800000002',
      '13800000001',
    ]);

    const filtered = async (query: string) =>
      (await json(app, `/__mock/messages?${query}`)).body.messages.map(
        (message: { recipient: string }) => message.recipient,
      );
    expect(await filtered('platform=taobao-jst')).toEqual(['13800000002', '13800000001']);
    expect(await filtered('recipient=13800000001')).toEqual(['13800000001']);
    expect(await filtered('template=SMS_9')).toEqual(['42']);
    expect(await filtered('template=101')).toEqual(['12345']); // a TPN template_id
    expect(await filtered('app=test-appid')).toEqual(['42']);
    expect(await filtered('app_key=12345678&platform=qianniu-tpn')).toEqual(['12345']);
    expect(await filtered('seller=test-seller&limit=2')).toEqual(['42', '12345']);
    expect(await filtered(`since=${new Date(fixedNow + 1000).toISOString()}`)).toEqual([
      '42',
      '12345',
      '13800000002',
    ]);
    expect(await filtered(`until=${fixedNow}`)).toEqual(['13800000001']);
  });

  it('refuses unknown filters and bad values with 400 naming them', async () => {
    const app = createMockApp();
    const unknown = await json(app, '/__mock/messages?platfrom=taobao-jst');
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual(['unknown filter: platfrom']);
    const bad = await json(app, '/__mock/messages?platform=sms&since=never&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toHaveLength(3);
  });
});

describe('namespaces: app key patterns for parallel test workers', () => {
  it('lets each worker use its own app key, see only its messages, and clear only its own', async () => {
    const app = createMockApp({
      clock: createManualClock(fixedNow),
      top: { apps: [{ appKeyPattern: 'worker-\\d+', secret: 'shared-secret' }] },
    });
    await sendJst(app, '13800000001', { appKey: 'worker-1', secret: 'shared-secret' });
    await sendJst(app, '13800000002', { appKey: 'worker-2', secret: 'shared-secret' });
    await sendJst(app, '13800000003', { appKey: 'worker-2', secret: 'shared-secret' });
    // The pattern must match the whole key.
    const outsider = await sendJst(app, '13800000004', { appKey: 'coworker-1x', secret: 'shared-secret' });
    expect(outsider.error_response.code).toBe(29);

    expect((await json(app, '/__mock/messages?app_key=worker-2')).body.count).toBe(2);
    const cleared = await json(app, '/__mock/messages?app_key=worker-2', { method: 'DELETE' });
    expect(cleared.body).toEqual({ cleared: 2 });
    expect(
      (await json(app, '/__mock/messages')).body.messages.map(
        (message: { appKey: string }) => message.appKey,
      ),
    ).toEqual(['worker-1']);
    expect((await json(app, '/__mock/messages', { method: 'DELETE' })).body).toEqual({ cleared: 1 });
    expect((await json(app, '/__mock/messages')).body.count).toBe(0);
  });
});

describe('GET /__mock/requests', () => {
  it('journals every request with its verdict, secrets masked', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    await sendJst(app, '13800138000');
    await sendJst(app, '13800138000', { session: null });
    const { body } = await json(app, '/__mock/requests');
    expect(body.count).toBe(2);
    const [rejected, accepted] = body.requests;
    expect(accepted).toMatchObject({
      method: 'POST',
      path: '/router/rest',
      protocol: 'top',
      api: 'taobao.jst.sms.message.send',
      appKey: '12345678',
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
      verdict: { outcome: 'accepted', recorded: 1, failedItems: 0 },
      httpStatus: 200,
    });
    expect(accepted.params.session).toBe('tes***ion');
    expect(accepted.params.sign).toMatch(/^[0-9A-F]{3}\*\*\*[0-9A-F]{3}$/);
    expect(accepted.params.send_message_request).toContain('13800138000');
    expect(rejected.verdict).toEqual({
      outcome: 'rejected',
      code: 26,
      message: 'Missing session',
      reason: 'session is missing (taobao.jst.sms.message.send needs one)',
    });
    const { body: rejectedOnly } = await json(app, '/__mock/requests?outcome=rejected');
    expect(rejectedOnly.count).toBe(1);
  });

  it('explains a bad TOP signature: the string signed (secret and session masked) and the sign expected', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = signedTopParams(jstBusiness(), { secret: 'not-the-secret', signMethod: 'md5' });
    await app.request(...topRequest(params));
    const [entry] = (await json(app, '/__mock/requests')).body.requests;
    const { sign: _sign, ...unsigned } = params;
    const maskedCanonical = Object.keys(unsigned)
      .sort()
      .map((key) => key + (key === 'session' ? 'tes***ion' : unsigned[key]))
      .join('');
    expect(entry.signature).toEqual({
      signMethod: 'md5',
      received: `${params.sign?.slice(0, 3)}***${params.sign?.slice(-3)}`,
      expected: signTop(unsigned, topDefaults.secret, 'md5'),
      signedString: `{secret}${maskedCanonical}{secret}`,
    });
    expect(entry.verdict.reason).toMatch(/^sign does not match \(md5\)/);
    expect(JSON.stringify(entry)).not.toContain('test-session');
    expect(JSON.stringify(entry)).not.toContain(topDefaults.secret);

    await app.request(
      ...topRequest(signedTopParams(jstBusiness(), { secret: 'x', signMethod: 'hmac-sha256' })),
    );
    const [hmacEntry] = (await json(app, '/__mock/requests')).body.requests;
    expect(hmacEntry.signature).toMatchObject({ signMethod: 'hmac-sha256', hmacKey: '{secret}' });
    expect(hmacEntry.signature.signedString).not.toContain('{secret}');
  });

  it('explains a timestamp sent in the wrong time zone', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const utcText = new Date(fixedNow).toISOString().slice(0, 19).replace('T', ' ');
    await app.request(...topRequest(signedTopParams(jstBusiness(), { timestamp: utcText })));
    const [entry] = (await json(app, '/__mock/requests')).body.requests;
    expect(entry.verdict.reason).toBe(
      `timestamp "${utcText}" is 480 minutes behind the mock's clock (allowed: 10 minutes); TOP timestamps are GMT+8 wall-clock time`,
    );
  });

  it('clears the journal, all or one namespace', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    await sendJst(app, '13800138000');
    await app.request(...formPost('/gateway/dd/sms/send', signedGatewayFields('seller_nick', {})));
    expect((await json(app, '/__mock/requests?appid=test-appid', { method: 'DELETE' })).body).toEqual({
      cleared: 1,
    });
    expect((await json(app, '/__mock/requests')).body.requests[0].protocol).toBe('top');
  });
});

describe('bounded memory', () => {
  it('keeps at most inboxSize messages and journalSize requests', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow), inboxSize: 3, journalSize: 2 });
    for (let index = 0; index < 5; index++) await sendJst(app, `1380000000${index}`);
    const { body } = await json(app, '/__mock/messages');
    expect(
      body.messages.map((message: { recipient: string; id: number }) => [message.id, message.recipient]),
    ).toEqual([
      [5, '13800000004'],
      [4, '13800000003'],
      [3, '13800000002'],
    ]);
    expect((await json(app, '/__mock/requests')).body.count).toBe(2);
    const health = (await json(app, '/__mock/health')).body;
    expect(health.messages).toEqual({ stored: 3, recorded: 5, evicted: 2 });
    expect(health.requests).toEqual({ stored: 2, recorded: 5, evicted: 3 });
  });
});

describe('GET /__mock/health and /__mock/config', () => {
  it('reports health with the clock the mock uses', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const { status, body } = await json(app, '/__mock/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', now: new Date(fixedNow).toISOString() });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows the configuration with defaults applied and secrets masked', async () => {
    const { body } = await json(createMockApp(), '/__mock/config');
    expect(body).toEqual({
      host: '127.0.0.1',
      port: 8787,
      top: {
        apps: [
          { appKey: '12345678', secret: '***', sessions: [{ session: 'tes***ion', seller: 'test-seller' }] },
        ],
      },
      gateway: { apps: [{ appId: 'test-appid', secret: '***', sellers: ['test-seller'] }] },
      profile: 'default',
      templates: { registry: false, signatures: [], sms: [], qianniu: [] },
      limits: { enabled: false, perMinute: 1, perHour: 5, perDay: 10 },
      tmc: { receipts: true, receiptDelayMs: 1000, redeliveryIntervalMs: 300_000 },
      magicValues: true,
      inboxSize: 10_000,
      journalSize: 1000,
      bodyLimitBytes: 1_048_576,
      timestampToleranceSeconds: 600,
    });
  });
});
