/**
 * What the TOP endpoint needs to know about one API: its names, whether it needs a session, how to validate its
 * business parameters into a message, and its documented success and rejection bodies.
 */
import type { ResolvedConfig } from '../../config/resolve-config.js';
import type { MessagePlatform, PendingMessage } from '../../state/recorded-message.js';
import type { TopError } from '../errors/top-errors.js';
import type { MessageFailure } from '../pipeline/call/send-call.js';
import type { TopFields } from './top-envelope.js';

export interface TopMethodContext {
  appKey: string;
  seller: string | null;
  config: ResolvedConfig;
}

export type TopValidation =
  | { ok: true; message: PendingMessage }
  | { ok: false; error: TopError; reason: string };

export interface TopMethod {
  /** The `method` parameter, e.g. `taobao.jst.sms.message.send`. */
  readonly name: string;
  /** The success root key, e.g. `jst_sms_message_send_response`. */
  readonly responseKey: string;
  readonly platform: MessagePlatform;
  /** docs/protocol.md §1.2: JST needs `session`, TPN does not. */
  readonly requiresSession: boolean;
  /** Checks required arguments (40), argument values (41) and business rules, in that order. */
  validate(params: Readonly<Record<string, string>>, context: TopMethodContext): TopValidation;
  /** The id a success gives the message (JST `module`, TPN `result`). */
  newMessageId(): string;
  /** The documented success fields, in documented order. */
  successFields(requestId: string, messageId: string): TopFields;
  /** A business rejection: HTTP 200, success envelope, the API's own failure fields. */
  rejectionFields(failure: MessageFailure, requestId: string): TopFields;
}

/** Is `value` a JSON object (not an array, not null)? */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b[0]` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
