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

  it('takes linear time on a body of many pairs without "=" (was quadratic: seconds for 1 MiB)', () => {
    const text = 'a&'.repeat(512 * 1024);
    const flat = Buffer.from(text, 'latin1').toString('latin1'); // a flat string, as a decoded body is
    let count = 0;
    const started = performance.now();
    forEachFormPair(flat, { pair: () => count++ });
    expect(count).toBe(512 * 1024);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
