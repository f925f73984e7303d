/**
 * @module @x/mock-server — a faithful fake of the Taobao Open Platform (TOP) gateway and the fw199 gateway
 * for contract tests: `createMockApp` builds the Hono app, `startMockServer` serves it, the `x-mock-server`
 * CLI wraps both. Inspection API under `/__mock/`.
 */

// Configuration
export { MockConfigError } from './config/config-error.js';
export {
  defaultGatewayAppId,
  defaultGatewaySecret,
  defaultSeller,
  defaultTopAppKey,
  defaultTopSecret,
  defaultTopSession,
  type MockConfig,
  type MockConfigInput,
  type MockProfile,
  mockConfigSchema,
  type ReviewStatus,
} from './config/config-schema.js';
export { loadConfigFile } from './config/load-config-file.js';
// App and server
export { createMockApp, type MockApp } from './create-mock-app.js';
// Scripted faults (`POST /__mock/faults` bodies) and the magic values
export type { FaultInput } from './faults/fault-schema.js';
export type { ScriptedFault } from './faults/fault-store.js';
export {
  type MagicOutcomeName,
  magicOutcomeNames,
  magicPrefix,
} from './magic/magic-catalog.js';
export type { MockRuntime, MockServerOptions } from './mock-runtime.js';
// Hook point: interceptors between validation and recording
export type {
  CallDecision,
  CallError,
  InterceptorContext,
  InterceptorVerdict,
  MessageFailure,
  SendCall,
  SendInterceptor,
  TransportEffect,
} from './pipeline/send-call.js';
export { type RunningMockServer, type StartMockServerOptions, startMockServer } from './start-mock-server.js';
// Clock
export {
  type AdjustableClock,
  createManualClock,
  type ManualClock,
  type MockClock,
  systemClock,
  type TimestampReference,
} from './state/clock.js';

// What the inspection API returns
export type { InboxStatistics, MessageInbox, MessageListener } from './state/message-inbox.js';
export type {
  MessagePlatform,
  PendingMessage,
  RecipientKind,
  RecordedMessage,
} from './state/recorded-message.js';
export type {
  FailedItem,
  JournalEntry,
  JournalListener,
  JournalReadOptions,
  JournalVerdict,
  RequestJournal,
  SignatureDiagnostic,
} from './state/request-journal.js';
