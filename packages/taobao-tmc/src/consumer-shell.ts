import type { SmsReceiptHandler, TmcHandler, TopicRouter } from './topic-router.js';

/** A consumer: register handlers, then `run`. */
export interface TmcConsumer {
  /**
   * Handles messages of `topic`. A message is confirmed after the handler resolves and failed (it comes back
   * later) when it throws. One handler per topic; messages arrive one at a time, in order.
   *
   * @throws {ValidationError} for an empty topic, a topic that already has a handler, or a non-function.
   */
  on(topic: string, handler: TmcHandler): this;
  /** Handles delivery receipts (`alibaba_aliqin_TaFcSmsDR`), typed; content that is not a receipt fails. */
  onSmsReceipt(handler: SmsReceiptHandler): this;
  /**
   * Consumes until `signal` aborts, reconnecting (or polling again) with backoff after every failure.
   * Resolves once stopped: the message in hand is finished and confirmed.
   *
   * @throws {Error} when called while already running.
   */
  run(signal?: AbortSignal): Promise<void>;
}

/** The consumer object both transports return: handler registration, and one run at a time of `loop`. */
export function consumerShell(
  router: TopicRouter,
  loop: (signal: AbortSignal | undefined) => Promise<void>,
): TmcConsumer {
  let running = false;
  const consumer: TmcConsumer = {
    on(topic, handler) {
      router.on(topic, handler);
      return consumer;
    },
    onSmsReceipt(handler) {
      router.onSmsReceipt(handler);
      return consumer;
    },
    async run(signal) {
      if (running) throw new Error('this TMC consumer is already running');
      running = true;
      try {
        await loop(signal);
      } finally {
        running = false;
      }
    },
  };
  return consumer;
}
