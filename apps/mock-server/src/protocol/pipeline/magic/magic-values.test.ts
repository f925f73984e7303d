/**
 * Every magic value on TOP through the real HTTP path (a server on port 0 over loopback), JST and TPN, with
 * the exact body; and the catalog `GET /__mock/magic` serves. The gateway and in-process:
 * magic-values-gateway.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { jst, topError, tpn, tpnSuccess, useMagicServer } from '../../../test-support/magic-requests.js';
import {
  advanceClock,
  connectionFailure,
  eventually,
  getJson,
  jstSuccess,
  requestsOf,
  resetClock,
  stableBody,
  watch,
} from '../../../test-support/mock-control.js';
import { magicOutcomes } from './magic-catalog.js';

const { url, send, recorded } = useMagicServer();

describe('GET /__mock/magic', () => {
  it('lists every outcome with an example value and each API’s answer', async () => {
    const catalog = await getJson<{ enabled: boolean; pattern: string; outcomes: Record<string, unknown>[] }>(
      `${url()}/__mock/magic`,
    );
    expect(catalog.enabled).toBe(true);
    expect(catalog.pattern).toBe('1990000XXYY');
    expect(catalog.outcomes.map((outcome) => outcome.outcome)).toEqual(magicOutcomes.map((o) => o.name));
    expect(catalog.outcomes[0]).toEqual({
      digits: '01',
      outcome: 'invalid-number',
      summary: 'the platform refuses the recipient as malformed',
      parameter: 'ignored (any two digits)',
      recorded: false,
      example: '19900000100',
      ciphertextExample: '$19900000100$bW9jaw==*bW9jaw==$1$$',
      answers: {
        'taobao.jst.sms.message.send': '15 Remote service error, isv.MOBILE_NUMBER_ILLEGAL, 号码格式错误',
        'taobao.tpn.template.message.send': '50 Remote service error, isv.invalid-parameter, 非法参数',
        '/gateway/taobao/jst/sms/tid/send': 'item code 1, Remote service error,请求失败,号码格式错误。',
        '/gateway/dd/sms/send': 'item code 1, Remote service error,请求失败,号码格式错误。',
      },
    });
  });
});

describe('magic values on TOP (JST phone_number, TPN user_id)', () => {
  const answers: [string, string, string, string][] = [
    [
      '19900000100',
      'invalid number',
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.MOBILE_NUMBER_ILLEGAL","sub_msg":"号码格式错误"',
      ),
      topError(
        '"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数"',
      ),
    ],
    [
      '19900000299',
      'daily limit',
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.BUSINESS_LIMIT_CONTROL","sub_msg":"触发天级流控Permits:10"',
      ),
      topError(
        '"code":15,"msg":"Remote service error","sub_code":"isv.BUSINESS_LIMIT_CONTROL","sub_msg":"触发天级流控Permits:10"',
      ),
    ],
    [
      '19900000300',
      'transient platform error',
      topError('"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"'),
      topError('"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"'),
    ],
    ['19900000400', 'order not found: not magic on TOP', jstSuccess, tpnSuccess],
    ['19900000500', 'decryption failure: not magic on TOP', jstSuccess, tpnSuccess],
    [
      '19900000600',
      'recipient blocked',
      '{"jst_sms_message_send_response":{"request_code":"isv.BLACK_KEY_CONTROL_LIMIT","request_success":false,"request_id":"<id>","module":null,"message":"黑名单管控"}}',
      '{"tpn_template_message_send_response":{"error_msg":"黑名单管控","is_success":false,"request_id":"<id>"}}',
    ],
    [
      '19900000745',
      'app call limited for 45 seconds',
      topError(
        '"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 45 more seconds"',
      ),
      topError(
        '"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 45 more seconds"',
      ),
    ],
  ];

  it.each(answers)(
    '%s (%s): exact JST and TPN bodies, HTTP 200',
    async (recipient, _what, jstBody, tpnBody) => {
      const jstResponse = await send(...jst(recipient));
      expect(jstResponse.status).toBe(200);
      expect(jstResponse.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(stableBody(await jstResponse.text())).toBe(jstBody);
      const tpnResponse = await send(...tpn(recipient));
      expect(tpnResponse.status).toBe(200);
      expect(stableBody(await tpnResponse.text())).toBe(tpnBody);
      const ordinary = jstBody === jstSuccess;
      expect(await recorded(recipient)).toHaveLength(ordinary ? 2 : 0);
    },
  );

  it('answers in XML when the request asks for it', async () => {
    const response = await send(...jst('19900000200', 'xml'));
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
    expect(stableBody(await response.text())).toBe(
      '<?xml version="1.0" encoding="utf-8" ?><error_response><code>15</code><msg>Remote service error</msg><sub_code>isv.BUSINESS_LIMIT_CONTROL</sub_code><sub_msg>触发天级流控Permits:10</sub_msg><request_id><id></request_id></error_response>',
    );
  });

  it('19900000830 (slow answer): recorded at once, answered once 30 seconds pass on the mock clock', async () => {
    const pending = watch(send(...jst('19900000830')));
    await eventually(async () => expect(await recorded('19900000830')).toHaveLength(1));
    await advanceClock(url(), 29_000);
    expect(pending.settled).toBe(false);
    await advanceClock(url(), 1_000);
    const response = await pending.promise;
    expect(stableBody(await response.text())).toBe(jstSuccess);
    await resetClock(url());
  });

  it('19900000900 (accepted, then the connection drops): recorded once, no answer at all', async () => {
    expect(await connectionFailure(send(...jst('19900000900')))).toBe('UND_ERR_SOCKET');
    expect(await connectionFailure(send(...tpn('19900000900')))).toBe('UND_ERR_SOCKET');
    const messages = await recorded('19900000900');
    expect(messages.map((message) => message.platform)).toEqual(['qianniu-tpn', 'taobao-jst']);
    const [entry] = await requestsOf(url(), '12345678');
    expect(entry).toMatchObject({ httpStatus: 0, verdict: { outcome: 'accepted', recorded: 1 } });
    expect(entry?.notes).toContain(
      'magic value 19900000900: the call was processed, then the connection was closed without an answer',
    );
  });

  it('19900001000 (dropped before processing): no answer, nothing recorded', async () => {
    expect(await connectionFailure(send(...jst('19900001000')))).toBe('UND_ERR_SOCKET');
    expect(await recorded('19900001000')).toHaveLength(0);
    const [entry] = await requestsOf(url(), '12345678');
    expect(entry).toMatchObject({
      httpStatus: 0,
      verdict: { outcome: 'rejected', code: 0, message: 'connection dropped' },
    });
  });

  it('19900001100 (malformed body): recorded, answered HTTP 200 with the first half of the answer', async () => {
    const response = await send(...jst('19900001100'));
    expect(response.status).toBe(200);
    const text = await response.text();
    const [message] = await recorded('19900001100');
    const full = JSON.stringify({
      jst_sms_message_send_response: {
        request_code: 'success',
        request_success: true,
        request_id: message?.requestId,
        module: message?.messageId,
        message: 'success',
      },
    });
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('19900001203 (a proxy in front fails): HTTP 503 with its HTML page, nothing recorded', async () => {
    const response = await send(...jst('19900001203'));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe(
      '<html>\r\n<head><title>503 Service Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(await recorded('19900001203')).toHaveLength(0);
  });
});
