import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  isPlainTemplateVariables,
  objectOrJsonText,
  templateVariables,
  templateVariablesOrJsonText,
} from './field-rules.js';

/** The same field without the shortcut: what the shortcut must agree with. */
const withoutShortcut = z.object({ params: objectOrJsonText(templateVariables).optional() });
const withShortcut = z.object({ params: templateVariablesOrJsonText.optional() });

/** JSON texts near the shape of template variables, and far from it. */
const variableValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const variableName = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'toString', '1', 'url'),
);
const jsonText = fc.oneof(
  fc.dictionary(variableName, variableValue, { maxKeys: 5 }).map((value) => JSON.stringify(value)),
  fc
    .dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()), { maxKeys: 5 })
    .map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{"__proto__":"x","a":"b"}',
    '{"__proto__":{"a":1}}',
    '[]',
    '[1]',
    'null',
    '"text"',
    '5',
    '{',
    '',
  ),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

describe('templateVariablesOrJsonText', () => {
  it('answers exactly as the schema without its shortcut: same data, same issues', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const fast = withShortcut.safeParse({ params: text });
        const full = withoutShortcut.safeParse({ params: text });
        expect(fast.success).toBe(full.success);
        if (fast.success && full.success) expect(fast.data).toStrictEqual(full.data);
        else expect(fast.error?.issues).toEqual(full.error?.issues);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the shortcut only for plain objects of strings and finite numbers', () => {
    expect(isPlainTemplateVariables({ code: '1234', count: 2 })).toBe(true);
    expect(isPlainTemplateVariables(JSON.parse('{"__proto__":"x"}'))).toBe(false);
    expect(isPlainTemplateVariables([])).toBe(false);
    expect(isPlainTemplateVariables(Object.create(null))).toBe(false);
    expect(isPlainTemplateVariables({ a: Number.NaN })).toBe(false);
    expect(isPlainTemplateVariables({ a: null })).toBe(false);
  });
});
