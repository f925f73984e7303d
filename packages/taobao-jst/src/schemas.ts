/** @module @x/taobao-jst/schemas — wire schemas for servers and tests (zod). */
export {
  type JstSendMessageRequest,
  type JstSendResponse,
  type JstWireSendMessageRequest,
  jstMethod,
  jstRequestParameter,
  jstResponseKey,
  jstSendMessageRequestSchema,
  jstSendResponseSchema,
  jstWireSendMessageRequestSchema,
} from './jst-schemas.js';
