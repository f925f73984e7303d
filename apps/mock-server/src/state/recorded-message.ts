/**
 * What the inbox holds: one entry per message the mock accepted and answered as sent. The same shape for
 * all four APIs, so the inspection API (and the inbox page) can list and filter them together.
 */

/** Which API a message came through. */
export type MessagePlatform = 'taobao-jst' | 'qianniu-tpn' | 'taobao-tid' | 'doudian-sms';

/** What `recipient` holds. */
export type RecipientKind = 'phone' | 'douyin-ciphertext' | 'order' | 'qianniu-user';

/** One message the mock accepted, as `GET /__mock/messages` shows it. */
export interface RecordedMessage {
  /** Sequence number, starting at 1, never reused (also after a clear). */
  id: number;
  /** When the mock received it, ISO 8601 in UTC, read from the mock's clock. */
  receivedAt: string;
  platform: MessagePlatform;
  /** The TOP method name, or the gateway path. */
  api: string;
  /** The TOP `app_key` or gateway `appid` it was sent with: the namespace it belongs to. */
  appKey: string;
  /** The seller it was sent for: the session's seller (TOP) or `tb_seller_nick` / `seller_nick` (gateway). */
  seller: string | null;
  /** Phone number, Douyin ciphertext, order id or Qianniu user id. */
  recipient: string;
  recipientKind: RecipientKind;
  /** The SMS signature (`sms_free_sign_name`, Douyin `sign`); null for Qianniu messages. */
  signName: string | null;
  /** `template_code` (JST, TID), `template_id` (Douyin) or `template_key` (Qianniu). */
  template: string;
  /** The template variables as received (`params`, `template_param`, Qianniu `content_param`). */
  variables: Record<string, unknown>;
  /** Qianniu only: the title rendered from a configured template and `title_param`. */
  title: string | null;
  /** The text rendered from a configured template; null when the template is not configured. */
  text: string | null;
  /**
   * SMS only, when `text` is known: the characters a phone shows, `【signName】` included (docs/protocol.md §3; each
   * Unicode character counts 1). Null for Qianniu messages and unknown templates.
   */
  length: number | null;
  /** SMS only, when `text` is known: billed segments — 1 up to 70 characters, else one per 67. */
  segments: number | null;
  /** The `request_id` (TOP) or `trace_id` (gateway) of the answer that carried this message. */
  requestId: string;
  /** The id the answer gave this message: JST `module`, TPN `result`, TID item `request_id`, Douyin `message_id`. */
  messageId: string;
  /** The rest of what was received for this message, under the documented wire names. */
  details: Record<string, unknown>;
}

/** A message after validation, before it is answered and recorded. */
export type PendingMessage = Omit<RecordedMessage, 'id' | 'receivedAt' | 'requestId' | 'messageId'>;
