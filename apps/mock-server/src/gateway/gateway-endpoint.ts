/**
 * What the fw199 endpoint needs to know about one API: its path and seller field, how `request_data` becomes a
 * batch of items, how each item is validated into a message, and the documented per-item result shapes.
 */
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { MessageFailure } from '../pipeline/send-call.js';
import type { MessagePlatform, PendingMessage } from '../state/recorded-message.js';
import type { GatewayError } from './gateway-errors.js';

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
