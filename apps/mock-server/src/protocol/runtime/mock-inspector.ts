/**
 * `app.mock`: what an in-process test may look at — the inbox, the journal, the clock — and nothing it could
 * change behind the mock's back. Changes go through the `/__mock` API, as they would against a served mock.
 */
import type { TimestampReference } from '../../state/clock.js';
import type { InboxStatistics, MessageListener } from '../../state/message-inbox.js';
import type { RecordedMessage } from '../../state/recorded-message.js';
import type { JournalEntry, JournalListener, JournalReadOptions } from '../../state/request-journal.js';
import { inspectTmc, type TmcInspectionView } from '../tmc/tmc-inspection.js';
import type { MockRuntime } from './mock-runtime.js';

/** The recorded messages, read-only. */
export interface InboxInspector {
  /** Newest first. */
  newestFirst(): IterableIterator<RecordedMessage>;
  /** Follows new messages; returns the function that stops following. */
  subscribe(listener: MessageListener): () => void;
  readonly statistics: InboxStatistics;
}

/**
 * The request journal, read-only: secrets masked, times formatted. `withSignatureAsSent` adds a bad signature's
 * diagnostic with the session and the sign as the client sent them (never the app secret).
 */
export interface JournalInspector {
  /** Newest first. */
  newestFirst(options?: JournalReadOptions): IterableIterator<JournalEntry>;
  /** Follows new entries; returns the function that stops following. */
  subscribe(listener: JournalListener, options?: JournalReadOptions): () => void;
  readonly statistics: { stored: number; recorded: number; evicted: number };
}

/** The mock's clock, read-only (move it with `POST /__mock/clock`). */
export interface ClockInspector {
  /** Epoch milliseconds on the mock's clock. */
  now(): number;
  /** What `/__mock/clock` added to the base clock. */
  readonly offsetMilliseconds: number;
  /** What protocol timestamps are checked against. */
  readonly timestampReference: TimestampReference;
}

/** TMC, read-only: what `GET /__mock/tmc` shows. */
export interface TmcInspector {
  /** Connections, groups and each message's state; of one namespace (app key) when `app` is given. */
  view(app?: string): TmcInspectionView;
}

/** A read-only view of one mock: `app.mock`, `server.app.mock`. */
export interface MockInspector {
  readonly inbox: InboxInspector;
  readonly journal: JournalInspector;
  readonly clock: ClockInspector;
  readonly tmc: TmcInspector;
}

export function createMockInspector(runtime: MockRuntime): MockInspector {
  const { inbox, journal, clock, tmc } = runtime;
  return Object.freeze({
    inbox: Object.freeze({
      newestFirst: () => inbox.newestFirst(),
      subscribe: (listener: MessageListener) => inbox.subscribe(listener),
      get statistics() {
        return inbox.statistics;
      },
    }),
    journal: Object.freeze({
      newestFirst: (options?: JournalReadOptions) => journal.newestFirst(options),
      subscribe: (listener: JournalListener, options?: JournalReadOptions) =>
        journal.subscribe(listener, options),
      get statistics() {
        return journal.statistics;
      },
    }),
    clock: Object.freeze({
      now: () => clock.now(),
      get offsetMilliseconds() {
        return clock.offsetMilliseconds;
      },
      get timestampReference() {
        return clock.timestampReference;
      },
    }),
    tmc: Object.freeze({ view: (app?: string) => inspectTmc(tmc, app) }),
  });
}
