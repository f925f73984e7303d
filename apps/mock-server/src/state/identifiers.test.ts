import { describe, expect, it } from 'vitest';
import {
  douyinMessageId,
  gatewayTraceId,
  qianniuMessageId,
  smsReceiptId,
  topRequestId,
} from './identifiers.js';

function many(make: () => string, count = 5000): string[] {
  return Array.from({ length: count }, make);
}

describe('identifiers', () => {
  it('TOP request ids are 12 or 13 lower-case base-36 characters, both lengths occurring', () => {
    const ids = many(topRequestId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{12,13}$/);
    expect(new Set(ids.map((id) => id.length))).toEqual(new Set([12, 13]));
  });

  it('use the whole alphabet, and do not repeat within a test run', () => {
    const ids = many(topRequestId);
    expect(new Set(ids.join('')).size).toBe(36);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fw199 trace ids are 32 lower-case hex characters', () => {
    for (const id of many(gatewayTraceId, 500)) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('JST / TID receipt ids are 18 digits without a leading zero, then ^0', () => {
    const ids = many(smsReceiptId);
    for (const id of ids) expect(id).toMatch(/^[1-9][0-9]{17}\^0$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Qianniu message ids are 16-digit decimal strings without a leading zero', () => {
    for (const id of many(qianniuMessageId, 500)) expect(id).toMatch(/^[1-9][0-9]{15}$/);
  });

  it('Douyin message ids are UUIDs', () => {
    expect(douyinMessageId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
