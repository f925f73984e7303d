/**
 * fast-check arbitraries for the property tests of the mock's input handling: text that tends to break
 * parsers (percent-escapes, NUL, graphemes), JSON text, and `mostly`, which keeps random input valid often
 * enough to reach past the earlier checks.
 */
import fc from 'fast-check';

/** Random text, with the values parsers trip over mixed in. */
export const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%zz',
    '%E4%B8',
    '\u0000',
    '[object Object]',
    'null',
    '13800138000',
    '{}',
    '[]',
  ),
);
/** JSON text, or any text. */
export const jsonText = fc.oneof(
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  text,
);

/** Mostly `valid`, sometimes anything: random input that still reaches past the earlier checks. */
export function mostly<Value, Other>(valid: Value, other: fc.Arbitrary<Other>): fc.Arbitrary<Value | Other> {
  return fc.oneof({ arbitrary: fc.constant(valid), weight: 9 }, { arbitrary: other, weight: 1 });
}
