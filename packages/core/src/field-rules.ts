/**
 * Field rules shared by the adapters' schemas and the mock server, so that a client rejects before sending
 * exactly what the mock rejects after receiving. Messages say why, never echo the value (it may be a phone
 * number).
 */
import { z } from 'zod';

/** Mainland China mobile: 11 digits starting with 1. */
export const mainlandMobilePattern = /^1\d{10}$/;

/** The phone number the JST document itself uses as its example; accepted as a test number. */
export const documentedTestPhoneNumbers: readonly string[] = ['1234567890'];

/** A Douyin encrypted phone number (`docs/protocol.md` §2.4): `$<base64>$<base64>*<base64>$<version>$$`. */
export const douyinCiphertextPattern = /^\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*\*[A-Za-z0-9+/]+=*\$\d+\$\$$/;

const digitsPattern = /^\d+$/;

/** A required text field: a string with at least one non-blank character. */
export const requiredText = z
  .string({ error: 'is required and must be a string' })
  .refine((value) => value.trim().length > 0, { message: 'must not be empty' });

/** An optional text field; an empty string counts as absent (the client does not send it). */
export const optionalText = z.string({ error: 'must be a string' }).optional();

/** A phone number for TOP JST: a mainland mobile or the documented test number. */
export const mainlandPhoneNumber = z
  .string({ error: 'is required and must be a string' })
  .refine((value) => mainlandMobilePattern.test(value) || documentedTestPhoneNumbers.includes(value), {
    message: 'must be a mainland mobile number: 11 digits starting with 1',
  });

/** Douyin `post_tel`: a plain mainland mobile or a Douyin ciphertext. */
export const douyinPhoneOrCiphertext = z
  .string({ error: 'is required and must be a string' })
  .refine((value) => mainlandMobilePattern.test(value) || douyinCiphertextPattern.test(value), {
    message: 'must be an 11-digit mainland mobile number or a Douyin phone ciphertext ($…$…*…$1$$)',
  });

/** An order id: decimal digits only. Given as a string or bigint (they exceed 2^53), sent as a string. */
export const orderId = z
  .union([z.string(), z.bigint(), z.number()], { error: 'is required and must be a string of digits' })
  .superRefine((value, context) => {
    if (typeof value === 'number') {
      context.addIssue({ code: 'custom', message: 'must be a string or bigint: order ids exceed 2^53' });
    } else if (typeof value === 'bigint' ? value < 0n : !digitsPattern.test(value)) {
      context.addIssue({ code: 'custom', message: 'must contain digits only' });
    }
  })
  .transform((value) => String(value));

/**
 * A TOP `Number` id that may exceed 2^53 (`biz_id`, `user_id`): a safe non-negative integer, a bigint or a
 * decimal string, always sent as an exact decimal string.
 */
export const decimalId = z
  .union([z.string(), z.bigint(), z.number()], {
    error: 'is required and must be a number, bigint or decimal string',
  })
  .superRefine((value, context) => {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) {
        context.addIssue({
          code: 'custom',
          message: 'must be a non-negative safe integer; pass a bigint or string above 2^53',
        });
      }
    } else if (typeof value === 'bigint' ? value < 0n : !digitsPattern.test(value)) {
      context.addIssue({ code: 'custom', message: 'must be a non-negative decimal integer' });
    }
  })
  .transform((value) => String(value));

/** A wire decimal id as the mock receives it: digits only. */
export const decimalIdText = z.string().regex(digitsPattern, { message: 'must be a decimal integer' });

/** An http(s) URL. */
export const httpUrl = z.string({ error: 'must be a string' }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an http or https URL' },
);

/** Template variables, `${name}` in the template: an object of strings or numbers. */
export const templateVariables = z.record(
  z.string(),
  z.union([z.string(), z.number()], { error: 'must be a string or a number' }),
  { error: 'must be an object of template variables (string or number values)' },
);

/** A JSON-typed TOP parameter given as an object (the client JSON-encodes it). */
export const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be an object' });

/** Copies a nested parse's issues into the current context, keeping their paths. */
export function forwardIssues(issues: readonly z.core.$ZodIssue[], context: z.RefinementCtx): void {
  for (const issue of issues) {
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
  }
}

/**
 * A server-side view of a JSON-typed field that clients send either as JSON text or as a nested object
 * (`docs/protocol.md` §1.4, §2.4): both are accepted, the result is the object.
 *
 * `plainlyValid` is an optional shortcut for JSON text: a freshly parsed value it accepts is returned as it
 * is, without running `schema` (whose nested parse is most of the cost, and runs for every item of a batch).
 * It must accept only values `schema` accepts unchanged — a property test holds the two together.
 */
export function objectOrJsonText<Output extends Record<string, unknown>>(
  schema: z.ZodType<Output>,
  plainlyValid?: (value: unknown) => value is Output,
) {
  return z.unknown().transform((value, context): Output => {
    let candidate = value;
    if (typeof value === 'string') {
      try {
        candidate = JSON.parse(value);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
      if (plainlyValid?.(candidate)) return candidate;
    }
    const result = schema.safeParse(candidate);
    if (!result.success) {
      forwardIssues(result.error.issues, context);
      return z.NEVER;
    }
    return result.data;
  });
}

/**
 * True for what `templateVariables` accepts and returns unchanged: a plain object whose values are all
 * strings or finite numbers. A `__proto__` key is left to the schema (a record drops it when copying).
 */
export function isPlainTemplateVariables(value: unknown): value is Record<string, string | number> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return false;
  }
  const variables = value as Record<string, unknown>;
  for (const key in variables) {
    if (key === '__proto__') return false;
    const variable = variables[key];
    if (typeof variable !== 'string' && !(typeof variable === 'number' && Number.isFinite(variable)))
      return false;
  }
  return true;
}

/** Template variables as a server receives them: an object, or its JSON text (the usual case). */
export const templateVariablesOrJsonText = objectOrJsonText(templateVariables, isPlainTemplateVariables);
