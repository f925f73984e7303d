/**
 * The TOP response envelope (`docs/protocol.md` §1.5): `{"<method without taobao., dots → _>_response": {…}}` on
 * success, `{"error_response": {code, msg, sub_code?, sub_msg?, request_id?}}` on failure, JSON or XML.
 */
import { z } from 'zod';

/** The root key of a TOP error envelope. */
export const topErrorResponseKey = 'error_response';

/** The TOP system parameters: never business parameter names. */
export const topSystemParameters: readonly string[] = [
  'method',
  'app_key',
  'sign_method',
  'sign',
  'timestamp',
  'v',
  'format',
  'session',
  'simplify',
  'partner_id',
  'target_app_key',
];

/**
 * The success root key for a method.
 * @example topResponseKey('taobao.jst.sms.message.send') // 'jst_sms_message_send_response'
 */
export function topResponseKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replaceAll('.', '_')}_response`;
}

/** `code` is a JSON number; in XML it arrives as digits. */
const topErrorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** The body of `error_response`. */
export const topErrorResponseSchema = z.object({
  code: topErrorCode,
  msg: z.string(),
  sub_code: z.string().optional(),
  sub_msg: z.string().optional(),
  request_id: z.string().optional(),
});

export type TopErrorResponse = z.output<typeof topErrorResponseSchema>;
