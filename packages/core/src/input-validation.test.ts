import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidationError } from './error-guards.js';
import { validateInput } from './input-validation.js';
import type { StandardSchemaV1 } from './standard-schema.js';

const schema = z.strictObject({
  sign: z.string().min(1, 'must not be empty'),
  messages: z.array(z.object({ order_id: z.string().regex(/^\d+$/, 'must contain digits only') })),
});

function rejection(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validateInput', () => {
  it('returns the parsed value', () => {
    const value = { sign: 's', messages: [{ order_id: '1' }] };
    expect(validateInput(schema, value, { api: 'api' })).toEqual(value);
  });

  it('names a nested field with a dotted path', () => {
    const error = rejection(() =>
      validateInput(
        schema,
        { sign: 's', messages: [{ order_id: '1' }, { order_id: '2' }, { order_id: '3' }, { order_id: 'x' }] },
        { api: '/gateway/dd/sms/send' },
      ),
    );
    expect(error.field).toBe('messages.3.order_id');
    expect(error.reason).toBe('must contain digits only');
    expect(error.api).toBe('/gateway/dd/sms/send');
  });

  it('prefixes every path and lists every issue', () => {
    const error = rejection(() =>
      validateInput(schema, { sign: '', messages: [{}] }, { api: 'a', fieldPrefix: 'request' }),
    );
    expect(error.issues.map((issue) => issue.field)).toEqual(['request.sign', 'request.messages.0.order_id']);
    expect(error.message).toContain('(and 1 more)');
  });

  it('names the whole request for a root-level issue', () => {
    const error = rejection(() => validateInput(schema, 'not an object', { api: 'a' }));
    expect(error.field).toBe('request');
  });

  it('refuses an asynchronous schema', () => {
    const asynchronous: StandardSchemaV1<unknown, string> = {
      '~standard': { version: 1, vendor: 'test', validate: async () => ({ value: 'x' }) },
    };
    expect(() => validateInput(asynchronous, 'x', { api: 'a' })).toThrow(TypeError);
  });
});
