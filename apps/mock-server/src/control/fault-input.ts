/**
 * What `POST /__mock/faults` accepts: a send fault (`error`, `delay`, `drop`, …) or a TMC fault (`tmc-…`), or
 * a list mixing both. Each is checked by its own schema, so errors name its own fields.
 */
import { z } from 'zod';
import { type FaultSpec, faultSchema } from '../protocol/pipeline/faults/fault-schema.js';
import { type TmcFaultSpec, tmcFaultKinds, tmcFaultSchema } from '../protocol/tmc/tmc-faults.js';

const sendFaultKinds = ['error', 'item-failure', 'delay', 'drop', 'malformed-body', 'proxy-error', 'outcome'];

/** One fault of either family. */
export const anyFaultSchema = z.discriminatedUnion('kind', [faultSchema, tmcFaultSchema], {
  error: `kind must be one of ${[...sendFaultKinds, ...tmcFaultKinds].join(', ')}`,
});

export type AnyFaultSpec = FaultSpec | TmcFaultSpec;

/** A list of faults. */
export const anyFaultListSchema = z
  .array(anyFaultSchema)
  .min(1, { message: 'must hold at least one fault' })
  .max(1000, { message: 'must hold at most 1000 faults' });

const tmcKinds: ReadonlySet<string> = new Set(tmcFaultKinds);

/** Whether a fault is one of TMC's (applied to WebSocket sessions, not to sends). */
export function isTmcFault(spec: AnyFaultSpec): spec is TmcFaultSpec {
  return tmcKinds.has(spec.kind);
}
