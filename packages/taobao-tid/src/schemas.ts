/** @module @x/taobao-tid/schemas — wire schemas for servers and tests (zod). */
export {
  type TidResultItem,
  type TidSendItem,
  type TidWireItem,
  tidMaxItemsPerCall,
  tidPath,
  tidResultItemSchema,
  tidSellerField,
  tidSendItemSchema,
  tidWireItemSchema,
} from './tid-schemas.js';
