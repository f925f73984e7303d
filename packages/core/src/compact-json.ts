/**
 * Compact JSON text as the wire wants it (`docs/protocol.md` §1.4): no whitespace, raw UTF-8, object fields that are
 * `null` or `undefined` omitted, and `bigint` written as an exact integer (ids exceed 2^53). Anything that is
 * not JSON (NaN, functions, symbols, cycles, class instances) is a ValidationError naming the field, raised
 * before anything is sent — `JSON.stringify` would silently turn it into `null` or drop it.
 */
import { validationError } from './input-validation.js';

/**
 * Encodes `value` as compact JSON text.
 * @param api the TOP method or gateway path, for the error.
 * @param field the field path of `value`, for the error (e.g. `biz_data`).
 * @example compactJson({ content: '您好', skip: null }, 'api', 'params') // '{"content":"您好"}'
 */
export function compactJson(value: unknown, api: string, field: string): string {
  return encode(value, field, api, new Set());
}

function encode(value: unknown, field: string, api: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw notJson(api, field, 'must be a finite number');
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return encodeObject(value, field, api, ancestors);
    default:
      throw notJson(api, field, `must be JSON data, got a ${typeof value}`);
  }
}

function encodeObject(value: object, field: string, api: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw notJson(api, field, 'must not contain a circular reference');
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return encode((withToJson.toJSON as () => unknown).call(value), field, api, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const parts = value.map((element, index) =>
        element === undefined ? 'null' : encode(element, `${field}.${index}`, api, ancestors),
      );
      return `[${parts.join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw notJson(api, field, 'must be a plain object');
    }
    const parts: string[] = [];
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || member === null) continue;
      parts.push(`${JSON.stringify(key)}:${encode(member, `${field}.${key}`, api, ancestors)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function notJson(api: string, field: string, reason: string) {
  return validationError(api, [{ field, reason }]);
}
