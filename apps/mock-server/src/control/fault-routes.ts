/**
 * `/__mock/faults`: script, list and clear faults — send faults and TMC faults (`kind: tmc-…`) alike, one
 * endpoint, and a list may mix them. A fault that validates but cannot apply (an app nobody configured, an
 * outcome the named API does not have) is refused whole, with every problem named.
 */
import { z } from 'zod';
import { faultQueueProblem } from '../protocol/pipeline/faults/scripted-queue.js';
import { magicOutcome } from '../protocol/pipeline/magic/magic-catalog.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { MessagePlatform } from '../state/recorded-message.js';
import {
  type ControlRoute,
  invalidAnswer,
  type JsonAnswer,
  ok,
  parseJsonBody,
  queryRoute,
} from './control-route.js';
import { type AnyFaultSpec, anyFaultListSchema, anyFaultSchema, isTmcFault } from './fault-input.js';
import { namespaceFields, namespaceOf, namespaceQuerySchema } from './inspection-queries.js';
import { refuseConflictingNamespaces } from './namespace-conflicts.js';

const faultQuery = z
  .strictObject({
    ...namespaceFields,
    id: z.coerce.number().int().min(1, { message: 'must be a positive integer' }).optional(),
  })
  .superRefine(refuseConflictingNamespaces);

const apiPlatforms: Record<string, MessagePlatform> = {
  'taobao.jst.sms.message.send': 'taobao-jst',
  'taobao.tpn.template.message.send': 'qianniu-tpn',
  '/gateway/taobao/jst/sms/tid/send': 'taobao-tid',
  '/gateway/dd/sms/send': 'doudian-sms',
  'taobao-jst': 'taobao-jst',
  'qianniu-tpn': 'qianniu-tpn',
  'taobao-tid': 'taobao-tid',
  'doudian-sms': 'doudian-sms',
};

/** `POST`, `GET` and `DELETE /faults`, in that order. */
export function faultRoutes(runtime: MockRuntime): ControlRoute[] {
  return [
    {
      method: 'POST',
      path: '/faults',
      readsBody: true,
      handle: ({ query, body }) => addFaults(runtime, query, body),
    },
    queryRoute('GET', '/faults', namespaceQuerySchema, (query) => {
      const app = namespaceOf(query);
      const faults = [...runtime.faults.list(app), ...runtime.tmc.faults.list(app)].sort(
        (left, right) => left.id - right.id,
      );
      return ok({ count: faults.length, faults });
    }),
    queryRoute('DELETE', '/faults', faultQuery, (query) => {
      const app = namespaceOf(query);
      const { id } = query;
      const filter = { ...(app === undefined ? {} : { app }), ...(id === undefined ? {} : { id }) };
      return ok({ cleared: runtime.faults.clear(filter) + runtime.tmc.faults.clear(filter) });
    }),
  ];
}

function addFaults(
  runtime: MockRuntime,
  query: Readonly<Record<string, string>>,
  text: string | undefined,
): JsonAnswer {
  const parsedQuery = faultQuery.safeParse(query);
  if (!parsedQuery.success) return invalidAnswer('invalid query', parsedQuery.error.issues);
  const scope = namespaceOf(parsedQuery.data);
  const body = parseJsonBody(text);
  if (!body.ok) return body.answer;
  const list = Array.isArray(body.value);
  // Send faults and TMC faults (`kind: tmc-…`) share the endpoint, and a list may mix them.
  const parsed = list ? anyFaultListSchema.safeParse(body.value) : anyFaultSchema.safeParse(body.value);
  if (!parsed.success) return invalidAnswer('invalid fault', parsed.error.issues);
  const specs: AnyFaultSpec[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const problems: string[] = [];
  const scoped = specs.map((spec, index) => {
    const where = list ? `[${index}].` : '';
    const scopedSpec: AnyFaultSpec =
      scope === undefined || spec.match.app !== undefined
        ? spec
        : { ...spec, match: { ...spec.match, app: scope } };
    problems.push(...checkFault(scopedSpec, scope, runtime, where));
    return scopedSpec;
  });
  if (problems.length > 0) return { status: 400, body: { error: 'invalid fault', problems } };
  const now = runtime.clock.now();
  const tmcCount = scoped.filter(isTmcFault).length;
  const full =
    faultQueueProblem(runtime.faults.size, scoped.length - tmcCount) ??
    faultQueueProblem(runtime.tmc.faults.size, tmcCount);
  if (full !== undefined) return { status: 409, body: { error: 'fault queue full', problems: [full] } };
  const faults = scoped.map((spec) =>
    isTmcFault(spec) ? runtime.tmc.faults.add([spec], now)[0] : runtime.faults.add([spec], now)[0],
  );
  return { status: 201, body: { count: faults.length, faults } };
}

/** Why a fault that validated still cannot be queued: an unknown app, an app the scope contradicts, … */
function checkFault(
  spec: AnyFaultSpec,
  scope: string | undefined,
  runtime: MockRuntime,
  where: string,
): string[] {
  const problems: string[] = [];
  const { app } = spec.match;
  if (scope !== undefined && app !== undefined && app !== scope) {
    problems.push(`${where}match.app: ${JSON.stringify(app)} contradicts ?app=${scope}`);
  }
  if (
    app !== undefined &&
    runtime.config.findTopApp(app) === undefined &&
    runtime.config.findGatewayApp(app) === undefined
  ) {
    problems.push(`${where}match.app: no TOP app_key or gateway appid ${JSON.stringify(app)} is configured`);
  }
  if (spec.kind === 'outcome' && spec.match.api !== undefined) {
    const { api } = spec.match;
    const platform = apiPlatforms[api] as MessagePlatform;
    if (magicOutcome(spec.outcome).effect(platform, spec.parameter) === undefined) {
      problems.push(`${where}outcome: ${spec.outcome} does not exist for ${api}`);
    }
  }
  return problems;
}
