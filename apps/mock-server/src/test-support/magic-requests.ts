/**
 * Requests that carry magic values, for their tests: one real mock over loopback per file (manual clock at
 * `fixedNow`), signed sends to all four APIs, and the exact bodies the magic values leave untouched.
 */
import { createManualClock } from '../state/clock.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import { doudianPath, tidPath } from './gateway-calls.js';
import { getJson } from './mock-control.js';
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

/** Starts a mock for the file (stopped after it): `send` a request to it, read what it `recorded`. */
export function useMagicServer() {
  const { url } = useServedMock({ clock: createManualClock(fixedNow) });
  return {
    url,
    send: (path: string, init: RequestInit): Promise<Response> => fetch(`${url()}${path}`, init),
    /** The messages recorded for one recipient, newest first. */
    async recorded(recipient: string): Promise<RecordedMessage[]> {
      const body = await getJson<{ messages: RecordedMessage[] }>(
        `${url()}/__mock/messages?recipient=${encodeURIComponent(recipient)}`,
      );
      return body.messages;
    },
  };
}

export const jst = (phone: string, format: 'json' | 'xml' = 'json') =>
  topRequest(signedTopParams(jstBusiness({ phone_number: phone }), { format }));
export const tpn = (userId: string) =>
  topRequest(signedTopParams(tpnBusiness({ user_id: userId }), { method: tpnMethodName, session: null }));
const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
export const tid = (...orderIds: string[]) =>
  formPost(tidPath, signedGatewayFields('tb_seller_nick', orderIds.map(tidItem)));
export const douyin = (...messages: Record<string, unknown>[]) =>
  formPost(
    doudianPath,
    signedGatewayFields('seller_nick', {
      sign: '群荐的铺子',
      template_id: 'ST_72dd4e2c',
      sms_message_list: messages,
    }),
  );
export const ordinaryOrder = '3006925020239565830';

/** A TOP `error_response` with these fields, its request id a placeholder (see `stableBody`). */
export const topError = (fields: string) => `{"error_response":{${fields},"request_id":"<id>"}}`;
export const tpnSuccess =
  '{"tpn_template_message_send_response":{"result":"<result>","is_success":true,"request_id":"<id>"}}';
