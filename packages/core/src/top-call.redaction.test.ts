/**
 * The TOP caller keeping the secret, the session and the phone number out of every error and hook payload.
 */

import { connectionFailure, jsonResponse, rejection, textResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import { client, phone, secret, sendRequest, session } from './test-support/top-caller.js';

describe('redaction', () => {
  it('keeps the secret, the session and the phone number out of every error and hook payload', async () => {
    const answers: Array<() => Response> = [
      () =>
        jsonResponse({
          error_response: { code: 15, msg: `号码 ${phone} 错误`, sub_code: 'isv.x', sub_msg: `${session}` },
        }),
      () => textResponse(`<html>${secret} ${phone}</html>`, 'text/html'),
      () => textResponse('down', 'text/plain', 503),
    ];
    for (const answer of answers) {
      const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
      const { caller } = client(
        (_request, index) => {
          if (index === 0) throw connectionFailure('ECONNREFUSED');
          return answer();
        },
        {
          hooks: {
            beforeRequest: [(info) => void seen.push(info)],
            afterResponse: [(info) => void seen.push(info)],
          },
        },
      );
      const error = (await rejection(caller.call(sendRequest()))) as Error;
      const outputs = [
        error.message,
        String(error),
        JSON.stringify(error),
        error.stack,
        JSON.stringify(seen),
        ...seen.map((info) =>
          'error' in info && info.error ? `${info.error.message} ${JSON.stringify(info.error)}` : '',
        ),
      ].join('\n');
      expect(seen.length).toBeGreaterThanOrEqual(4);
      for (const canary of [secret, session, phone]) expect(outputs).not.toContain(canary);
      expect(outputs).toContain('138****8000');
    }
  });
});
