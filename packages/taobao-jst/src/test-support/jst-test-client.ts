/**
 * What the jst client tests share: canary credentials, a valid send request, and a client on a recording
 * fetch that answers with the recorded success unless told otherwise and retries at once.
 */

import { fixtureReader, jsonResponse, type RecordedRequest, recordingFetch } from '@x/test-support';
import { createJstClient, type JstClientOptions, type JstSendMessageRequest } from '../index.js';

// The recorded fixtures sit in src/__fixtures__, beside the tests that read them, not beside this module.
export const fixture = fixtureReader(new URL('../', import.meta.url).href);

export const secret = 'canary-jst-secret-3b7d';
export const session = 'canary-jst-session-a4c2';
export const phone = '13800138000';

export const request: JstSendMessageRequest = {
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: phone,
  params: { content: '您好! ${url}', code: 1234 },
};

export function client(
  respond: (recorded: RecordedRequest, index: number) => Response | Promise<Response> = () =>
    jsonResponse(fixture('jst-success.json')),
  options: Partial<JstClientOptions> = {},
) {
  const recording = recordingFetch(respond);
  const jst = createJstClient({
    appKey: '12345678',
    appSecret: secret,
    session,
    retry: { jitter: false, delay: () => 1 },
    ...options,
    fetch: recording.fetch,
  });
  return { jst, requests: recording.requests };
}
