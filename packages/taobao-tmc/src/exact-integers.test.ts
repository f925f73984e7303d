import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactIntegerFetch, quoteUnsafeIntegers } from './exact-integers.js';

describe('quoteUnsafeIntegers', () => {
  it('quotes integers beyond 2^53 outside strings and leaves everything else alone', () => {
    const json =
      '{"id":9007199254740993,"n":-9223372036854775808,"small":42,"f":1.5e300,"s":"9007199254740993","t":"a\\"b 12345678901234567890"}';
    expect(JSON.parse(quoteUnsafeIntegers(json))).toEqual({
      id: '9007199254740993',
      n: '-9223372036854775808',
      small: 42,
      f: 1.5e300,
      s: '9007199254740993',
      t: 'a"b 12345678901234567890',
    });
  });

  it('keeps any JSON text the same when it holds no long digit run', () => {
    fc.assert(
      fc.property(
        fc.json().filter((json) => !/\d{16}/.test(json)),
        (json) => {
          expect(quoteUnsafeIntegers(json)).toBe(json);
        },
      ),
    );
  });

  it('keeps every Int64 exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (id) => {
        const parsed = JSON.parse(
          quoteUnsafeIntegers(`{"messages":[{"id":${id},"content":"{\\"id\\":${id}}"}]}`),
        );
        expect(String(parsed.messages[0].id)).toBe(id.toString());
        expect(parsed.messages[0].content).toBe(`{"id":${id}}`);
      }),
    );
  });
});

describe('exactIntegerFetch', () => {
  it('rewrites JSON answers and passes other answers through', async () => {
    const answers = [
      new Response('{"id":9007199254740993}', {
        headers: { 'content-type': 'application/json;charset=UTF-8' },
      }),
      new Response('<id>9007199254740993</id>', { headers: { 'content-type': 'text/xml' } }),
    ];
    const wrapped = exactIntegerFetch(async () => answers.shift() as Response);
    const request = new Request('http://127.0.0.1/router/rest');
    expect(await (await wrapped(request)).text()).toBe('{"id":"9007199254740993"}');
    expect(await (await wrapped(request)).text()).toBe('<id>9007199254740993</id>');
  });
});
