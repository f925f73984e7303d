/**
 * @module @x/signing — request signing and verification for the Taobao Open Platform (TOP) and the fw199
 * gateway, and GMT+8 TOP timestamps. Pure functions over `node:crypto`; no I/O, no dependencies.
 */

// fw199 gateway protocol
export { gatewayCanonicalString, signGateway, verifyGateway } from './gateway-sign.js';
// TOP protocol
export { type EmptyValueMode, signTop, topCanonicalString } from './top-sign.js';
// Timestamps
export { formatTopTimestamp, parseTopTimestamp, unixSeconds } from './top-timestamp.js';
export { verifyTop } from './top-verify.js';

// Types
export { type SignableParams, type TopSignMethod, topSignMethods, type VerifyResult } from './types.js';
