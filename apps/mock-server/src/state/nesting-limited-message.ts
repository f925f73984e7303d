/**
 * What the inbox holds is shown by every view — the message list, the inbox page, its search, its live feed —
 * and each of them serialises it recursively. The protocol checks refuse JSON nested deeper than
 * `maxRecordedNesting`; whatever reaches the inbox anyway (a message recorded from code) is cut at that depth
 * here, once, so that no view can overflow the stack on it.
 */
import type { PendingMessage } from './recorded-message.js';

/** Objects and arrays inside one another, the outermost counting 1. */
export const maxRecordedNesting = 64;

/** Where a value was cut off. */
export const nestingCutMarker = `[nested deeper than ${maxRecordedNesting} levels]`;

/** The message itself when its variables and details are within the limit, else a copy cut at the limit. */
export function nestingLimitedMessage(message: PendingMessage): PendingMessage {
  if (!nestsDeeper(message.variables, 0) && !nestsDeeper(message.details, 0)) return message;
  return {
    ...message,
    variables: cutAtLimit(message.variables, 0) as Record<string, unknown>,
    details: cutAtLimit(message.details, 0) as Record<string, unknown>,
  };
}

/** Recursion stops at the limit, so the stack holds at most `maxRecordedNesting` frames. */
function nestsDeeper(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth === maxRecordedNesting) return true;
  for (const key in value) {
    if (nestsDeeper((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function cutAtLimit(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth === maxRecordedNesting) return nestingCutMarker;
  if (Array.isArray(value)) return value.map((item) => cutAtLimit(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: cutAtLimit((value as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
