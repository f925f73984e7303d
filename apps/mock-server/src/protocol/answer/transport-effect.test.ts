/** The proxy error page of a `proxy-error` fault or magic value: nginx's, with Node's names for the statuses. */
import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { answerWithEffect } from './transport-effect.js';

const plain = { body: '{"ok":true}', status: 200, contentType: 'application/json', gzip: false };

describe('answerWithEffect', () => {
  it.each(Array.from({ length: 100 }, (_, index) => 500 + index))('names HTTP %i as Node does', (status) => {
    const answer = answerWithEffect({ replace: 'proxy-error', status, source: 'fault 1' }, plain);
    expect(answer.status).toBe(status);
    expect(answer.headers).toEqual({ 'content-type': 'text/html', server: 'nginx' });
    expect(answer.body).toContain(`<title>${status} ${STATUS_CODES[status] ?? 'Server Error'}</title>`);
  });

  it('keeps the answer and asks the adapter to wait, or to drop the connection', () => {
    expect(answerWithEffect({ delayMs: 20_000, source: 'magic value 19900000820' }, plain)).toMatchObject({
      status: 200,
      body: plain.body,
      delivery: { delayMs: 20_000, drop: false, source: 'magic value 19900000820' },
    });
    expect(answerWithEffect({ replace: 'drop', source: 'fault 2' }, plain)).toEqual({
      status: 0,
      headers: {},
      body: null,
      delivery: { delayMs: 0, drop: true, source: 'fault 2' },
    });
  });

  it('cuts a malformed body in half, gzipped when the request accepts it', () => {
    const answer = answerWithEffect(
      { replace: 'malformed-body', source: 'fault 3' },
      { ...plain, gzip: true },
    );
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body).toBeInstanceOf(Uint8Array);
  });
});
