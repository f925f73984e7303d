/** The fault queue is bounded: a script that queues faults in a loop gets a clear refusal, not a slow mock. */
import { describe, expect, it } from 'vitest';
import { createMockApp, runtimeOf } from '../../../serve/create-mock-app.js';
import { maxQueuedFaults } from './scripted-queue.js';

async function postFaults(app: ReturnType<typeof createMockApp>, body: unknown, query = '') {
  const response = await app.request(`/__mock/faults${query}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the fault queue bound', () => {
  it('is 1,000 faults in total', () => {
    expect(maxQueuedFaults).toBe(1000);
  });

  it('refuses what would pass it with a 409 naming the bound, and queues none of that request', async () => {
    const app = createMockApp();
    const fault = { kind: 'drop', when: 'before-recording', times: 1 };
    expect(
      (
        await postFaults(
          app,
          Array.from({ length: 999 }, () => fault),
        )
      ).status,
    ).toBe(201);
    const refused = await postFaults(app, [fault, fault], '?app=12345678');
    expect(refused).toEqual({
      status: 409,
      body: {
        error: 'fault queue full',
        problems: ['the queue holds at most 1000 faults: 999 are queued, 2 more would pass the bound'],
      },
    });
    expect(runtimeOf(app).faults.size).toBe(999);
    expect((await postFaults(app, fault)).status).toBe(201);
    expect((await postFaults(app, fault)).status).toBe(409);
    // Clearing makes room again.
    await app.request('/__mock/faults', { method: 'DELETE' });
    expect((await postFaults(app, fault)).status).toBe(201);
  });
});
