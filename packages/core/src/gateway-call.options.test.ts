/**
 * The gateway caller naming every missing or malformed client option.
 */

import { describe, expect, it } from 'vitest';
import { isValidationError } from './error-guards.js';
import { createGatewayCaller } from './gateway-call.js';

describe('client options', () => {
  it('names every missing or malformed option', () => {
    let caught: unknown;
    try {
      createGatewayCaller({
        appId: '',
        appSecret: undefined as unknown as string,
        sellerNick: 's',
        baseUrl: 'ftp://x',
      });
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    expect((caught as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field)).toEqual([
      'appId',
      'appSecret',
      'baseUrl',
    ]);
  });
});
