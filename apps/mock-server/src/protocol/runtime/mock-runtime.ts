/**
 * Everything one mock server instance holds: its configuration, clock, inbox, journal, interceptor chain, and
 * the state behind faults and limits. The protocol core, the control API and the inbox page all read the same
 * runtime; users see it only through the read-only `MockInspector`.
 */

import { MockConfigError } from '../../config/config-error.js';
import type { MockConfigInput } from '../../config/config-schema.js';
import { type ResolvedConfig, resolveConfig } from '../../config/resolve-config.js';
import { type AdjustableClock, createAdjustableClock, type MockClock } from '../../state/clock.js';
import { MessageInbox } from '../../state/message-inbox.js';
import { RequestJournal } from '../../state/request-journal.js';
import type { SendInterceptor } from '../pipeline/call/send-call.js';
import { FaultStore } from '../pipeline/faults/fault-store.js';
import { counter } from '../pipeline/faults/scripted-queue.js';
import { buildInterceptorChain } from '../pipeline/interceptor-chain.js';
import { RecipientLimiter } from '../pipeline/limits/recipient-limits.js';
import { parseParameterSource } from '../request/request-parameters.js';
import { TmcService } from '../tmc/tmc-service.js';

/** Memory budgets, on top of the entry counts (see BoundedLog). */
const inboxMaxBytes = 64 * 1024 * 1024;
const journalMaxBytes = 32 * 1024 * 1024;

export interface MockRuntime {
  readonly config: ResolvedConfig;
  /** The options' clock (or the system's) plus the offset `/__mock/clock` sets; every wait goes through it. */
  readonly clock: AdjustableClock;
  readonly inbox: MessageInbox;
  readonly journal: RequestJournal;
  /**
   * Asked, in this fixed order, about every validated call before it is recorded: scripted faults (always;
   * done at once while none is queued), the `interceptors` option, then magic values, the template registry
   * and per-recipient limits when each is on.
   */
  readonly interceptors: readonly SendInterceptor[];
  /** The scripted faults of `/__mock/faults`. */
  readonly faults: FaultStore;
  /** Present when per-recipient limits are on. */
  readonly limiter: RecipientLimiter | undefined;
  /** TMC: the message queues, receipts of accepted JST sends, scripted TMC faults and WebSocket sessions. */
  readonly tmc: TmcService;
  /** Epoch milliseconds (real time) when the runtime was created. */
  readonly startedAt: number;
  /** The `adminToken` option: required by `/__mock` and the page when set. */
  readonly adminToken: string | undefined;
}

/** Options of `createMockApp` / `startMockServer`: the JSON config, plus what only code can pass. */
export interface MockServerOptions extends MockConfigInput {
  /** Where the mock reads the time (timestamp checks, recorded times, transport delays). @default the system clock */
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
  const { clock, interceptors: custom, adminToken, ...configInput } = options;
  if (adminToken !== undefined && (typeof adminToken !== 'string' || !/^\S+$/.test(adminToken))) {
    throw new MockConfigError(source, ['adminToken: must be a non-empty token without whitespace']);
  }
  const config = resolveConfig(configInput, source);
  // One id sequence for send and TMC faults: `DELETE /__mock/faults?id=` names one fault.
  const nextFaultId = counter();
  const faults = new FaultStore(nextFaultId);
  const limiter = config.limits === undefined ? undefined : new RecipientLimiter(config.limits);
  const runtimeClock = createAdjustableClock(clock);
  return {
    config,
    clock: runtimeClock,
    inbox: new MessageInbox(config.config.inboxSize, inboxMaxBytes),
    journal: new RequestJournal(
      config.config.journalSize,
      journalMaxBytes,
      (kept) => parseParameterSource(kept).params,
    ),
    interceptors: buildInterceptorChain({
      faults,
      custom: custom ?? [],
      magicValues: config.magicValues,
      registry: config.registry,
      limiter,
    }),
    faults,
    limiter,
    tmc: new TmcService(
      runtimeClock,
      {
        findSecret: (appKey) => config.findTopApp(appKey)?.secret,
        timestampCheckTime: () => runtimeClock.timestampCheckTime(runtimeClock.now()),
        timestampToleranceMs: config.timestampToleranceMilliseconds,
      },
      {
        ...config.config.tmc,
        magicValues: config.magicValues,
        nextFaultId,
        trackedReceipts: config.config.inboxSize,
      },
    ),
    startedAt: Date.now(),
    adminToken,
  };
}
