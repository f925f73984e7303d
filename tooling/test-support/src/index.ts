/** @module @x/test-support — test helpers the packages share: a recording fetch, answers, fixtures. Tests only. */

// Waiting on fake timers
export { settleWhileAdvancing } from './fake-time.js';
// Reading recorded fixtures
export { fixtureReader } from './fixtures.js';
// The recording fetch
export {
  type Answers,
  type FetchFunction,
  type RecordedRequest,
  type RecordingFetch,
  type RecordingFetchOptions,
  type Responder,
  recordingFetch,
  wait,
} from './recording-fetch.js';
// Errors a test expects
export { rejection } from './rejection.js';
// Answers
export { connectionFailure, jsonResponse, neverAnswers, textResponse } from './responses.js';
