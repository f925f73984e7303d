/**
 * The JSON content of a receipt message (topic `alibaba_aliqin_TaFcSmsDR`): `biz_id`, `state`, `err_code`,
 * `extend` (only when the send had one), `receiver`, `send_time`, `rept_time`, all strings, in that order.
 * Every accepted JST send publishes one, so the text is written directly rather than through an object and
 * `JSON.stringify`, and each of the two timestamps is formatted once per second rather than per receipt.
 */
import { formatTopTimestamp } from '@x/signing';

/** What a receipt is made from (a subset of the accepted send). */
export interface ReceiptSource {
  /** The `module` the send answered: the receipt's `biz_id`. */
  readonly module: string;
  readonly receiver: string;
  /** The send's `extend`, echoed verbatim when it had one. */
  readonly extend?: string | undefined;
  /** When the send was received (epoch ms). */
  readonly sentAt: number;
}

/** Writes receipts' JSON text: exactly what `JSON.stringify` makes of those fields, at a fraction of its cost. */
export class ReceiptContentWriter {
  readonly #sendTimes = new SecondFormatter();
  readonly #reportTimes = new SecondFormatter();

  write(send: ReceiptSource, errorCode: string, reportedAt: number): string {
    const extend = send.extend === undefined ? '' : `"extend":${JSON.stringify(send.extend)},`;
    return (
      `{"biz_id":${JSON.stringify(send.module)},"state":"${errorCode === 'DELIVRD' ? '1' : '2'}",` +
      `"err_code":${JSON.stringify(errorCode)},${extend}"receiver":${JSON.stringify(send.receiver)},` +
      `"send_time":"${this.#sendTimes.format(send.sentAt)}","rept_time":"${this.#reportTimes.format(reportedAt)}"}`
    );
  }
}

/** `formatTopTimestamp`, remembering the last second it formatted (receipts come thousands to a second). */
class SecondFormatter {
  #second = Number.NaN;
  #text = '';

  format(milliseconds: number): string {
    const second = Math.floor(milliseconds / 1000);
    if (second !== this.#second) {
      this.#text = formatTopTimestamp(new Date(milliseconds));
      this.#second = second;
    }
    return this.#text;
  }
}
