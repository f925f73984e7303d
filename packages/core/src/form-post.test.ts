import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestUrl } from './form-post.js';

/** What requestUrl always meant: the endpoint parsed, each query parameter appended, serialized. */
function appendedUrl(endpoint: string, query: Record<string, string>): string {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  return url.toString();
}

describe('requestUrl', () => {
  it('equals appending every parameter to the parsed endpoint, for any endpoint shape and parameters', () => {
    const endpoint = fc.constantFrom(
      'https://eco.taobao.com/router/rest',
      'http://127.0.0.1:8787/router/rest',
      'HTTP://GW.API.TAOBAO.COM:80/router/./rest',
      'https://kf.fw199.com/gateway/dd/sms/send',
      'https://example.com/a%20b/',
      'https://example.com/path?existing=1&x=a b',
      'https://example.com/path?',
      'https://example.com/path#fragment',
      'https://example.com/path?#',
      'https://example.com',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', ' ', '+', '&', '=', '%', '#', '?'),
    );
    fc.assert(
      fc.property(endpoint, fc.dictionary(text, text, { maxKeys: 6 }), (base, query) => {
        expect(requestUrl({ endpoint: base, query, form: {} })).toBe(appendedUrl(base, query));
      }),
      { numRuns: 2000 },
    );
  });
});
