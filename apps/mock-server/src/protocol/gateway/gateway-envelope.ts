/**
 * Renders fw199 answers: `{"code","message","data","trace_id"}` (docs/protocol.md §2.1), JSON always. A call-level
 * error carries `data: null` (the mock's decision; the gateway publishes no error body) and a `trace_id` like
 * every answer.
 */
import type { GatewayError } from '../errors/gateway-errors.js';

export const gatewayContentType = 'application/json;charset=UTF-8';

export function renderGatewaySuccess(data: readonly Record<string, unknown>[], traceId: string): string {
  return JSON.stringify({ code: 0, message: 'ok', data, trace_id: traceId });
}

export function renderGatewayError(error: GatewayError, traceId: string): string {
  return JSON.stringify({ code: error.code, message: error.message, data: null, trace_id: traceId });
}
