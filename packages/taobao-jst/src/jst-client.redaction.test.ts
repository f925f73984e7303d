/**
 * The jst client keeping the secret, the session and the phone number out of errors and hook payloads.
 */

import { jsonResponse, rejection } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import type { RequestHookInfo, ResponseHookInfo } from './index.js';
import { client, phone, request, secret, session } from './test-support/jst-test-client.js';

describe('redaction', () => {
  it('keeps the canary secret, session and phone number out of errors and hook payloads', async () => {
    const seen: Array<RequestHookInfo | ResponseHookInfo> = [];
    const { jst } = client(
      () =>
        jsonResponse(
          `{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.x","sub_msg":"${phone} ${session}"}}`,
        ),
      {
        hooks: {
          beforeRequest: [(info) => void seen.push(info)],
          afterResponse: [(info) => void seen.push(info)],
        },
      },
    );
    const error = (await rejection(jst.send(request))) as Error;
    const outputs = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack,
      JSON.stringify(seen),
    ].join('\n');
    expect(seen).toHaveLength(2);
    for (const canary of [secret, session, phone]) expect(outputs).not.toContain(canary);
  });
});
