import { describe, expect, it, vi } from 'vitest';
import {
  connectionFailure,
  fixtureReader,
  jsonResponse,
  neverAnswers,
  recordingFetch,
  rejection,
  textResponse,
} from './index.js';

const post = (url: string, body: string) =>
  new Request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
  });

describe('recordingFetch', () => {
  it('records each request: URL, query, body and form', async () => {
    const recording = recordingFetch(() => jsonResponse({ ok: true }));
    const response = await recording.fetch(
      post('https://gw.example/router/rest?method=m&v=2.0', 'a=1&b=%E4%BD%A0'),
    );
    expect(await response.json()).toEqual({ ok: true });
    const [request] = recording.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/router/rest');
    expect(request?.query).toEqual({ method: 'm', v: '2.0' });
    expect(request?.body).toBe('a=1&b=%E4%BD%A0');
    expect(request?.form).toEqual({ a: '1', b: '你' });
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('answers the n-th request with the n-th queued answer, and fails past the end of the queue', async () => {
    const recording = recordingFetch([
      () => {
        throw connectionFailure('ECONNREFUSED');
      },
      textResponse('second', 'text/plain'),
    ]);
    const first = await rejection(recording.fetch(post('https://gw.example/', '')));
    expect(first).toBeInstanceOf(TypeError);
    expect((first as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(await (await recording.fetch(post('https://gw.example/', ''))).text()).toBe('second');
    expect(await rejection(recording.fetch(post('https://gw.example/', '')))).toMatchObject({
      message: expect.stringContaining('no answer queued for request 2'),
    });
    expect(recording.requests).toHaveLength(3);
  });

  it('holds answers for `delay` and counts the requests in flight', async () => {
    // The delay runs on fake timers: the answers are held until the test moves the clock, however slow the host.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const recording = recordingFetch(() => jsonResponse({}), { delay: 60_000 });
      const calls = [1, 2, 3].map(() => recording.fetch(post('https://gw.example/', '')));
      // Each call reads its body before it counts as in flight: wait for that, not for a duration.
      await vi.waitFor(() => expect(recording.inFlight).toBe(3));
      await vi.advanceTimersByTimeAsync(60_000);
      await Promise.all(calls);
      expect(recording.inFlight).toBe(0);
      expect(recording.maxInFlight).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives an answer that never comes until the request is aborted', async () => {
    const controller = new AbortController();
    const recording = recordingFetch(neverAnswers);
    const pending = recording.fetch(new Request('https://gw.example/', { signal: controller.signal }));
    await vi.waitFor(() => expect(recording.inFlight).toBe(1));
    controller.abort(new Error('timed out'));
    expect(await rejection(pending)).toMatchObject({ message: 'timed out' });
    const aborted = recording.fetch(new Request('https://gw.example/', { signal: controller.signal }));
    expect(await rejection(aborted)).toMatchObject({ message: 'timed out' });
  });
});

describe('answers and fixtures', () => {
  it('sends a string JSON body as it is, anything else as JSON, with the status asked for', async () => {
    expect(await jsonResponse('{"a":1}').text()).toBe('{"a":1}');
    const response = jsonResponse({ a: 1 }, 502);
    expect([response.status, await response.text()]).toEqual([502, '{"a":1}']);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  });

  it('reads a fixture beside the test file', () => {
    expect(JSON.parse(fixtureReader(import.meta.url)('example.json'))).toEqual({ code: 0 });
  });

  it('fails when the promise resolves', async () => {
    await expect(rejection(Promise.resolve(1))).rejects.toThrow('expected a rejection');
  });
});
