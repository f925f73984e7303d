import { ValidationError } from '@x/core';
import type { TmcMessage } from './message.js';
import { parseSmsReceipt, type SmsReceipt, smsReceiptTopic } from './receipt.js';

/** Handles one message. Resolve to confirm it; throw (or reject) to fail it so that it comes back later. */
export type TmcHandler = (message: TmcMessage) => unknown;

/** Handles one delivery receipt, typed; same contract as {@link TmcHandler}. */
export type SmsReceiptHandler = (receipt: SmsReceipt, message: TmcMessage) => unknown;

/** What to tell the server about a handled message. */
export type HandleOutcome =
  | { readonly confirm: true }
  | { readonly confirm: false; readonly reason: string; readonly error: unknown };

/** The most a fail frame's `msg` may hold. */
const maximumReasonLength = 128;

/** Handlers by topic, and the confirm-or-fail rule. */
export class TopicRouter {
  private readonly handlers = new Map<string, TmcHandler>();

  constructor(
    private readonly api: string,
    private readonly confirmUnhandled: boolean,
  ) {}

  /** Registers the handler of a topic; one per topic. */
  on(topic: string, handler: TmcHandler): void {
    if (typeof topic !== 'string' || topic === '') throw this.invalid('topic', 'must be a non-empty string');
    if (typeof handler !== 'function') throw this.invalid('handler', 'must be a function');
    if (this.handlers.has(topic)) throw this.invalid('topic', `${topic} already has a handler`);
    this.handlers.set(topic, handler);
  }

  /** Registers a typed handler for delivery receipts; content that is not a receipt fails the message. */
  onSmsReceipt(handler: SmsReceiptHandler): void {
    if (typeof handler !== 'function') throw this.invalid('handler', 'must be a function');
    this.on(smsReceiptTopic, (message) => handler(parseSmsReceipt(message), message));
  }

  /** Runs the topic's handler; never throws. */
  async handle(message: TmcMessage): Promise<HandleOutcome> {
    const handler = this.handlers.get(message.topic);
    if (handler === undefined) {
      return this.confirmUnhandled
        ? { confirm: true }
        : { confirm: false, reason: 'no handler for this topic', error: undefined };
    }
    try {
      await handler(message);
      return { confirm: true };
    } catch (error) {
      return { confirm: false, reason: failReason(error), error };
    }
  }

  private invalid(field: string, reason: string): ValidationError {
    return new ValidationError({ api: this.api, field, reason, issues: [{ field, reason }] });
  }
}

/** A short reason for the server: the error's name only, since its message may hold a phone number. */
function failReason(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return `handler failed: ${name}`.slice(0, maximumReasonLength);
}
