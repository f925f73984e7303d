/**
 * The protocol core's front door: which paths it answers, and the answer for a request on one of them.
 * `(ProtocolRequest, runtime) → Answer`, with no framework in it — the Hono app and the Node listener both
 * call this, so they answer the same bytes alike.
 */
import type { Answer } from './answer/answer.js';
import { answerGatewayRequest, gatewayEndpoints } from './gateway/gateway-endpoints.js';
import type { ProtocolRequest } from './request/protocol-request.js';
import type { MockRuntime } from './runtime/mock-runtime.js';
import { answerTopRequest, topPath } from './top/top-endpoint.js';

/** One path the core answers, whatever the method (a wrong method gets the protocol's own 405). */
export interface ProtocolEndpoint {
  readonly path: string;
  answer(request: ProtocolRequest, runtime: MockRuntime): Promise<Answer>;
}

export const protocolEndpoints: readonly ProtocolEndpoint[] = [
  { path: topPath, answer: answerTopRequest },
  ...gatewayEndpoints.map((endpoint) => ({
    path: endpoint.path,
    answer: (request: ProtocolRequest, runtime: MockRuntime) =>
      answerGatewayRequest(endpoint, request, runtime),
  })),
];

const byPath = new Map(protocolEndpoints.map((endpoint) => [endpoint.path, endpoint]));

/** The endpoint for an exact, decoded path (no trailing slash, no query), or undefined. */
export function findProtocolEndpoint(path: string): ProtocolEndpoint | undefined {
  return byPath.get(path);
}
