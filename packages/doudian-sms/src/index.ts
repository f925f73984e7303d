/** @module @x/doudian-sms — the client arrives with its issue; the wire schemas are at ./schemas. */
export * from './schemas.js';
