/**
 * What the fw199 gateway call tests share: a canary secret, the TID and Douyin item schemas, TID request
 * data, and a caller on a recording fetch that retries at once.
 */

import { fixtureReader, type Responder, recordingFetch } from '@x/test-support';
import { z } from 'zod';
import { createGatewayCaller, type GatewayCallerOptions } from '../gateway-call.js';

// The recorded fixtures sit in src/__fixtures__, beside the tests that read them, not beside this module.
export const fixture = fixtureReader(new URL('../', import.meta.url).href);

export const secret = 'canary-gateway-secret-51c0';
export const tidPath = '/gateway/taobao/jst/sms/tid/send';

export const tidItem = z.object({
  order_id: z.string(),
  code: z.number(),
  message: z.string(),
  request_id: z.string(),
  module: z.object({ code: z.string(), nameLen: z.number() }).nullable().optional(),
});
export const doudianItem = z.object({
  code: z.number(),
  message: z.string(),
  order_id: z.string(),
  message_id: z.string(),
});

export const requestData = [
  {
    order_id: '3006925020239565830',
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { mima: 'p282', cardno: '38138124' },
    extend: undefined,
    additional_info: true,
  },
];

export function client(respond: Responder, options: Partial<GatewayCallerOptions> = {}) {
  const recording = recordingFetch(respond);
  const caller = createGatewayCaller({
    appId: 'test-appid',
    appSecret: secret,
    sellerNick: 'test-seller',
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { caller, requests: recording.requests };
}
