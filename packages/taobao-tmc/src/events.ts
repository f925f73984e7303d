/**
 * What a consumer reports while it runs, for logging and metrics. No event carries a secret, a signature
 * or message content (which may hold phone numbers).
 */

/** Why a WebSocket session could not be opened. */
export type TmcConnectFailure = 'refused' | 'no-ack' | 'bad-ack' | 'closed-before-ack';

/** A WebSocket session was not established. Carries the server's status, never the signature. */
export class TmcConnectError extends Error {
  override readonly name = 'TmcConnectError' as const;
  /** What went wrong: refused by the server, no CONNECTACK in time, a CONNECTACK without the echoed flag or a token, or the socket closed first. */
  readonly failure: TmcConnectFailure;
  /** The CONNECTACK's status code, when the server refused. */
  readonly statusCode: number | undefined;
  /** The CONNECTACK's status phrase, when the server refused. */
  readonly statusPhrase: string | undefined;

  constructor(failure: TmcConnectFailure, detail: string, status: { code?: number; phrase?: string } = {}) {
    super(`TMC connect failed (${failure}): ${detail}`);
    this.failure = failure;
    this.statusCode = status.code;
    this.statusPhrase = status.phrase;
  }
}

/** One thing that happened to a running consumer. */
export type TmcConsumerEvent =
  /** The WebSocket session is established (CONNECTACK accepted), or the HTTP poller started. */
  | { readonly type: 'connected' }
  /** The WebSocket closed; unconfirmed messages will be redelivered by the server. */
  | { readonly type: 'disconnected'; readonly code: number | undefined }
  /** A connect attempt failed. */
  | { readonly type: 'connect-failed'; readonly error: TmcConnectError }
  /** The next connect (or poll, after an error) is due in `delayMs`. */
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  /** A handler threw: the message was failed and will come back. */
  | {
      readonly type: 'message-failed';
      readonly messageId: string;
      readonly topic: string;
      readonly error: unknown;
    }
  /** A frame was dropped: undecodable, before the CONNECTACK, with a wrong token, or an unreadable message. */
  | { readonly type: 'frame-rejected'; readonly reason: string }
  /** An HTTP consume call failed. */
  | { readonly type: 'poll-failed'; readonly error: unknown }
  /** An HTTP confirm call failed: those messages will come back. */
  | { readonly type: 'confirm-failed'; readonly messageIds: readonly string[]; readonly error: unknown };

/** Receives consumer events. It must not throw; if it does, the error is ignored. */
export type TmcEventListener = (event: TmcConsumerEvent) => void;

/** Calls the listener, shielding the consumer from a listener that throws. */
export function emitter(listener: TmcEventListener | undefined): TmcEventListener {
  return (event) => {
    try {
      listener?.(event);
    } catch {
      // A logging hook must not take the consumer down.
    }
  };
}
