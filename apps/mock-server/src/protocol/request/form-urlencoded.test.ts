import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFormPair } from './form-urlencoded.js';

function pairs(text: string): [string, string][] {
  const collected: [string, string][] = [];
  forEachFormPair(text, { pair: (name, value) => collected.push([name, value]) });
  return collected;
}

/**
 * The URL standard's application/x-www-form-urlencoded parser, step by step. (Node's URLSearchParams is not the
 * oracle for malformed input: after one valid escape it decodes with querystring.unescape, which turns `% ` into
 * `%\uFFFD`.)
 */
function referenceParse(text: string): [string, string][] {
  const decode = (part: string) => {
    const bytes = [...Buffer.from(part.replaceAll('+', ' '), 'utf8')];
    const output: number[] = [];
    for (let index = 0; index < bytes.length; index++) {
      const hex = String.fromCharCode(bytes[index + 1] ?? 0, bytes[index + 2] ?? 0);
      if (bytes[index] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        output.push(Number.parseInt(hex, 16));
        index += 2;
      } else {
        output.push(bytes[index] as number);
      }
    }
    return Buffer.from(output).toString('utf8');
  };
  return text
    .split('&')
    .filter((sequence) => sequence !== '')
    .map((sequence) => {
      const equals = sequence.indexOf('=');
      return equals === -1
        ? [decode(sequence), '']
        : [decode(sequence.slice(0, equals)), decode(sequence.slice(equals + 1))];
    });
}

describe('forEachFormPair', () => {
  it('parses like URLSearchParams on well-formed and common malformed input', () => {
    for (const text of [
      'a=1&b=2',
      'a=1&a=2',
      'a&b=&=c&&',
      'q=%E4%BD%A0%E5%A5%BD+world%2B',
      'bad=%zz%&incomplete=%E4%B8&x=%',
      'utf8=你好&emoji=%F0%9F%98%80',
      'lone=%ED%A0%80',
      '',
      '&&&',
      '=',
    ]) {
      expect(pairs(text), text).toEqual([...new URLSearchParams(text)]);
    }
  });

  it('agrees with the WHATWG algorithm, written out plainly, on any text', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('%', '%2', '%zz', '%E4', '%E4%B8', '%FF', '+', '&', '=', '%25', '%26', '%3D', '%2B'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(pairs(text)).toEqual(referenceParse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('looks at each character a bounded number of times on a body of many pairs without "=" (was quadratic: seconds for 1 MiB)', () => {
    // Counted, not timed: every indexOf the parser makes is recorded with how far it scanned.
    const text = Buffer.from('a&'.repeat(20_000), 'latin1').toString('latin1'); // flat, as a decoded body is
    const nativeIndexOf = String.prototype.indexOf;
    let scanned = 0;
    const countingIndexOf = function (this: string, search: string, from?: number): number {
      const start = from ?? 0;
      const found = nativeIndexOf.call(this, search, start);
      scanned += (found === -1 ? this.length : found + search.length) - start;
      return found;
    };
    let count = 0;
    String.prototype.indexOf = countingIndexOf;
    try {
      forEachFormPair(text, { pair: () => count++ });
    } finally {
      String.prototype.indexOf = nativeIndexOf;
    }
    expect(count).toBe(20_000);
    // Each `&` search scans one pair; the `=` search runs once to the end: about two passes over the text.
    expect(scanned).toBeLessThanOrEqual(3 * text.length);
  });
});
