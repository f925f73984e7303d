/** @module @x/qianniu-tpn/schemas — wire schemas for servers and tests (zod). */
export {
  type TpnSendRequest,
  type TpnSendResponse,
  type TpnWireRequest,
  tpnJsonParameters,
  tpnMethod,
  tpnResponseKey,
  tpnSendRequestSchema,
  tpnSendResponseSchema,
  tpnWireRequestSchema,
} from './tpn-schemas.js';
