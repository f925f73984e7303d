/**
 * The `/__mock` routes as plain functions, with no web framework in between: what a handler is given (the
 * query, the body text) and what it answers (a status and a JSON body). The HTTP behaviour over Hono is in
 * the other tests of this folder.
 */
import { describe, expect, it } from 'vitest';
import { createMockRuntime } from '../protocol/runtime/mock-runtime.js';
import { createManualClock } from '../state/clock.js';
import { fixedNow } from '../test-support/signed-requests.js';
import type { ControlRoute, JsonAnswer } from './control-route.js';
import { mockApiRoutes } from './mock-api-routes.js';

function routesOnManualClock(): ControlRoute[] {
  return mockApiRoutes(createMockRuntime({ clock: createManualClock(fixedNow) }));
}

function call(
  routes: readonly ControlRoute[],
  method: ControlRoute['method'],
  path: string,
  input: { query?: Record<string, string>; body?: string } = {},
): JsonAnswer {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (route === undefined) throw new Error(`no route ${method} ${path}`);
  return route.handle({ query: input.query ?? {}, body: route.readsBody ? (input.body ?? '') : undefined });
}

describe('the /__mock routes as plain functions', () => {
  it('lists each method and path once, and only POST /faults and POST /clock read a body', () => {
    const routes = routesOnManualClock();
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(routes.filter((route) => route.readsBody).map((route) => `${route.method} ${route.path}`)).toEqual(
      ['POST /faults', 'POST /clock'],
    );
  });

  it('moves the clock from a JSON body and answers where it now stands', () => {
    const routes = routesOnManualClock();
    const answer = call(routes, 'POST', '/clock', { body: '{"advance":"1h"}' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      epochMilliseconds: fixedNow + 3_600_000,
      offsetMilliseconds: 3_600_000,
    });
    expect(call(routes, 'GET', '/clock').body).toMatchObject({ epochMilliseconds: fixedNow + 3_600_000 });
  });

  it('refuses a body that is not JSON, and a misspelt filter by its name', () => {
    const routes = routesOnManualClock();
    expect(call(routes, 'POST', '/faults', { body: 'not json' })).toEqual({
      status: 400,
      body: { error: 'invalid body', problems: ['the body must be JSON'] },
    });
    expect(call(routes, 'GET', '/messages', { query: { platfrom: 'taobao-jst' } })).toEqual({
      status: 400,
      body: { error: 'invalid query', problems: ['unknown filter: platfrom'] },
    });
    expect(call(routes, 'DELETE', '/limits', { query: { ap: 'x' } })).toEqual({
      status: 400,
      body: { error: 'invalid query', problems: ['unknown field: ap'] },
    });
  });

  it('queues a fault from a JSON body (201) and lists it', () => {
    const routes = routesOnManualClock();
    const added = call(routes, 'POST', '/faults', {
      body: '{"kind":"outcome","outcome":"daily-limit","match":{"api":"taobao-tid"}}',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ count: 1 });
    expect(call(routes, 'GET', '/faults').body).toMatchObject({ count: 1 });
  });
});
