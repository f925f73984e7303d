/**
 * Finding items that repeat a key — the same `order_id` twice in one send would text that buyer twice, which is
 * almost always a bug upstream (a retried job, a merged list) — so a client can refuse them before anything
 * is sent.
 */
import type { ValidationError, ValidationIssue } from './errors.js';
import { validationError } from './input-validation.js';

/** The key of an item: the field that holds it and its value. Items repeat when both are equal. */
export interface DuplicateKey {
  /** The field, relative to the item: `order_id`, `post_tel`. */
  readonly field: string;
  /** The value. Never put in the error: it may be a phone number. */
  readonly value: string;
}

/** What `findDuplicateKeys` needs besides the items. */
export interface FindDuplicateKeysOptions<Item> {
  /** The API, for the error. */
  readonly api: string;
  /** The list's field path, for the error: `items` makes `items.3.order_id`. */
  readonly listField: string;
  /** The key of an item. */
  readonly keyOf: (item: Item) => DuplicateKey;
  /** What a repeat would do, after `repeats items.0.order_id: `, e.g. how to send it anyway. */
  readonly consequence: string;
}

/**
 * A ValidationError with one issue per item that repeats an earlier item's key, naming both positions
 * (`items.5.order_id` repeats `items.0.order_id`), or `undefined` when every key is unique. Never echoes a value.
 * @example
 * const duplicate = findDuplicateKeys(items, {
 *   api: '/gateway/taobao/jst/sms/tid/send',
 *   listField: 'items',
 *   keyOf: (item) => ({ field: 'order_id', value: item.order_id }),
 *   consequence: 'that buyer would be texted twice',
 * });
 * if (duplicate) throw duplicate;
 */
export function findDuplicateKeys<Item>(
  items: readonly Item[],
  options: FindDuplicateKeysOptions<Item>,
): ValidationError | undefined {
  const { listField, consequence } = options;
  // Field → value → first position: a value in one field is not the same key as in another.
  const firstPositions = new Map<string, Map<string, number>>();
  const issues: ValidationIssue[] = [];
  items.forEach((item, index) => {
    const { field, value } = options.keyOf(item);
    let positions = firstPositions.get(field);
    if (positions === undefined) {
      positions = new Map();
      firstPositions.set(field, positions);
    }
    const first = positions.get(value);
    if (first === undefined) {
      positions.set(value, index);
      return;
    }
    issues.push({
      field: `${listField}.${index}.${field}`,
      reason: `repeats ${listField}.${first}.${field}: ${consequence}`,
    });
  });
  return issues.length > 0 ? validationError(options.api, issues) : undefined;
}
