/**
 * Everything one mock server instance holds: its configuration, clock, inbox, journal, interceptors, and the
 * state behind faults and limits. The protocol and inspection sub-apps all read the same runtime.
 */

import { MockConfigError } from './config/config-error.js';
import type { MockConfigInput } from './config/config-schema.js';
import { type ResolvedConfig, resolveConfig } from './config/resolve-config.js';
import { FaultStore } from './faults/fault-store.js';
import { createLimitInterceptor, RecipientLimiter } from './limits/recipient-limits.js';
import { magicInterceptor } from './magic/magic-interceptor.js';
import type { SendInterceptor } from './pipeline/send-call.js';
import { type AdjustableClock, createAdjustableClock, type MockClock } from './state/clock.js';
import { MessageInbox } from './state/message-inbox.js';
import { RequestJournal } from './state/request-journal.js';
import { createRegistryInterceptor } from './templates/template-registry.js';

/** Memory budgets, on top of the entry counts (see BoundedLog). */
const inboxMaxBytes = 64 * 1024 * 1024;
const journalMaxBytes = 32 * 1024 * 1024;

export interface MockRuntime {
  readonly config: ResolvedConfig;
  /** The options' clock (or the system's) plus the offset `/__mock/clock` sets. */
  readonly clock: AdjustableClock;
  readonly inbox: MessageInbox;
  readonly journal: RequestJournal;
  /**
   * Asked, in order, about every validated call before it is recorded: scripted faults (while any are
   * queued), the `interceptors` option, magic values, the template registry, per-recipient limits — each only
   * when it is on, so a mock without them pays nothing for them.
   */
  readonly interceptors: SendInterceptor[];
  /** The scripted faults of `/__mock/faults`. */
  readonly faults: FaultStore;
  /** Present when per-recipient limits are on. */
  readonly limiter: RecipientLimiter | undefined;
  /** Epoch milliseconds (real time) when the runtime was created. */
  readonly startedAt: number;
  /** The `adminToken` option: required by `/__mock` and the page when set. */
  readonly adminToken: string | undefined;
}

/** Options of `createMockApp` / `startMockServer`: the JSON config, plus what only code can pass. */
export interface MockServerOptions extends MockConfigInput {
  /** Where the mock reads the time (timestamp checks, recorded times). @default the system clock */
  clock?: MockClock;
  /** Asked about every validated call before it is recorded, after scripted faults. @default [] */
  interceptors?: readonly SendInterceptor[];
  /**
   * For a mock bound beyond loopback: `/__mock` and the inbox page then need `Authorization: Bearer <token>`
   * (or Basic authentication with the token as the password), except `GET /__mock/health`. @default none
   */
  adminToken?: string;
}

export function createMockRuntime(options: MockServerOptions = {}, source = 'options'): MockRuntime {
  const { clock, interceptors: extra, adminToken, ...configInput } = options;
  if (adminToken !== undefined && (typeof adminToken !== 'string' || !/^\S+$/.test(adminToken))) {
    throw new MockConfigError(source, ['adminToken: must be a non-empty token without whitespace']);
  }
  const config = resolveConfig(configInput, source);
  const interceptors: SendInterceptor[] = [...(extra ?? [])];
  if (config.magicValues) interceptors.push(magicInterceptor);
  if (config.registry !== undefined) interceptors.push(createRegistryInterceptor(config.registry));
  const limiter = config.limits === undefined ? undefined : new RecipientLimiter(config.limits);
  if (limiter !== undefined) interceptors.push(createLimitInterceptor(limiter));
  const faults: FaultStore = new FaultStore((active) => {
    // First in line while faults are queued, gone when none are: a scripted fault decides before anything else.
    const position = interceptors.indexOf(faults.interceptor);
    if (active && position === -1) interceptors.unshift(faults.interceptor);
    if (!active && position !== -1) interceptors.splice(position, 1);
  });
  return {
    config,
    clock: createAdjustableClock(clock),
    inbox: new MessageInbox(config.config.inboxSize, inboxMaxBytes),
    journal: new RequestJournal(config.config.journalSize, journalMaxBytes),
    interceptors,
    faults,
    limiter,
    startedAt: Date.now(),
    adminToken,
  };
}
