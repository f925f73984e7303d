/**
 * Validation of caller input before anything is sent: a failing schema becomes a ValidationError that names
 * the field (`phone_number`, `messages.3.order_id`) and says why, without echoing the value.
 */
import { ValidationError, type ValidationIssue } from './errors.js';
import { redactText } from './redaction.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/** Where the input belongs, for the error: the API and an optional prefix for every field path. */
export interface ValidateInputContext {
  /** The TOP method or gateway path the input is for. */
  readonly api: string;
  /** Prepended to every field path, e.g. `items` turns `3.order_id` into `items.3.order_id`. */
  readonly fieldPrefix?: string | undefined;
}

/**
 * Validates `value` with a synchronous Standard Schema (a zod schema, for instance) and returns the parsed
 * output, or throws a ValidationError naming every offending field.
 * @example const request = validateInput(jstSendMessageRequestSchema, input, { api: 'taobao.jst.sms.message.send' });
 */
export function validateInput<Output>(
  schema: StandardSchemaV1<unknown, Output>,
  value: unknown,
  context: ValidateInputContext,
): Output {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    throw new TypeError('validateInput needs a synchronous schema');
  }
  if (result.issues === undefined) return result.value;
  const issues = result.issues.map((issue) => toValidationIssue(issue, context.fieldPrefix));
  throw validationError(context.api, issues);
}

/** A ValidationError for issues found outside a schema (empty lists, reserved names, bad credentials). */
export function validationError(api: string, issues: readonly ValidationIssue[]): ValidationError {
  const [first = { field: 'request', reason: 'is invalid' }] = issues;
  return new ValidationError({ api, field: first.field, reason: first.reason, issues });
}

function toValidationIssue(issue: StandardSchemaV1.Issue, fieldPrefix: string | undefined): ValidationIssue {
  const segments = (issue.path ?? []).map((segment) =>
    String(typeof segment === 'object' && segment !== null ? segment.key : segment),
  );
  if (fieldPrefix) segments.unshift(fieldPrefix);
  // Messages come from our own field rules and never contain values; redact anyway in case a schema does.
  return {
    field: segments.length > 0 ? segments.join('.') : 'request',
    reason: redactText(issue.message),
  };
}

/**
 * Checks a per-call `signal` before anything is sent: absent, or an AbortSignal. Anything else would fail
 * inside fetch, after the request was built, as a network error that may have sent.
 */
export function checkSignal(api: string, signal: unknown): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw validationError(api, [{ field: 'signal', reason: 'must be an AbortSignal' }]);
}
