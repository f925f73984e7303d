import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactJson } from './compact-json.js';
import { isValidationError } from './error-guards.js';

const encode = (value: unknown) => compactJson(value, 'api', 'field');

describe('compactJson', () => {
  it('writes compact JSON with raw UTF-8 and omits null and undefined object fields', () => {
    expect(encode({ content: '您好! ${url}', skip: null, gone: undefined, n: 1.5, ok: true })).toBe(
      '{"content":"您好! ${url}","n":1.5,"ok":true}',
    );
  });

  it('keeps nulls inside arrays, as JSON does', () => {
    expect(encode([1, null, undefined, 'a'])).toBe('[1,null,null,"a"]');
  });

  it('writes bigints as exact integers', () => {
    expect(encode({ biz_id: 12345678901234567890n })).toBe('{"biz_id":12345678901234567890}');
  });

  it('uses toJSON, as JSON.stringify does', () => {
    expect(encode({ at: new Date('2016-01-01T04:00:00Z') })).toBe('{"at":"2016-01-01T04:00:00.000Z"}');
  });

  it.each([
    ['NaN', { a: { b: Number.NaN } }, 'field.a.b', 'must be a finite number'],
    ['a function', { a: () => 1 }, 'field.a', 'must be JSON data, got a function'],
    ['a symbol', [Symbol('s')], 'field.0', 'must be JSON data, got a symbol'],
    ['a class instance', { a: new Map() }, 'field.a', 'must be a plain object'],
  ])('rejects %s with a ValidationError naming the field', (_label, value, field, reason) => {
    let caught: unknown;
    try {
      encode(value);
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ field, reason });
  });

  it('rejects a circular structure', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encode(cyclic)).toThrow('must not contain a circular reference');
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(encode([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it('matches JSON.stringify with null object fields dropped, for any JSON value', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((value) => value !== null),
        (value) => {
          const expected = JSON.stringify(value, (_key, member: unknown) =>
            member === null ? undefined : member,
          );
          expect(encode(value)).toBe(expected);
        },
      ),
    );
  });
});
