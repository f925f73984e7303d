/**
 * Delivery receipts for accepted JST sends: each one is published on the receipt topic in the sending app
 * key's namespace, on the mock's clock — by default delivered (`state` 1, `err_code` DELIVRD) a short delay
 * after the send; the receipt magic numbers (`1990001XXYY`) make it fail, come late, come twice or never.
 */
import { DeadlineQueue } from './deadline-queue.js';
import { ReceiptContentWriter } from './receipt-content.js';
import { failedReceiptCode, parseReceiptMagic, type ReceiptOutcomeName } from './receipt-magic.js';
import { ReceiptTracker, type TrackedReceipt } from './receipt-tracker.js';
import type { TmcBroker } from './tmc-broker.js';
import type { TmcMessage } from './tmc-message.js';

/** The receipt topic (阿里通信 › 聚石塔短消息发送结果报告). */
export const smsReceiptTopic = 'alibaba_aliqin_TaFcSmsDR';

/** How long after an accepted send its receipt is published, unless a magic number says otherwise. */
export const defaultReceiptDelayMs = 1_000;

/** What the receipt of one accepted JST send is made from. */
export interface AcceptedSmsSend {
  /** The namespace (the app key that sent it): the receipt's publisher. */
  readonly appKey: string;
  /** The `module` the send answered: the receipt's `biz_id`. */
  readonly module: string;
  readonly receiver: string;
  /** The send's `extend`, echoed verbatim when it had one. */
  readonly extend?: string | undefined;
  /** The seller whose session sent it: the message's `nick`. */
  readonly seller: string | null;
  /** When the send was received (epoch ms). */
  readonly sentAt: number;
}

/** What will happen to one send's receipt. */
export interface ReceiptPlan {
  readonly outcome: 'delivered' | ReceiptOutcomeName;
  /** When the receipt is published (epoch ms), or null when it never is. */
  readonly publishAt: number | null;
}

export interface SmsReceiptsOptions {
  /** Whether accepted sends get a receipt at all (an app subscribed to the receipt topic). @default true */
  enabled?: boolean | undefined;
  /** @default 1000 */
  delayMs?: number | undefined;
  /** Whether the receipt magic numbers (`1990001XXYY`) act; off, they are ordinary numbers. @default true */
  magicValues?: boolean | undefined;
  /** Sends whose receipt state is tracked for the inbox page (the mock's inbox size). @default 10000 */
  trackedReceipts?: number | undefined;
}

/** A receipt waiting for its instant: its first publication, or the second one of `receipt-twice`. */
type DueReceipt =
  | {
      readonly kind: 'publish';
      readonly send: AcceptedSmsSend;
      readonly tracked: TrackedReceipt;
      readonly errorCode: string;
      readonly againAfterMs?: number;
    }
  | { readonly kind: 'publish-again'; readonly message: TmcMessage };

export class SmsReceipts {
  /** Where each send's receipt stands, with change notifications (the inbox page's live receipt states). */
  readonly tracker: ReceiptTracker;
  readonly #broker: TmcBroker;
  readonly #magicValues: boolean;
  /** Whether accepted sends get a receipt (`tmc.receipts`). */
  readonly enabled: boolean;
  readonly #due: DeadlineQueue<DueReceipt>;
  readonly #content = new ReceiptContentWriter();
  #delayMs: number;

  constructor(broker: TmcBroker, options: SmsReceiptsOptions = {}) {
    this.#broker = broker;
    this.#delayMs = validDelay(options.delayMs ?? defaultReceiptDelayMs);
    this.#magicValues = options.magicValues ?? true;
    this.enabled = options.enabled ?? true;
    this.#due = new DeadlineQueue(broker.scheduler, (due) => this.#publishDue(due));
    this.tracker = new ReceiptTracker(broker, options.trackedReceipts);
  }

  /** The delay of an ordinary receipt. */
  get delayMs(): number {
    return this.#delayMs;
  }

  set delayMs(milliseconds: number) {
    this.#delayMs = validDelay(milliseconds);
  }

  /**
   * Schedules the receipt of an accepted send and says what it will be; undefined when receipts are off (the
   * send gets none).
   */
  schedule(send: AcceptedSmsSend): ReceiptPlan | undefined {
    if (!this.enabled) return undefined;
    const magic = this.#magicValues ? parseReceiptMagic(send.receiver) : undefined;
    const outcome = magic?.outcome.name ?? 'delivered';
    const parameter = magic?.parameter ?? 0;
    const errorCode = outcome === 'receipt-failed' ? failedReceiptCode(parameter) : 'DELIVRD';
    if (outcome === 'receipt-never') {
      this.tracker.planned(send, send.receiver, null, errorCode);
      return { outcome, publishAt: null };
    }
    const delay = outcome === 'receipt-late' ? Math.max(1, parameter) * 60_000 : this.#delayMs;
    const publishAt = send.sentAt + delay;
    const tracked = this.tracker.planned(send, send.receiver, publishAt, errorCode);
    this.#due.add(
      publishAt,
      outcome === 'receipt-twice'
        ? { kind: 'publish', send, tracked, errorCode, againAfterMs: parameter * 1000 }
        : { kind: 'publish', send, tracked, errorCode },
    );
    return { outcome, publishAt };
  }

  #publishDue(due: DueReceipt): void {
    if (due.kind === 'publish-again') {
      this.#broker.publishAgain(due.message);
      return;
    }
    const { send, tracked, errorCode, againAfterMs } = due;
    const message = this.#broker.publish(send.appKey, {
      topic: smsReceiptTopic,
      content: this.#content.write(send, errorCode, this.#broker.scheduler.now()),
      nick: send.seller ?? '',
    });
    this.tracker.published(tracked, message);
    if (againAfterMs !== undefined)
      this.#due.add(this.#broker.scheduler.now() + againAfterMs, { kind: 'publish-again', message });
  }
}

function validDelay(milliseconds: number): number {
  if (!Number.isInteger(milliseconds) || milliseconds < 0 || milliseconds > 86_400_000)
    throw new RangeError('the receipt delay must be an integer from 0 to 86400000 milliseconds');
  return milliseconds;
}
