/**
 * Everything one mock server instance holds: its configuration, clock, inbox, journal and interceptors.
 * The protocol and inspection sub-apps all read the same runtime.
 */

import type { MockConfigInput } from './config/config-schema.js';
import { type ResolvedConfig, resolveConfig } from './config/resolve-config.js';
import type { SendInterceptor } from './pipeline/send-call.js';
import { type MockClock, systemClock } from './state/clock.js';
import { MessageInbox } from './state/message-inbox.js';
import { RequestJournal } from './state/request-journal.js';

/** Memory budgets, on top of the entry counts (see BoundedLog). */
const inboxMaxBytes = 64 * 1024 * 1024;
const journalMaxBytes = 32 * 1024 * 1024;

export interface MockRuntime {
  readonly config: ResolvedConfig;
  readonly clock: MockClock;
  readonly inbox: MessageInbox;
  readonly journal: RequestJournal;
  /** Asked, in order, about every validated call before it is recorded. */
  readonly interceptors: SendInterceptor[];
  /** Epoch milliseconds (real time) when the runtime was created. */
  readonly startedAt: number;
}

/** Options of `createMockApp` / `startMockServer`: the JSON config, plus what only code can pass. */
export interface MockServerOptions extends MockConfigInput {
  /** Where the mock reads the time (timestamp checks, recorded times). @default the system clock */
  clock?: MockClock;
  /** Asked about every validated call before it is recorded: faults, limits, template checks. @default [] */
  interceptors?: readonly SendInterceptor[];
}

export function createMockRuntime(options: MockServerOptions = {}, source = 'options'): MockRuntime {
  const { clock, interceptors, ...configInput } = options;
  const config = resolveConfig(configInput, source);
  return {
    config,
    clock: clock ?? systemClock,
    inbox: new MessageInbox(config.config.inboxSize, inboxMaxBytes),
    journal: new RequestJournal(config.config.journalSize, journalMaxBytes),
    interceptors: [...(interceptors ?? [])],
    startedAt: Date.now(),
  };
}
