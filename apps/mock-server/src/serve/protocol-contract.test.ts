/**
 * One protocol contract, both adapters: every case is sent to the Hono app (`app.request()`) and to the Node
 * listener over loopback, and the two answers must agree byte for byte — status, the headers clients read,
 * and the body (random ids aside) — besides showing what the case documents.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContractCase } from '../test-support/contract-requests.js';
import { eventually } from '../test-support/mock-control.js';
import { contractCases, pipelinedRequests } from '../test-support/protocol-cases.js';
import {
  addFaults,
  createTargets,
  type ProtocolTarget,
  type WireAnswer,
} from '../test-support/protocol-targets.js';

let targets: [ProtocolTarget, ProtocolTarget];
beforeAll(async () => {
  targets = await createTargets();
});
afterAll(async () => {
  for (const target of targets) await target.close();
});
beforeEach(async () => {
  for (const target of targets) await target.control('POST', '/__mock/reset');
});

async function answerOf(target: ProtocolTarget, testCase: ContractCase): Promise<WireAnswer> {
  if (testCase.faults !== undefined) await addFaults(target, testCase.faults);
  if (testCase.releaseAfterMs === undefined) return target.send(testCase.request);
  const journaled = target.mock.journal.statistics.recorded;
  const pending = target.send(testCase.request);
  // Answered only once the mock's clock has moved past the delay: no test waits for real time.
  await eventually(() => expect(target.mock.journal.statistics.recorded).toBe(journaled + 1));
  await target.control('POST', '/__mock/clock', { advance: testCase.releaseAfterMs });
  return pending;
}

describe('the protocol contract, in-process and over loopback', () => {
  it.each(contractCases.map((testCase) => [testCase.name, testCase] as const))(
    '%s',
    async (_name, testCase) => {
      const [inProcess, loopback] = await Promise.all([
        answerOf(targets[0], testCase),
        answerOf(targets[1], testCase),
      ]);
      expect(loopback).toEqual(inProcess);
      if (testCase.expected === 'dropped') {
        expect(inProcess).toEqual({ kind: 'dropped' });
        return;
      }
      expect(inProcess).toMatchObject({ kind: 'answer', status: testCase.expected.status });
      for (const part of testCase.expected.contains ?? []) {
        expect(inProcess.kind === 'answer' && inProcess.body).toContain(part);
      }
      // Both recorded the same: the answer is not all that must agree.
      expect(targets[1].mock.inbox.statistics.recorded).toBe(targets[0].mock.inbox.statistics.recorded);
    },
  );

  it('answers pipelined requests in order, the same as one by one', async () => {
    const [inProcess, loopback] = await Promise.all([
      targets[0].sendAll(pipelinedRequests),
      targets[1].sendAll(pipelinedRequests),
    ]);
    expect(inProcess.map((answer) => answer.kind === 'answer' && answer.status)).toEqual([
      200, 200, 404, 200, 200,
    ]);
    expect(loopback).toEqual(inProcess);
  });
});
