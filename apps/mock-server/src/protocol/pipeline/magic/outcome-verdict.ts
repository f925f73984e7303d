/**
 * Collects outcome effects on the messages of one call into one interceptor verdict: the first call-level
 * error rejects the call, message failures are merged, the first transport effect wins. Shared by the magic
 * values and by scripted faults.
 */

import type { InterceptorVerdict, MessageFailure, TransportEffect } from '../call/send-call.js';
import type { OutcomeEffect } from './magic-catalog.js';

export class OutcomeVerdict {
  #failures: Map<number, MessageFailure> | undefined;
  #transport: TransportEffect | undefined;
  #rejection: InterceptorVerdict | undefined;

  /** Adds one effect; `index` is the message's position in the call. */
  add(index: number, effect: OutcomeEffect, source: string, reason: string): void {
    if (this.#rejection !== undefined) return;
    switch (effect.level) {
      case 'call':
        this.#rejection = { reject: effect.error, reason };
        return;
      case 'message':
        this.#failures ??= new Map();
        if (!this.#failures.has(index)) this.#failures.set(index, effect.failure);
        return;
      case 'transport':
        this.#transport ??= { ...effect.transport, source };
        return;
    }
  }

  /** True once a call-level error was added: later messages cannot change the answer. */
  get settled(): boolean {
    return this.#rejection !== undefined;
  }

  verdict(): InterceptorVerdict {
    const transport = this.#transport;
    if (this.#rejection !== undefined) {
      return transport === undefined ? this.#rejection : { ...this.#rejection, transport };
    }
    if (this.#failures !== undefined) {
      return transport === undefined
        ? { failMessages: this.#failures }
        : { failMessages: this.#failures, transport };
    }
    return transport === undefined ? undefined : { transport };
  }
}
