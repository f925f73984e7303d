/**
 * Sends for the scripted-fault tests: one real mock over loopback per file (manual clock at `fixedNow`, the
 * default app and a `worker-<n>` pattern), reset after each test, and signed sends to all four APIs.
 */
import { afterEach } from 'vitest';
import { createManualClock } from '../state/clock.js';
import { doudianPath, tidPath } from './gateway-calls.js';
import { stableBody } from './mock-control.js';
import { useServedMock } from './served-mock.js';
import {
  fixedNow,
  formPost,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from './signed-requests.js';

/** Starts a mock for the file, resets it after each test, and returns senders bound to it. */
export function useFaultServer() {
  const { url } = useServedMock({
    clock: createManualClock(fixedNow),
    top: {
      apps: [
        { appKey: '12345678', secret: 'test-secret' },
        { appKeyPattern: 'worker-\\d+', secret: 'test-secret', sessions: [{ session: '*', seller: 'ci' }] },
      ],
    },
  });
  afterEach(async () => {
    // What a suite does after each test: nothing queued is left to trip the next one.
    await fetch(`${url()}/__mock/reset`, { method: 'POST' });
  });
  const send = (path: string, init: RequestInit) => fetch(`${url()}${path}`, init);
  return {
    url,
    jst: (overrides: Record<string, unknown> = {}, appKey = '12345678') =>
      send(...topRequest(signedTopParams(jstBusiness(overrides), { appKey }))),
    tpn: () => send(...topRequest(signedTopParams(tpnBusiness(), { method: tpnMethodName, session: null }))),
    tid: (...orderIds: string[]) =>
      send(
        ...formPost(
          tidPath,
          signedGatewayFields(
            'tb_seller_nick',
            orderIds.map((orderId) => ({
              order_id: orderId,
              sms_free_sign_name: '迈步鞋城淘宝店',
              template_code: 'SMS_1',
            })),
          ),
        ),
      ),
    douyin: (...phones: string[]) =>
      send(
        ...formPost(
          doudianPath,
          signedGatewayFields('seller_nick', {
            sign: '群荐的铺子',
            template_id: 'ST_1',
            sms_message_list: phones.map((phone) => ({ biz_type: 0, post_tel: phone })),
          }),
        ),
      ),
  };
}

/** The answer's body with its random ids replaced (see `stableBody`). */
export const body = async (response: Response) => stableBody(await response.text());
