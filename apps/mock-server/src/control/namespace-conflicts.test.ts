/** `app`, `app_key` and `appid` name the same namespace: two different names in one query are a 400, not a guess. */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';

const app = createMockApp();

describe('conflicting namespace parameters', () => {
  it.each([
    ['GET', '/__mock/messages?app=a&app_key=b'],
    ['DELETE', '/__mock/messages?app=a&appid=b'],
    ['GET', '/__mock/requests?app_key=a&appid=b'],
    ['DELETE', '/__mock/requests?app=a&app_key=b'],
    ['GET', '/__mock/faults?app=a&app_key=b'],
    ['POST', '/__mock/faults?app=a&app_key=b'],
    ['DELETE', '/__mock/faults?app=a&app_key=b'],
    ['DELETE', '/__mock/limits?app=a&app_key=b'],
    ['POST', '/__mock/reset?app=a&appid=b'],
  ])('%s %s answers 400 naming both', async (method, path) => {
    const response = await app.request(path, {
      method,
      ...(method === 'POST'
        ? { body: '{"kind":"drop"}', headers: { 'content-type': 'application/json' } }
        : {}),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: string[] };
    expect(body.error).toBe('invalid query');
    expect(body.problems).toEqual([expect.stringMatching(/conflicts with/)]);
    expect(body.problems[0]).toMatch(/"a"/);
    expect(body.problems[0]).toMatch(/"b"/);
  });

  it('accepts the same namespace named twice', async () => {
    const response = await app.request('/__mock/messages?app=12345678&app_key=12345678');
    expect(response.status).toBe(200);
  });
});
