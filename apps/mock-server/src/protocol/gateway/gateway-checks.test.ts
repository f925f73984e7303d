/** The fw199 call-level checks, in the decided order, and what the journal says about them. */
import { signGateway } from '@x/signing';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import {
  doudianPath,
  expectCallError,
  resigned,
  setup,
  tid,
  tidItem,
  tidPath,
} from '../../test-support/gateway-calls.js';
import { fixedNow, formPost, gatewayDefaults, multipartBody } from '../../test-support/signed-requests.js';

describe('fw199 call-level checks, in the decided order', () => {
  const valid = () => tid([tidItem()]);

  it('40001 appid不存在 for a missing or unknown appid', async () => {
    const { appid: _appid, ...withoutAppId } = valid();
    await expectCallError(tidPath, resigned(withoutAppId), 40001, 'appid不存在');
    await expectCallError(tidPath, tid([tidItem()], { appId: 'other-appid' }), 40001, 'appid不存在');
  });

  it('40003 时间戳已过期 for a missing, non-numeric, millisecond or skewed timestamp', async () => {
    for (const timestamp of [
      '',
      '2024-03-01 12:00:00',
      String(fixedNow),
      String(fixedNow / 1000 - 601),
      String(fixedNow / 1000 + 601),
    ]) {
      await expectCallError(tidPath, tid([tidItem()], { timestamp }), 40003, '时间戳已过期');
    }
    const { post } = setup();
    expect((await post(tidPath, tid([tidItem()], { timestamp: String(fixedNow / 1000 - 600) }))).code).toBe(
      0,
    );
  });

  it('40002 签名错误 for a missing or wrong sign', async () => {
    const { sign: _sign, ...unsigned } = valid();
    await expectCallError(tidPath, unsigned, 40002, '签名错误');
    await expectCallError(tidPath, tid([tidItem()], { secret: 'wrong' }), 40002, '签名错误');
    // request_data is signed as the exact text sent: re-serialising it breaks the signature.
    const fields = valid();
    await expectCallError(
      tidPath,
      { ...fields, request_data: JSON.stringify(JSON.parse(fields.request_data as string), null, 2) },
      40002,
      '签名错误',
    );
  });

  it('40004 店铺未授权 for a seller the appid does not serve; 40005 when the seller field is missing', async () => {
    await expectCallError(tidPath, tid([tidItem()], { seller: 'someone-else' }), 40004, '店铺未授权');
    const { tb_seller_nick: _seller, ...withoutSeller } = valid();
    await expectCallError(tidPath, resigned(withoutSeller), 40005, '参数错误:tb_seller_nick');
    // The Douyin endpoint names its own seller field.
    await expectCallError(doudianPath, resigned(valid()), 40005, '参数错误:seller_nick');
  });

  it('checks appid, then timestamp, then sign, then seller, then request_data', async () => {
    await expectCallError(
      tidPath,
      tid('[]', { appId: 'nope', timestamp: 'x', secret: 'bad', seller: 'x' }),
      40001,
      'appid不存在',
    );
    await expectCallError(
      tidPath,
      tid('[]', { timestamp: 'x', secret: 'bad', seller: 'x' }),
      40003,
      '时间戳已过期',
    );
    await expectCallError(tidPath, tid('[]', { secret: 'bad', seller: 'x' }), 40002, '签名错误');
    await expectCallError(tidPath, tid('[]', { seller: 'x' }), 40004, '店铺未授权');
    await expectCallError(tidPath, tid('[]'), 40005, '参数错误:request_data');
  });

  it('accepts a multipart form (the vendor PHP SDK)', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const response = await app.request(tidPath, { method: 'POST', body: multipartBody(valid()) });
    const body = JSON.parse(await response.text());
    expect(body.code).toBe(0);
    expect(body.data[0].code).toBe(0);
  });

  it('answers 405 to anything but POST', async () => {
    const app = createMockApp();
    for (const path of [tidPath, doudianPath]) {
      const response = await app.request(path, { method: 'GET' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });

  it('journals a bad signature with the string signed and the sign expected', async () => {
    const { app } = setup();
    const fields = tid([tidItem()], { secret: 'wrong' });
    await app.request(...formPost(tidPath, fields));
    const [entry] = [...app.mock.journal.newestFirst()];
    const { sign: _sign, ...unsigned } = fields;
    const canonical = Object.keys(unsigned)
      .sort()
      .map((key) => key + unsigned[key])
      .join('');
    expect(entry?.signature).toEqual({
      signMethod: 'md5',
      received: `${fields.sign?.slice(0, 3)}***${fields.sign?.slice(-3)}`,
      expected: signGateway(unsigned, gatewayDefaults.secret),
      signedString: `{secret}${canonical}{secret}`,
    });
    expect(entry?.verdict).toMatchObject({ outcome: 'rejected', code: 40002, message: '签名错误' });
    expect(JSON.stringify(entry)).not.toContain(gatewayDefaults.secret);
  });
});
