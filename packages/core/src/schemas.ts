/**
 * @module @x/core/schemas — the field rules and envelope schemas shared by the adapters and the mock server.
 */
export {
  decimalId,
  decimalIdText,
  documentedTestPhoneNumbers,
  douyinCiphertextPattern,
  douyinPhoneOrCiphertext,
  forwardIssues,
  httpUrl,
  isPlainTemplateVariables,
  jsonObject,
  mainlandMobilePattern,
  mainlandPhoneNumber,
  objectOrJsonText,
  optionalText,
  orderId,
  requiredText,
  templateVariables,
  templateVariablesOrJsonText,
} from './field-rules.js';
export {
  type GatewayResponse,
  gatewayRequestDataField,
  gatewayResponseSchema,
} from './gateway-envelope.js';
export {
  type TopErrorResponse,
  topErrorResponseKey,
  topErrorResponseSchema,
  topResponseKey,
  topSystemParameters,
} from './top-envelope.js';
