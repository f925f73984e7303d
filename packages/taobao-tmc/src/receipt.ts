import { z } from 'zod';
import type { TmcMessage } from './message.js';

/** The topic of Jushita SMS delivery receipts (聚石塔短消息发送结果报告). */
export const smsReceiptTopic = 'alibaba_aliqin_TaFcSmsDR';

// The platform sends every field as a string; a number is accepted too so that a lenient server's
// `state: 1` does not turn a receipt into a message that fails forever.
const text = z.union([z.string(), z.number().transform(String)]);

/**
 * The content of an `alibaba_aliqin_TaFcSmsDR` message. Every field is a string on the wire.
 * Fields not listed here are dropped.
 */
export const smsReceiptSchema = z.object({
  /** The send's receipt id: the `module` that `taobao.jst.sms.message.send` answered (`<digits>^<digits>`). */
  biz_id: z.string().min(1),
  /** `'1'` delivered, `'2'` failed. */
  state: text.pipe(z.enum(['1', '2'])),
  /** `DELIVRD` when delivered; the carrier's reason otherwise. */
  err_code: text.optional(),
  /** The `extend` passed in the send, verbatim: your own correlation id. */
  extend: text.optional(),
  /** The phone number. Mask it before logging (`maskPhoneNumber` from `@x/core`). */
  receiver: text.optional(),
  /** `yyyy-MM-dd HH:mm:ss` (GMT+8): when the SMS was sent. */
  send_time: text.optional(),
  /** `yyyy-MM-dd HH:mm:ss` (GMT+8): when the carrier reported. */
  rept_time: text.optional(),
});

/** A delivery receipt, as {@link smsReceiptSchema} returns it. */
export type SmsReceipt = z.infer<typeof smsReceiptSchema>;

/** Why a receipt message's content was refused. Says which field, never the content (it holds a phone). */
export class SmsReceiptFormatError extends Error {
  override readonly name = 'SmsReceiptFormatError' as const;
  /** The offending field, or `content` when the text is not a JSON object. */
  readonly field: string;

  constructor(messageId: string, field: string) {
    super(`receipt message ${messageId}: invalid ${field}`);
    this.field = field;
  }
}

/**
 * Reads a receipt message's content (JSON text) as a typed receipt.
 *
 * @throws {SmsReceiptFormatError} naming the field that does not match.
 */
export function parseSmsReceipt(message: TmcMessage): SmsReceipt {
  let json: unknown;
  try {
    json = JSON.parse(message.content);
  } catch {
    throw new SmsReceiptFormatError(message.id, 'content');
  }
  const parsed = smsReceiptSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.');
    throw new SmsReceiptFormatError(message.id, path || 'content');
  }
  return parsed.data;
}
