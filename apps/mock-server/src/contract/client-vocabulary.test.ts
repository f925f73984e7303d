/**
 * Contract: the four clients' entry points follow one naming scheme (CONTRIBUTING.md has the table) —
 * `create<Name>Client` taking `<Name>ClientOptions` and returning a `<Name>Client`, whose `send()` takes
 * `<Name>SendOptions` (always with `signal`) and resolves with `<Name>SendResult`, a union of
 * `<Name>SendAccepted` (`ok: true`) and `<Name>SendRefused` (`ok: false`); errors and refused batch items say
 * `maybeSent`; every package re-exports its default base URL. The type assertions are checked by
 * `pnpm typecheck`; the runtime ones by this test.
 */
import * as doudian from '@x/doudian-sms';
import * as tpn from '@x/qianniu-tpn';
import * as jst from '@x/taobao-jst';
import * as tid from '@x/taobao-tid';
import { describe, expect, expectTypeOf, it } from 'vitest';

/** A fetch that records what reaches it; an aborted send must reach it never. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

describe('the factories, options and clients', () => {
  it('are named create<Name>Client, <Name>ClientOptions and <Name>Client', () => {
    expectTypeOf(jst.createJstClient).parameter(0).toEqualTypeOf<jst.JstClientOptions>();
    expectTypeOf(jst.createJstClient).returns.toEqualTypeOf<jst.JstClient>();
    expectTypeOf(tpn.createTpnClient).parameter(0).toEqualTypeOf<tpn.TpnClientOptions>();
    expectTypeOf(tpn.createTpnClient).returns.toEqualTypeOf<tpn.TpnClient>();
    expectTypeOf(tid.createTidClient).parameter(0).toEqualTypeOf<tid.TidClientOptions>();
    expectTypeOf(tid.createTidClient).returns.toEqualTypeOf<tid.TidClient>();
    expectTypeOf(doudian.createDoudianClient).parameter(0).toEqualTypeOf<doudian.DoudianClientOptions>();
    expectTypeOf(doudian.createDoudianClient).returns.toEqualTypeOf<doudian.DoudianClient>();

    expect(Object.keys(jst)).toContain('createJstClient');
    expect(Object.keys(tpn)).toContain('createTpnClient');
    expect(Object.keys(tid)).toContain('createTidClient');
    expect(Object.keys(doudian)).toContain('createDoudianClient');
  });

  it('re-export their default base URL', () => {
    expectTypeOf(jst.defaultTopBaseUrl).toEqualTypeOf<string>();
    expectTypeOf(tpn.defaultTopBaseUrl).toEqualTypeOf<string>();
    expectTypeOf(tid.defaultGatewayBaseUrl).toEqualTypeOf<string>();
    expectTypeOf(doudian.defaultGatewayBaseUrl).toEqualTypeOf<string>();
    expect(jst.defaultTopBaseUrl).toBe('https://eco.taobao.com/router/rest');
    expect(tpn.defaultTopBaseUrl).toBe(jst.defaultTopBaseUrl);
    expect(tid.defaultGatewayBaseUrl).toBe('https://kf.fw199.com');
    expect(doudian.defaultGatewayBaseUrl).toBe(tid.defaultGatewayBaseUrl);
  });
});

describe('send()', () => {
  it('takes <Name>SendOptions with a signal, and a session on the TOP clients', () => {
    expectTypeOf<jst.JstClient['send']>().parameter(1).toEqualTypeOf<jst.JstSendOptions | undefined>();
    expectTypeOf<tpn.TpnClient['send']>().parameter(1).toEqualTypeOf<tpn.TpnSendOptions | undefined>();
    expectTypeOf<tid.TidClient['send']>().parameter(1).toEqualTypeOf<tid.TidSendOptions | undefined>();
    expectTypeOf<doudian.DoudianClient['send']>()
      .parameter(1)
      .toEqualTypeOf<doudian.DoudianSendOptions | undefined>();

    expectTypeOf<jst.JstSendOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<tpn.TpnSendOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<tid.TidSendOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<doudian.DoudianSendOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<jst.JstSendOptions['session']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<tpn.TpnSendOptions['session']>().toEqualTypeOf<string | undefined>();
  });

  it('resolves with <Name>SendResult: <Name>SendAccepted (ok: true) or <Name>SendRefused (ok: false)', () => {
    expectTypeOf<jst.JstClient['send']>().returns.resolves.toEqualTypeOf<jst.JstSendResult>();
    expectTypeOf<tpn.TpnClient['send']>().returns.resolves.toEqualTypeOf<tpn.TpnSendResult>();
    expectTypeOf<tid.TidClient['send']>().returns.resolves.toEqualTypeOf<tid.TidSendResult[]>();
    expectTypeOf<doudian.DoudianClient['send']>().returns.resolves.toEqualTypeOf<
      doudian.DoudianSendResult[]
    >();

    expectTypeOf<jst.JstSendResult>().toEqualTypeOf<jst.JstSendAccepted | jst.JstSendRefused>();
    expectTypeOf<tpn.TpnSendResult>().toEqualTypeOf<tpn.TpnSendAccepted | tpn.TpnSendRefused>();
    expectTypeOf<tid.TidSendResult>().toEqualTypeOf<tid.TidSendAccepted | tid.TidSendRefused>();
    expectTypeOf<doudian.DoudianSendResult>().toEqualTypeOf<
      doudian.DoudianSendAccepted | doudian.DoudianSendRefused
    >();

    expectTypeOf<jst.JstSendAccepted['ok']>().toEqualTypeOf<true>();
    expectTypeOf<jst.JstSendRefused['ok']>().toEqualTypeOf<false>();
    expectTypeOf<tpn.TpnSendAccepted['ok']>().toEqualTypeOf<true>();
    expectTypeOf<tpn.TpnSendRefused['ok']>().toEqualTypeOf<false>();
    expectTypeOf<tid.TidSendAccepted['ok']>().toEqualTypeOf<true>();
    expectTypeOf<tid.TidSendRefused['ok']>().toEqualTypeOf<false>();
    expectTypeOf<doudian.DoudianSendAccepted['ok']>().toEqualTypeOf<true>();
    expectTypeOf<doudian.DoudianSendRefused['ok']>().toEqualTypeOf<false>();
  });

  it('says maybeSent, on errors and on refused batch items alike', () => {
    expectTypeOf<jst.XError['maybeSent']>().toEqualTypeOf<boolean>();
    expectTypeOf<tpn.XError['maybeSent']>().toEqualTypeOf<boolean>();
    expectTypeOf<tid.TidSendRefused['maybeSent']>().toEqualTypeOf<boolean>();
    expectTypeOf<doudian.DoudianSendRefused['maybeSent']>().toEqualTypeOf<boolean>();
    expectTypeOf<jst.XError>().not.toHaveProperty('maybeProcessed');
  });
});

describe('an already aborted signal', () => {
  it('stops a TOP send before anything leaves: a TransportError, aborted, maybeSent false', async () => {
    const recording = recordingFetch();
    const credentials = { appKey: '12345678', appSecret: 'vocabulary-secret', fetch: recording.fetch };
    const jstClient = jst.createJstClient({ ...credentials, session: 'vocabulary-session' });
    const tpnClient = tpn.createTpnClient(credentials);
    const sends = [
      jstClient.send(
        { sms_free_sign_name: '聚石塔官方', template_code: 'SMS_12345', phone_number: '13800138000' },
        { signal: abortedSignal() },
      ),
      tpnClient.send(
        { template_key: 'key', template_id: 101, user_id: 1, biz_id: '122323434545' },
        { signal: abortedSignal() },
      ),
    ];
    for (const send of sends) {
      const error = await send.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(jst.isTransportError(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'aborted', retryable: false, maybeSent: false });
    }
    expect(recording.requests).toHaveLength(0);
  });

  it('refuses every item of a gateway send before anything leaves: code aborted, maybeSent false', async () => {
    const recording = recordingFetch();
    const credentials = { appId: 'vocabulary-app', appSecret: 'vocabulary-secret', sellerNick: 'shop' };
    const tidClient = tid.createTidClient({ ...credentials, fetch: recording.fetch });
    const doudianClient = doudian.createDoudianClient({ ...credentials, fetch: recording.fetch });
    const results = [
      ...(await tidClient.send(
        [
          {
            order_id: '3006925020239565830',
            sms_free_sign_name: '迈步鞋城淘宝店',
            template_code: 'SMS_251071470',
          },
        ],
        { signal: abortedSignal() },
      )),
      ...(await doudianClient.send(
        { sign: '群荐的铺子', template_id: 'ST_72dd4e2c', messages: [{ order_id: '5001789329480019707' }] },
        { signal: abortedSignal() },
      )),
    ];
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: 'aborted', retryable: false, maybeSent: false });
    }
    expect(recording.requests).toHaveLength(0);
  });
});
