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
export const tmcFaultKinds = ['tmc-refuse-connect', 'tmc-drop', 'tmc-delay', 'tmc-duplicate'] as const;
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

export type TmcFaultInput = z.input<typeof tmcFaultSchema>;
export type TmcFaultSpec = z.output<typeof tmcFaultSchema>;

/** A queued TMC fault, as the fault list shows it. */
export type ScriptedTmcFault = TmcFaultSpec & {
  id: number;
  /** How many more events it applies to. */
  remaining: number;
  /** ISO time (mock clock) it was added. */
  createdAt: string;
};

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

export class TmcFaultQueue {
  readonly #faults: ScriptedTmcFault[] = [];
  #sequence = 0;

  add(specs: readonly TmcFaultSpec[], now: number): ScriptedTmcFault[] {
    const added = specs.map((spec) => ({
      ...spec,
      id: ++this.#sequence,
      remaining: spec.times,
      createdAt: new Date(now).toISOString(),
    }));
    this.#faults.push(...added);
    return added;
  }

  /** Oldest first; only faults naming `app` when given. */
  list(app?: string): ScriptedTmcFault[] {
    return this.#faults.filter((fault) => app === undefined || fault.match.app === app);
  }

  /** Removes every fault, one namespace's, or one by id. Returns how many were removed. */
  clear(filter: { app?: string; id?: number } = {}): number {
    const before = this.#faults.length;
    for (let index = this.#faults.length - 1; index >= 0; index--) {
      const fault = this.#faults[index] as ScriptedTmcFault;
      if (filter.app !== undefined && fault.match.app !== filter.app) continue;
      if (filter.id !== undefined && fault.id !== filter.id) continue;
      this.#faults.splice(index, 1);
    }
    return before - this.#faults.length;
  }

  get size(): number {
    return this.#faults.length;
  }

  /** The refusal for a CONNECT, when a fault asks for one (it loses one of its `times`). */
  takeConnectRefusal(event: Omit<TmcFaultEvent, 'kind'>): TmcConnectRefusal | undefined {
    const fault = this.#take({ ...event, kind: 'connect' });
    if (fault?.kind !== 'tmc-refuse-connect') return undefined;
    return { statusCode: fault.statusCode, statusPhrase: fault.statusPhrase };
  }

  /** The effect on one push, when a fault asks for one (it loses one of its `times`). */
  takePushEffect(event: Omit<TmcFaultEvent, 'kind'>): TmcPushEffect | undefined {
    if (this.#faults.length === 0) return undefined;
    const fault = this.#take({ ...event, kind: 'push' });
    if (fault === undefined || fault.kind === 'tmc-refuse-connect') return undefined;
    if (fault.kind === 'tmc-delay') return { kind: 'delay', delayMs: fault.delayMs };
    return { kind: fault.kind === 'tmc-drop' ? 'drop' : 'duplicate' };
  }

  #take(event: TmcFaultEvent): ScriptedTmcFault | undefined {
    for (let position = 0; position < this.#faults.length; position++) {
      const fault = this.#faults[position] as ScriptedTmcFault;
      if (!matches(fault, event)) continue;
      fault.remaining--;
      if (fault.remaining <= 0) this.#faults.splice(position, 1);
      return fault;
    }
    return undefined;
  }
}

function matches(fault: ScriptedTmcFault, event: TmcFaultEvent): boolean {
  if ((fault.kind === 'tmc-refuse-connect') !== (event.kind === 'connect')) return false;
  const { app, group, topic } = fault.match;
  if (app !== undefined && app !== event.app) return false;
  if (group !== undefined && group !== event.group) return false;
  if (topic !== undefined && topic !== event.topic) return false;
  return true;
}
