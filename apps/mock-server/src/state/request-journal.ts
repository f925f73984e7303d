/**
 * The request journal: every request to a protocol endpoint, accepted or not, with what the mock concluded
 * and why — including, for a bad signature, the string the mock signed and the sign it expected. This is
 * the answer to "why is my signature wrong", which the real gateways never give.
 */

import { BoundedLog } from './bounded-log.js';
import { maskParameters, maskSecret } from './mask-secrets.js';
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
      /** When `failedItems` > 0: each failed item as answered, so a view can say which one and why. */
      failures?: FailedItem[];
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

/** One item of a batch (or the one message of a JST / TPN call) that the answer failed. */
export interface FailedItem {
  /** Its position in the request, from 0 (`request_data` for the gateway). */
  item: number;
  /** The order id the answer echoed; null when the item named none. */
  orderId: string | null;
  /** The platform's code for the item. */
  code: number | string;
  /** The platform's message for the item. */
  message: string;
}

/**
 * Why a signature did not match. The app secret never appears; `{secret}` marks where it goes. Recorded as
 * the client sent it; read back with the `session`, the `sign` and other secret-named parameters masked,
 * unless asked for as sent (the inbox page's "show" switch).
 */
export interface SignatureDiagnostic {
  /** The algorithm the mock used (TOP `sign_method`; `md5` for the gateway). */
  signMethod: string;
  /** The sign received (masked like the other secrets when read, unless asked for as sent). */
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
  /**
   * Only when read `withSignatureAsSent`: the diagnostic with the `session` and the `sign` as the client sent
   * them, byte for byte comparable with what it signed (the app secret is never in it).
   */
  signatureAsSent?: SignatureDiagnostic;
}

/** How an entry is read. */
export interface JournalReadOptions {
  /** Add `signatureAsSent` to entries with a signature diagnostic. */
  withSignatureAsSent?: boolean;
}

/**
 * What the request path hands over: the time as a number and the parameters unmasked. Formatting the time
 * and masking happen when an entry is read, not on every request (most entries are never read).
 */
export interface JournalRecord
  extends Omit<JournalEntry, 'id' | 'receivedAt' | 'params' | 'signatureAsSent'> {
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
  /** Each listener with how it reads entries. */
  readonly #listeners = new Map<JournalListener, JournalReadOptions>();
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
      let plain: JournalEntry | undefined;
      let withAsSent: JournalEntry | undefined;
      for (const [listener, options] of this.#listeners) {
        if (options.withSignatureAsSent === true) {
          withAsSent ??= this.#entryOf(stored, options);
          listener(withAsSent);
        } else {
          plain ??= this.#entryOf(stored);
          listener(plain);
        }
      }
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
  *newestFirst(options: JournalReadOptions = {}): IterableIterator<JournalEntry> {
    for (const stored of this.#log.newestFirst()) yield this.#entryOf(stored, options);
  }

  clear(predicate?: (entry: JournalEntry) => boolean): number {
    return this.#log.clear(
      predicate === undefined ? undefined : (stored) => predicate(this.#entryOf(stored)),
    );
  }

  subscribe(listener: JournalListener, options: JournalReadOptions = {}): () => void {
    this.#listeners.set(listener, options);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get statistics(): { stored: number; recorded: number; evicted: number } {
    return { stored: this.#log.size, recorded: this.#sequence, evicted: this.#log.evicted };
  }

  #entryOf({ id, record, source }: StoredRecord, options: JournalReadOptions = {}): JournalEntry {
    const params = source === undefined ? record.params : this.#readParameters(source);
    const masked = maskParameters(params);
    const entry: JournalEntry = {
      id,
      ...record,
      receivedAt: new Date(record.receivedAt).toISOString(),
      params: masked,
    };
    const signature = record.signature;
    if (signature !== undefined) {
      entry.signature = maskedSignature(signature, params, masked, new Set());
      if (options.withSignatureAsSent === true) {
        entry.signatureAsSent = maskedSignature(signature, params, masked, sentByTheClient);
      }
    }
    return entry;
  }
}

/** What the client sent and signed with, shown as sent when asked: nothing here is the app secret. */
const sentByTheClient: ReadonlySet<string> = new Set(['session', 'sign']);

/** The diagnostic with every masked parameter masked in the signed string too, except those `kept`. */
function maskedSignature(
  signature: SignatureDiagnostic,
  params: Readonly<Record<string, string>>,
  masked: Readonly<Record<string, string>>,
  kept: ReadonlySet<string>,
): SignatureDiagnostic {
  let signedString = signature.signedString;
  if (signedString !== null) {
    for (const name in params) {
      const value = params[name] as string;
      const shown = masked[name] as string;
      // The signed string is `name` + `value` per parameter (empty values: the bare name).
      if (shown !== value && !kept.has(name) && value !== '') {
        signedString = signedString.split(name + value).join(name + shown);
      }
    }
  }
  const received =
    signature.received === null || kept.has('sign') ? signature.received : maskSecret(signature.received);
  return { ...signature, received, signedString };
}
