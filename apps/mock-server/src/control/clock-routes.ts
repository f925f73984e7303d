/**
 * `/__mock/clock`: read, move and reset the mock's clock — an instant to jump to, a duration to move by, and
 * what protocol timestamps are checked against. The clock is shared by every namespace.
 */
import { z } from 'zod';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { clockRangeProblems } from './clock-range.js';
import { type ControlRoute, invalidAnswer, ok, parseJsonBody } from './control-route.js';
import { instantToIso } from './instant.js';

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

/** `GET`, `POST` and `DELETE /clock`, in that order: each answers the clock as it then stands. */
export function clockRoutes(runtime: MockRuntime): ControlRoute[] {
  return [
    { method: 'GET', path: '/clock', readsBody: false, handle: () => ok(clockState(runtime)) },
    {
      method: 'POST',
      path: '/clock',
      readsBody: true,
      handle: ({ body: text }) => {
        const body = parseJsonBody(text);
        if (!body.ok) return body.answer;
        const parsed = clockRequest.safeParse(body.value);
        if (!parsed.success) return invalidAnswer('invalid clock change', parsed.error.issues);
        const { set, advance, timestamps } = parsed.data;
        const outOfRange = clockRangeProblems(runtime.clock.now(), parsed.data);
        if (outOfRange.length > 0) {
          return { status: 400, body: { error: 'invalid clock change', problems: outOfRange } };
        }
        if (set !== undefined) runtime.clock.set(set);
        if (advance !== undefined) runtime.clock.advance(advance);
        if (timestamps !== undefined) runtime.clock.timestampReference = timestamps;
        return ok(clockState(runtime));
      },
    },
    {
      method: 'DELETE',
      path: '/clock',
      readsBody: false,
      handle: () => {
        runtime.clock.reset();
        return ok(clockState(runtime));
      },
    },
  ];
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
