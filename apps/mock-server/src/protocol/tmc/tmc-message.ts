/**
 * A TMC message as the platform delivers it, and the state of its delivery to one group. The fields are those
 * of a data frame (docs/protocol.md §4): `id` and `userid` are Int64 (a `bigint` here, so ids beyond 2^53
 * stay exact), times are epoch milliseconds, `content` is the topic's JSON as a string.
 */

/** One published message. The same message (same `id`) reaches every group it was published to. */
export interface TmcMessage {
  readonly id: bigint;
  readonly topic: string;
  /** The topic's JSON payload, as text. */
  readonly content: string;
  /** `time`: when it was published. */
  readonly publishedAt: number;
  /** `publisher`: the app key that published it. */
  readonly publisher: string;
  /** `nick`: the seller the message is about (empty when none). */
  readonly nick: string;
  /** `userid`: the seller's user id (0 when none). */
  readonly userId: bigint;
  /**
   * The message's place in this mock's id sequence (`id` minus the first id). The queues key their maps by it:
   * a Map finds a small integer several times faster than a `bigint`, and every accepted send goes through
   * those maps when its receipt is published.
   */
  readonly sequence: number;
}

/**
 * Where a message stands in one group:
 * - `queued`: waiting for a consumer, never pushed;
 * - `pushed`: sent to a consumer (or handed out by `consume`), waiting for its confirm;
 * - `confirmed`: done, it never comes back;
 * - `failed`: the consumer failed it, it comes back after the redelivery interval;
 * - `redelivered`: sent again (after a fail, a missing confirm or a lost connection), waiting for its confirm.
 */
export const tmcMessageStates = ['queued', 'pushed', 'confirmed', 'failed', 'redelivered'] as const;
export type TmcMessageState = (typeof tmcMessageStates)[number];

/** The first message id: above 2^53, so a client that reads ids as doubles is caught at once. */
const firstMessageId = 9_007_199_254_740_993n + 1_000_000_000n;

const maxSafeOffset = BigInt(Number.MAX_SAFE_INTEGER);

/** Hands out message ids, one sequence per mock. */
export class TmcMessageIds {
  #nextSequence = 0;
  #nextId = firstMessageId;

  /** The next id, and its sequence number (the id's distance from the first). */
  next(): { readonly id: bigint; readonly sequence: number } {
    const id = this.#nextId;
    this.#nextId += 1n; // one bigint per id: not computed from the sequence, which would take two
    return { id, sequence: this.#nextSequence++ };
  }
}

/**
 * The `sequence` of the message with this id, for looking a message up by the id a consumer sent back; −1 for
 * an id this mock never handed out (no message has that sequence, so a lookup finds nothing).
 */
export function sequenceOfMessageId(id: bigint): number {
  const offset = id - firstMessageId;
  return offset >= 0n && offset <= maxSafeOffset ? Number(offset) : -1;
}

/** What a producer gives: the rest (id, time, publisher) is the mock's. */
export interface TmcMessageInput {
  readonly topic: string;
  readonly content: string;
  readonly nick?: string | undefined;
  readonly userId?: bigint | undefined;
}
