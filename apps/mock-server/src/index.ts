/**
 * @module @x/mock-server — a faithful fake of the Taobao Open Platform (TOP) gateway and the fw199 gateway
 * for contract tests: `createMockApp` builds the Hono app, `startMockServer` serves it, the `x-mock-server`
 * CLI wraps both. Inspection API under `/__mock/`. Every export below is documented where it is declared.
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
} from './protocol/pipeline/call/send-call.js';
// Scripted faults (`POST /__mock/faults` bodies) and the magic values
export type { FaultInput } from './protocol/pipeline/faults/fault-schema.js';
export type { ScriptedFault } from './protocol/pipeline/faults/fault-store.js';
export {
  type MagicOutcomeName,
  magicOutcomeNames,
  magicPrefix,
} from './protocol/pipeline/magic/magic-catalog.js';
export type {
  ClockInspector,
  InboxInspector,
  JournalInspector,
  MockInspector,
  TmcInspector,
} from './protocol/runtime/mock-inspector.js';
export type { MockServerOptions } from './protocol/runtime/mock-runtime.js';
// TMC: receipt magic numbers, TMC faults (`POST /__mock/faults` bodies), what `GET /__mock/tmc` returns
export {
  type ReceiptOutcomeName,
  receiptMagicPrefix,
  receiptOutcomeNames,
} from './protocol/tmc/receipt-magic.js';
export { smsReceiptTopic } from './protocol/tmc/sms-receipts.js';
export type { ScriptedTmcFault, TmcFaultInput, TmcFaultKind } from './protocol/tmc/tmc-faults.js';
export type {
  TmcGroupView,
  TmcInspectionView,
  TmcMessageView,
} from './protocol/tmc/tmc-inspection.js';
export type { TmcMessageState } from './protocol/tmc/tmc-message.js';
export type { TmcConnectionView, TmcSessionState } from './protocol/tmc/tmc-session.js';
// App and server
export { createMockApp, type MockApp } from './serve/create-mock-app.js';
export {
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './serve/start-mock-server.js';
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
export type { InboxStatistics, MessageListener } from './state/message-inbox.js';
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
  SignatureDiagnostic,
} from './state/request-journal.js';
export type { Scheduler } from './state/timer-queue.js';
