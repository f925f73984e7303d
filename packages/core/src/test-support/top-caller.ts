/**
 * What the TOP call tests share: canary credentials, a jst send request, a caller on a recording fetch that
 * retries at once, and the recorded success answer.
 */

import { fixtureReader, type Responder, recordingFetch, textResponse } from '@x/test-support';
import { z } from 'zod';
import { createTopCaller, type TopCallerOptions, type TopCallRequest } from '../top-call.js';

// The recorded fixtures sit in src/__fixtures__, beside the tests that read them, not beside this module.
export const fixture = fixtureReader(new URL('../', import.meta.url).href);

export const secret = 'canary-top-secret-0c9a';
export const session = 'canary-top-session-61f7';
export const phone = '13800138000';
export const method = 'taobao.jst.sms.message.send';

const jstPayload = z.object({
  request_code: z.string(),
  request_success: z.boolean(),
  request_id: z.string(),
  module: z.string().nullable().optional(),
  message: z.string(),
});

export function sendRequest(overrides: Partial<TopCallRequest<z.output<typeof jstPayload>>> = {}) {
  return {
    method,
    params: {
      send_message_request: {
        sms_free_sign_name: '聚石塔官方',
        phone_number: phone,
        params: '{"content":"您好"}',
      },
    },
    response: jstPayload,
    requireSession: true,
    xmlFieldTypes: { request_success: 'boolean', module: 'nullable' },
    ...overrides,
  } as const;
}

export function client(respond: Responder, options: Partial<TopCallerOptions> = {}) {
  const recording = recordingFetch(respond);
  const caller = createTopCaller({
    appKey: '12345678',
    appSecret: secret,
    session,
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { caller, requests: recording.requests };
}

export const success = () => textResponse(fixture('top-jst-success.json'), 'text/javascript;charset=UTF-8');
