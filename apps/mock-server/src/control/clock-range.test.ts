/**
 * `POST /__mock/clock` must never move the clock where a Date cannot follow: every later call (health
 * included) would answer 500. Such a change is a 400 naming the field, and the clock stays where it was.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';

const start = Date.parse('2024-03-01T04:00:00Z');

async function post(app: ReturnType<typeof createMockApp>, body: unknown) {
  const response = await app.request('/__mock/clock', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/__mock/clock out of range', () => {
  it.each([
    [{ set: 1e300 }, 'set'],
    [{ set: -8.7e15 }, 'set'],
    [{ set: 8.64e15 }, 'set'],
    [{ advance: 1e300 }, 'advance'],
    [{ advance: '99999999999d' }, 'advance'],
    [{ advance: -1e17 }, 'advance'],
    [{ set: '9999-12-31T00:00:00Z', advance: '2d' }, 'advance'],
  ])('refuses %j with a 400 naming %s and keeps the old clock', async (change, field) => {
    const app = createMockApp({ clock: createManualClock(start) });
    await post(app, { advance: '1h' });
    const answer = await post(app, change);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid clock change',
      problems: [expect.stringMatching(new RegExp(`^${field}: .*(0001|9999)`))],
    });
    const health = await app.request('/__mock/health');
    expect(health.status).toBe(200);
    expect(((await health.json()) as { now: string }).now).toBe('2024-03-01T05:00:00.000Z');
  });

  it('accepts the edges of the range', async () => {
    const app = createMockApp({ clock: createManualClock(start) });
    expect((await post(app, { set: '9999-12-31T00:00:00Z' })).body.now).toBe('9999-12-31T00:00:00.000Z');
    expect((await post(app, { set: '0001-01-01T00:00:00Z', advance: '1d' })).body.now).toBe(
      '0001-01-02T00:00:00.000Z',
    );
  });
});
