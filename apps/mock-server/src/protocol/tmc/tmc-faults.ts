/**
 * Scripted TMC faults, queued through `/__mock/faults` next to the send faults:
 * - `tmc-refuse-connect`: the next CONNECTs are answered with an error CONNECTACK (status code and phrase);
 * - `tmc-drop`: instead of the next pushes, the connection is closed (the message stays unconfirmed and is
 *   pushed again on the next connection);
 * - `tmc-delay`: the next pushes are written `delayMs` later, on the mock's clock;
 * - `tmc-duplicate`: the next pushes are written twice.
 * A fault applies to `times` events (connects or pushes) that match it, oldest fault first; `match.app` keeps it
 * to one namespace, `match.group` to one group, `match.topic` to one topic (pushes only).
 */
import { z } from 'zod';
import { integer, nonEmptyText } from '../../config/input-rules.js';
import { type Scripted, ScriptedQueue } from '../pipeline/faults/scripted-queue.js';

const matchSchema = z
  .strictObject({
    /** The app key (namespace). */
    app: nonEmptyText.optional(),
    /** The consumer group. */
    group: nonEmptyText.optional(),
    /** The pushed message's topic (ignored by `tmc-refuse-connect`). */
    topic: nonEmptyText.optional(),
  })
  .prefault({});

const common = {
  match: matchSchema,
  /** How many matching events it applies to. @default 1 */
  times: integer(1, 1_000_000).default(1),
};

/** The TMC fault kinds. */
/** The TMC fault kinds `POST /__mock/faults` accepts next to the send faults. */
export const tmcFaultKinds = ['tmc-refuse-connect', 'tmc-drop', 'tmc-delay', 'tmc-duplicate'] as const;
/** One of {@link tmcFaultKinds}. */
export type TmcFaultKind = (typeof tmcFaultKinds)[number];

export const tmcFaultSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('tmc-refuse-connect'),
      ...common,
      /** The CONNECTACK's status code (> 0 is an error). @default 29 */
      statusCode: integer(1, 2_147_483_647).default(29),
      /** The CONNECTACK's status phrase. @default "Invalid app Key" */
      statusPhrase: nonEmptyText.default('Invalid app Key'),
    }),
    z.strictObject({ kind: z.literal('tmc-drop'), ...common }),
    z.strictObject({ kind: z.literal('tmc-delay'), ...common, delayMs: integer(1, 3_600_000) }),
    z.strictObject({ kind: z.literal('tmc-duplicate'), ...common }),
  ],
  { error: `kind must be one of ${tmcFaultKinds.join(', ')}` },
);

/** A TMC fault as `POST /__mock/faults` takes it (defaults may be left out). */
export type TmcFaultInput = z.input<typeof tmcFaultSchema>;
/** A TMC fault with its defaults filled in. */
export type TmcFaultSpec = z.output<typeof tmcFaultSchema>;

/** A queued TMC fault, as the fault list shows it. */
export type ScriptedTmcFault = Scripted<TmcFaultSpec>;

/** The event a fault is matched against. */
export interface TmcFaultEvent {
  readonly kind: 'connect' | 'push';
  readonly app: string;
  readonly group: string;
  /** The pushed message's topic (pushes only). */
  readonly topic?: string;
}

/** What a push fault asks the session to do, as data. */
export type TmcPushEffect =
  | { readonly kind: 'drop' }
  | { readonly kind: 'delay'; readonly delayMs: number }
  | { readonly kind: 'duplicate' };

/** What a connect fault asks for: an error CONNECTACK. */
export interface TmcConnectRefusal {
  readonly statusCode: number;
  readonly statusPhrase: string;
}

export class TmcFaultQueue extends ScriptedQueue<TmcFaultSpec> {
  /** The refusal for a CONNECT, when a fault asks for one (it loses one of its `times`). */
  takeConnectRefusal(event: Omit<TmcFaultEvent, 'kind'>): TmcConnectRefusal | undefined {
    return this.take((fault) =>
      fault.kind === 'tmc-refuse-connect' && matches(fault, { ...event, kind: 'connect' })
        ? { statusCode: fault.statusCode, statusPhrase: fault.statusPhrase }
        : undefined,
    );
  }

  /** The effect on one push, when a fault asks for one (it loses one of its `times`). */
  takePushEffect(event: Omit<TmcFaultEvent, 'kind'>): TmcPushEffect | undefined {
    if (this.size === 0) return undefined;
    return this.take((fault): TmcPushEffect | undefined => {
      if (fault.kind === 'tmc-refuse-connect' || !matches(fault, { ...event, kind: 'push' }))
        return undefined;
      if (fault.kind === 'tmc-delay') return { kind: 'delay', delayMs: fault.delayMs };
      return { kind: fault.kind === 'tmc-drop' ? 'drop' : 'duplicate' };
    });
  }
}

function matches(fault: TmcFaultSpec, event: TmcFaultEvent): boolean {
  if ((fault.kind === 'tmc-refuse-connect') !== (event.kind === 'connect')) return false;
  const { app, group, topic } = fault.match;
  if (app !== undefined && app !== event.app) return false;
  if (group !== undefined && group !== event.group) return false;
  if (topic !== undefined && topic !== event.topic) return false;
  return true;
}
