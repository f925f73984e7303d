/**
 * The request journal: every request to a protocol endpoint, accepted or not, with what the mock concluded
 * and why — including, for a bad signature, the string the mock signed and the sign it expected. This is
 * the answer to "why is my signature wrong", which the real gateways never give.
 */

import { BoundedLog } from './bounded-log.js';
import { maskParameters } from './mask-secrets.js';
import { type ParameterReader, type ParameterSource, parameterSourceOf } from './parameter-source.js';

export type JournalProtocol = 'top' | 'gateway';

/** How the mock answered. */
export type JournalVerdict =
  | {
      outcome: 'accepted';
      /** Messages recorded in the inbox by this request. */
      recorded: number;
      /** Items answered with a per-item failure (gateway batches). */
      failedItems: number;
    }
  | {
      outcome: 'rejected';
      /** The platform code answered (TOP `code`, gateway `code`). */
      code: number;
      /** TOP `msg` or gateway `message`. */
      message: string;
      subCode?: string;
      subMessage?: string;
      /** Why, in plain words — more than the platform's answer says. */
      reason: string;
    };

/** Why a signature did not match. Secrets never appear; `{secret}` marks where the secret goes. */
export interface SignatureDiagnostic {
  /** The algorithm the mock used (TOP `sign_method`; `md5` for the gateway). */
  signMethod: string;
  /** The sign received, masked like the other secrets. */
  received: string | null;
  /** The sign the mock computed. */
  expected: string | null;
  /** The string that was hashed, e.g. `{secret}app_key…v2.0{secret}` for md5, without the secret wrapping for HMAC. */
  signedString: string | null;
  /** For HMAC: the key is the secret. */
  hmacKey?: '{secret}';
}

/** One request to a protocol endpoint as `GET /__mock/requests` shows it: secrets masked. */
export interface JournalEntry {
  /** Sequence number, starting at 1. */
  id: number;
  receivedAt: string;
  /** The HTTP method. */
  method: string;
  path: string;
  protocol: JournalProtocol;
  /** The TOP `method` parameter, or the gateway path. */
  api: string | null;
  /** `app_key` or `appid` as received. */
  appKey: string | null;
  contentType: string | null;
  /** Every parameter received (query and body merged), secrets masked, long values shortened. */
  params: Record<string, string>;
  /** Anything unusual about how the request was read: an ignored body, duplicate names, … */
  notes: string[];
  verdict: JournalVerdict;
  httpStatus: number;
  /** The `request_id` (TOP) or `trace_id` (gateway) answered. */
  requestId: string;
  signature?: SignatureDiagnostic;
}

/**
 * What the request path hands over: the time as a number and the parameters unmasked. Formatting the time
 * and masking happen when an entry is read, not on every request (most entries are never read).
 */
export interface JournalRecord extends Omit<JournalEntry, 'id' | 'receivedAt' | 'params'> {
  /** Epoch milliseconds on the mock's clock. */
  receivedAt: number;
  /** As received; never mutated afterwards. */
  params: Readonly<Record<string, string>>;
}

/** Called once per journaled request, synchronously. Must not throw. */
export type JournalListener = (entry: JournalEntry) => void;

interface StoredRecord {
  id: number;
  record: JournalRecord;
  /** When set, `record.params` was dropped: the parameters are read again from this when shown. */
  source: ParameterSource | undefined;
}

/** Texts the journal keeps, one copy each: API names and app keys repeat from request to request. */
const keptTexts = new Map<string, string>();

function keptText(text: string | null): string | null {
  if (text === null || text.length < 13) return text; // V8 copies short slices anyway
  let kept = keptTexts.get(text);
  if (kept === undefined) {
    if (keptTexts.size >= 256) keptTexts.clear();
    kept = JSON.parse(JSON.stringify(text)) as string; // a copy of its own, whatever the text holds
    keptTexts.set(kept, kept);
  }
  return kept;
}

/** Stands in for parameters kept as their source. */
const trimmedParams: Readonly<Record<string, string>> = Object.freeze(Object.create(null));

export class RequestJournal {
  readonly #log: BoundedLog<StoredRecord>;
  readonly #listeners = new Set<JournalListener>();
  readonly #readParameters: ParameterReader;
  #sequence = 0;

  /** `readParameters` reads kept parameters again when an entry is shown (the protocol core's parser). */
  constructor(capacity: number, maxBytes: number, readParameters: ParameterReader) {
    this.#log = new BoundedLog(capacity, maxBytes);
    this.#readParameters = readParameters;
  }

  /**
   * Keeps `record` (the journal owns it from now on). Parameters read from a query or a urlencoded body are
   * kept as what they were read from — the raw bytes, outside the JavaScript heap — and read again only when
   * the entry is shown: most entries never are, and a kept map and its strings cost every request GC time.
   */
  record(record: JournalRecord, approximateBytes: number): void {
    const stored: StoredRecord = { id: ++this.#sequence, record, source: undefined };
    if (this.#listeners.size > 0) {
      const entry = this.#entryOf(stored);
      for (const listener of this.#listeners) listener(entry);
    }
    const source = parameterSourceOf(record.params);
    if (source !== undefined) {
      stored.source = source;
      record.params = trimmedParams;
    }
    // Both usually come straight from the parameters: a long one is a slice of the whole request text, which
    // keeping it would keep too. They repeat, so one copy each is shared.
    record.api = keptText(record.api);
    record.appKey = keptText(record.appKey);
    this.#log.push(stored, approximateBytes);
  }

  /** Newest first, as shown: secrets masked, time formatted. */
  *newestFirst(): IterableIterator<JournalEntry> {
    for (const stored of this.#log.newestFirst()) yield this.#entryOf(stored);
  }

  clear(predicate?: (entry: JournalEntry) => boolean): number {
    return this.#log.clear(
      predicate === undefined ? undefined : (stored) => predicate(this.#entryOf(stored)),
    );
  }

  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get statistics(): { stored: number; recorded: number; evicted: number } {
    return { stored: this.#log.size, recorded: this.#sequence, evicted: this.#log.evicted };
  }

  #entryOf({ id, record, source }: StoredRecord): JournalEntry {
    const params = source === undefined ? record.params : this.#readParameters(source);
    return {
      id,
      ...record,
      receivedAt: new Date(record.receivedAt).toISOString(),
      params: maskParameters(params),
    };
  }
}
