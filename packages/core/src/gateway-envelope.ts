/**
 * The fw199 gateway envelope (`docs/protocol.md` §2.1): `{"code":0,"message":"ok","data":[…],"trace_id":"…"}`.
 * `code` 0 is success of the call; each `data` item has its own `code`. The Douyin document's example has no
 * `trace_id`, so it is optional.
 */
import { z } from 'zod';

/** The form field that carries the request as JSON text. */
export const gatewayRequestDataField = 'request_data';

/** The outer answer of every gateway endpoint. */
export const gatewayResponseSchema = z.object({
  code: z.number().int(),
  message: z.string().optional(),
  data: z.unknown().optional(),
  trace_id: z.string().optional(),
});

export type GatewayResponse = z.output<typeof gatewayResponseSchema>;
