/**
 * The call runner errors never leaking the secret, the session or the phone number, whatever the failure.
 */
import { neverAnswers, type Responder, textResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { runCall } from './call-runner.js';
import { failure, plan, secret, session } from './test-support/call-plan.js';

describe('errors never leak the secret, the session or the phone number', () => {
  it.each<[string, Responder]>([
    ['timeout', neverAnswers],
    ['502', () => textResponse(`oops ${secret} 13800138000`, 'text/html', 502)],
    [
      'reset',
      () => {
        throw new TypeError(`fetch failed for session=${session}`, {
          cause: Object.assign(new Error(`socket ${secret} 13800138000`), { code: 'ECONNRESET' }),
        });
      },
    ],
    ['unparseable', () => textResponse(`<html>${secret}</html>`, 'text/html')],
  ])('%s', async (_label, respond) => {
    const { callPlan } = plan(respond, { timeout: 30 });
    const error = await failure(runCall(callPlan));
    const cause = error.cause as Error | undefined;
    const outputs = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? '',
      cause?.message ?? '',
      cause?.stack ?? '',
      String((cause?.cause as Error | undefined)?.message ?? ''),
    ].join('\n');
    for (const canary of [secret, session, '13800138000']) expect(outputs).not.toContain(canary);
  });
});
