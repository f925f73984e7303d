/**
 * The control half of `/__mock/`: the magic catalog, scripted faults, the virtual clock, per-recipient limits
 * and a reset — what a test drives, as opposed to what it inspects. Not on the hot path.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { describeIssues } from '../config/config-error.js';
import { faultQueueProblem } from '../protocol/pipeline/faults/scripted-queue.js';
import { magicOutcome } from '../protocol/pipeline/magic/magic-catalog.js';
import { magicCatalog } from '../protocol/pipeline/magic/magic-document.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { receiptCatalog } from '../protocol/tmc/receipt-magic.js';
import { inspectTmc } from '../protocol/tmc/tmc-inspection.js';
import type { MessagePlatform } from '../state/recorded-message.js';
import { clockRangeProblems } from './clock-range.js';
import { type AnyFaultSpec, anyFaultListSchema, anyFaultSchema, isTmcFault } from './fault-input.js';
import { instantToIso } from './instant.js';
import type { MockEnv } from './mock-env.js';
import { refuseConflictingNamespaces } from './namespace-conflicts.js';

const namespaceFields = {
  app: z.string().min(1).optional(),
  app_key: z.string().min(1).optional(),
  appid: z.string().min(1).optional(),
};
const namespaceQuery = z.strictObject(namespaceFields).superRefine(refuseConflictingNamespaces);
const faultQuery = z
  .strictObject({
    ...namespaceFields,
    id: z.coerce.number().int().min(1, { message: 'must be a positive integer' }).optional(),
  })
  .superRefine(refuseConflictingNamespaces);

const durationPattern = /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const unitMilliseconds: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const durationMessage = 'must be milliseconds or a duration like 90s, 15m, 2h, 1d';
/** Milliseconds, or text like `90s`, `15m`, `2h`, `1d` (negative moves back). */
const duration = z.unknown().transform((value, context) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const match = typeof value === 'string' ? durationPattern.exec(value.trim()) : null;
  if (match === null) {
    context.addIssue({ code: 'custom', message: durationMessage });
    return z.NEVER;
  }
  return Number(match[1]) * (unitMilliseconds[match[2] as string] as number);
});

const instantMessage = 'must be epoch milliseconds or an ISO 8601 time';
/** An instant: epoch milliseconds or ISO 8601 (with its offset: `2024-03-01T23:59:00+08:00`). */
const instant = z.unknown().transform((value, context) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const iso = typeof value === 'string' ? instantToIso(value) : undefined;
  if (iso === undefined) {
    context.addIssue({ code: 'custom', message: instantMessage });
    return z.NEVER;
  }
  return Date.parse(iso);
});

const clockRequest = z
  .strictObject({
    /** Jump to this instant. */
    set: instant.optional(),
    /** Then move by this much. */
    advance: duration.optional(),
    /** What protocol timestamps are checked against from now on. */
    timestamps: z.enum(['mock-clock', 'real-time'], { error: 'must be mock-clock or real-time' }).optional(),
  })
  .refine((body) => body.set !== undefined || body.advance !== undefined || body.timestamps !== undefined, {
    message: 'needs set, advance or timestamps',
  });

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

type Invalid = { error: string; problems: string[] };

export function addControlRoutes(app: Hono<MockEnv>, runtime: MockRuntime): void {
  app.get('/magic', (c) =>
    c.json({
      ...magicCatalog(runtime.config.magicValues),
      receipts: receiptCatalog(runtime.config.magicValues),
    }),
  );

  app.post('/faults', async (c) => {
    const query = faultQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    const scope = namespaceOf(query.data);
    const body = await readJson(c.req.raw);
    if (!body.ok) return c.json(body.error, 400);
    const list = Array.isArray(body.value);
    // Send faults and TMC faults (`kind: tmc-…`) share the endpoint, and a list may mix them.
    const parsed = list ? anyFaultListSchema.safeParse(body.value) : anyFaultSchema.safeParse(body.value);
    if (!parsed.success) return c.json(invalid('invalid fault', parsed.error.issues), 400);
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
    if (problems.length > 0) return c.json({ error: 'invalid fault', problems }, 400);
    const now = runtime.clock.now();
    const tmcCount = scoped.filter(isTmcFault).length;
    const full =
      faultQueueProblem(runtime.faults.size, scoped.length - tmcCount) ??
      faultQueueProblem(runtime.tmc.faults.size, tmcCount);
    if (full !== undefined) return c.json({ error: 'fault queue full', problems: [full] }, 409);
    const faults = scoped.map((spec) =>
      isTmcFault(spec) ? runtime.tmc.faults.add([spec], now)[0] : runtime.faults.add([spec], now)[0],
    );
    return c.json({ count: faults.length, faults }, 201);
  });

  app.get('/faults', (c) => {
    const query = namespaceQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    const app = namespaceOf(query.data);
    const faults = [...runtime.faults.list(app), ...runtime.tmc.faults.list(app)].sort(
      (left, right) => left.id - right.id,
    );
    return c.json({ count: faults.length, faults });
  });

  app.delete('/faults', (c) => {
    const query = faultQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    const app = namespaceOf(query.data);
    const { id } = query.data;
    const filter = { ...(app === undefined ? {} : { app }), ...(id === undefined ? {} : { id }) };
    return c.json({ cleared: runtime.faults.clear(filter) + runtime.tmc.faults.clear(filter) });
  });

  app.get('/tmc', (c) => {
    const query = namespaceQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    return c.json(inspectTmc(runtime.tmc, namespaceOf(query.data)));
  });

  app.get('/clock', (c) => c.json(clockState(runtime)));

  app.post('/clock', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return c.json(body.error, 400);
    const parsed = clockRequest.safeParse(body.value);
    if (!parsed.success) return c.json(invalid('invalid clock change', parsed.error.issues), 400);
    const { set, advance, timestamps } = parsed.data;
    const outOfRange = clockRangeProblems(runtime.clock.now(), parsed.data);
    if (outOfRange.length > 0) return c.json({ error: 'invalid clock change', problems: outOfRange }, 400);
    if (set !== undefined) runtime.clock.set(set);
    if (advance !== undefined) runtime.clock.advance(advance);
    if (timestamps !== undefined) runtime.clock.timestampReference = timestamps;
    return c.json(clockState(runtime));
  });

  app.delete('/clock', (c) => {
    runtime.clock.reset();
    return c.json(clockState(runtime));
  });

  app.get('/limits', (c) => {
    const { limiter } = runtime;
    const statistics = limiter?.statistics() ?? { recipients: 0, namespaces: {} };
    const limits = runtime.config.config.limits;
    return c.json({
      enabled: limiter !== undefined,
      perMinute: limits.perMinute,
      perHour: limits.perHour,
      perDay: limits.perDay,
      ...statistics,
    });
  });

  app.delete('/limits', (c) => {
    const query = namespaceQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    return c.json({ cleared: runtime.limiter?.clear(namespaceOf(query.data)) ?? 0 });
  });

  app.post('/reset', (c) => {
    const query = namespaceQuery.safeParse(c.req.query());
    if (!query.success) return c.json(invalid('invalid query', query.error.issues), 400);
    const app = namespaceOf(query.data);
    const inNamespace =
      app === undefined ? undefined : (item: { appKey: string | null }) => item.appKey === app;
    const cleared = {
      messages: runtime.inbox.clear(inNamespace),
      requests: runtime.journal.clear(inNamespace),
      faults:
        runtime.faults.clear(app === undefined ? {} : { app }) +
        runtime.tmc.faults.clear(app === undefined ? {} : { app }),
      limits: runtime.limiter?.clear(app) ?? 0,
      tmcMessages: runtime.tmc.broker.clear(app),
      // The clock is shared by every namespace: only a full reset puts it back.
      clock: app === undefined,
    };
    if (app === undefined) runtime.clock.reset();
    return c.json({ cleared });
  });
}

function clockState(runtime: MockRuntime) {
  const now = runtime.clock.now();
  return {
    now: new Date(now).toISOString(),
    epochMilliseconds: now,
    offsetMilliseconds: runtime.clock.offsetMilliseconds,
    timestamps: runtime.clock.timestampReference,
  };
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

function namespaceOf(query: { app?: string; app_key?: string; appid?: string }): string | undefined {
  return query.app ?? query.app_key ?? query.appid;
}

function invalid(error: string, issues: readonly z.core.$ZodIssue[]): Invalid {
  return {
    error,
    problems: issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field: ${issue.keys.join(', ')}${issue.path.length > 0 ? ` (in ${issue.path.join('.')})` : ''}`
        : (describeIssues([issue])[0] as string),
    ),
  };
}

async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; error: Invalid }> {
  const text = await request.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { error: 'invalid body', problems: ['the body must be JSON'] } };
  }
}
