/**
 * What the fw199 endpoint needs to know about one API: its path and seller field, how `request_data` becomes a
 * batch of items, how each item is validated into a message, and the documented per-item result shapes.
 */

import type { z } from 'zod';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import type { MessagePlatform, PendingMessage } from '../../state/recorded-message.js';
import { type GatewayError, gatewayErrors, invalidParameter } from '../errors/gateway-errors.js';
import type { MessageFailure } from '../pipeline/call/send-call.js';

export interface GatewayItemContext {
  appId: string;
  seller: string;
  config: ResolvedConfig;
}

export type GatewayItemValidation =
  | { ok: true; message: PendingMessage }
  | { ok: false; failure: MessageFailure & { code: number }; reason: string };

/** `request_data` read: the items, and a validator that knows the batch's shared fields. */
export interface GatewayBatch {
  items: readonly unknown[];
  validateItem(item: unknown, context: GatewayItemContext): GatewayItemValidation;
}

export type GatewayRequestData =
  | ({ ok: true } & GatewayBatch)
  | { ok: false; error: GatewayError; reason: string };

export interface GatewaySuccessItem {
  /** The id recorded with the message (TID item `request_id`, Douyin `message_id`). */
  messageId: string;
  /** The result item, in documented key order. */
  fields: Record<string, unknown>;
  /** Extra facts to record with the message (the TID receipt). */
  details?: Record<string, unknown>;
}

export interface GatewayEndpoint {
  readonly path: string;
  readonly platform: MessagePlatform;
  /** `tb_seller_nick` or `seller_nick`. */
  readonly sellerField: string;
  parseRequestData(raw: string | undefined): GatewayRequestData;
  successItem(item: unknown, message: PendingMessage): GatewaySuccessItem;
  failureItem(item: unknown, failure: MessageFailure): Record<string, unknown>;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failure's field: the first segment of the first issue's path. */
export function firstField(issues: readonly { path: readonly PropertyKey[] }[], fallback: string): string {
  const segment = issues[0]?.path[0];
  return segment === undefined ? fallback : String(segment);
}

/** An id echoed back in a result: strings as sent, numbers as their decimal text, anything else empty. */
export function echoedId(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** One item checked against its wire schema: the parsed item, or the per-item `参数错误:<field>` failure. */
export function parseWireItem<Item>(
  item: unknown,
  schema: z.ZodType<Item>,
): { ok: true; data: Item } | Extract<GatewayItemValidation, { ok: false }> {
  if (!isJsonObject(item)) {
    return { ok: false, failure: invalidParameter('item'), reason: 'the item is not a JSON object' };
  }
  const result = schema.safeParse(item);
  if (result.success) return { ok: true, data: result.data };
  const field = firstField(result.error.issues, 'item');
  return {
    ok: false,
    failure: invalidParameter(field),
    reason: `${field} ${result.error.issues[0]?.message ?? 'is invalid'}`,
  };
}

/**
 * The 1–100 rule for a batch (docs/protocol.md §2.5): none is a bad parameter (`emptyError`), more than the
 * maximum is 40006. `undefined` when the count is fine.
 */
export function itemCountProblem(
  count: number,
  maximum: number,
  list: { name: string; noun: string; emptyError: GatewayError },
): { ok: false; error: GatewayError; reason: string } | undefined {
  if (count === 0) {
    return {
      ok: false,
      error: list.emptyError,
      reason: `${list.name} holds no ${list.noun} (1 to ${maximum} allowed)`,
    };
  }
  if (count > maximum) {
    return {
      ok: false,
      error: gatewayErrors.tooManyItems,
      reason: `${list.name} holds ${count} ${list.noun} (at most ${maximum})`,
    };
  }
  return undefined;
}
