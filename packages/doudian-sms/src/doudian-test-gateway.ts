/**
 * Test support, not exported: what a Douyin request carried, a gateway that sends everything it is given, and
 * the client the client tests share (a canary secret, the documented request, a client on a recording fetch
 * that retries at once). The recording fetch itself is @x/test-support's.
 */
import {
  fixtureReader,
  jsonResponse,
  type RecordedRequest,
  type Responder,
  recordingFetch,
} from '@x/test-support';
import { createDoudianClient, type DoudianClientOptions, type DoudianSendRequest } from './index.js';

/** The `request_data` object a Douyin request carried. */
export function sentRequestData(request: RecordedRequest): {
  sign: string;
  template_id: string;
  sms_message_list: Array<Record<string, unknown>>;
  tag?: string;
  user_ext_code?: string;
} {
  return JSON.parse(request.form.request_data ?? 'null');
}

/**
 * A gateway that sends every message it is given: one success per message, in request order, echoing
 * `order_id` ("" for a phone) with a message id derived from the order id or the phone.
 */
export function sendsEverything(request: RecordedRequest): Response {
  const data = sentRequestData(request).sms_message_list.map((message) => ({
    code: 0,
    message: '',
    order_id: message.biz_type === 1 ? message.order_id : '',
    message_id: `m-${String(message.biz_type === 1 ? message.order_id : message.post_tel)}`,
  }));
  return jsonResponse({ code: 0, message: 'ok', data });
}

export const fixture = fixtureReader(import.meta.url);

export const secret = 'canary-doudian-secret-9f4a';
export const path = '/gateway/dd/sms/send';
export const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

/** The documented request example (`docs/protocol.md` §2.4): one message by order id, one by phone ciphertext. */
export const documentedRequest: DoudianSendRequest = {
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  messages: [
    { order_id: '5001789329480019707', template_param: { name: '顺丰', number: 'sf3813741222' } },
    { post_tel: ciphertext, template_param: { name: '中通', number: 'zt381382999' } },
  ],
};

export function client(respond: Responder = sendsEverything, options: Partial<DoudianClientOptions> = {}) {
  const recording = recordingFetch(respond);
  const doudian = createDoudianClient({
    appId: 'test-appid',
    appSecret: secret,
    sellerNick: 'oms38173182',
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { doudian, requests: recording.requests };
}
