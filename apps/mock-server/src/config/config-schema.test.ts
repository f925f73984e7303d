import { describe, expect, it } from 'vitest';
import { MockConfigError } from './config-error.js';
import { resolveConfig } from './resolve-config.js';

describe('mock configuration', () => {
  it('runs with zero config: the defaults of design.md §3', () => {
    const resolved = resolveConfig();
    expect(resolved.config.host).toBe('127.0.0.1');
    expect(resolved.config.port).toBe(8787);
    const top = resolved.findTopApp('12345678');
    expect(top?.secret).toBe('test-secret');
    expect(top?.sellerOf('test-session')).toBe('test-seller');
    expect(top?.sellerOf('other')).toBeUndefined();
    const gateway = resolved.findGatewayApp('test-appid');
    expect(gateway?.secret).toBe('test-secret');
    expect(gateway?.authorizes('test-seller')).toBe(true);
    expect(gateway?.authorizes('other')).toBe(false);
  });

  it('matches exact keys before patterns, and whole keys only', () => {
    const resolved = resolveConfig({
      top: {
        apps: [
          { appKeyPattern: 'team-.+', secret: 'pattern-secret' },
          { appKey: 'team-special', secret: 'exact-secret' },
        ],
      },
    });
    expect(resolved.findTopApp('team-special')?.secret).toBe('exact-secret');
    expect(resolved.findTopApp('team-7')?.secret).toBe('pattern-secret');
    expect(resolved.findTopApp('my-team-7')).toBeUndefined();
  });

  it('accepts any session or seller with "*"', () => {
    const resolved = resolveConfig({
      top: { apps: [{ appKey: 'k', secret: 's', sessions: [{ session: '*', seller: 'shop' }] }] },
      gateway: { apps: [{ appIdPattern: '.*', secret: 's', sellers: ['*'] }] },
    });
    expect(resolved.findTopApp('k')?.sellerOf('anything')).toBe('shop');
    expect(resolved.findGatewayApp('whatever')?.authorizes('any-shop')).toBe(true);
  });

  it('turns TMC receipts off with tmc.receipts, and refuses anything but true or false there', () => {
    expect(resolveConfig({ tmc: { receipts: false } }).config.tmc.receipts).toBe(false);
    expect(resolveConfig({}).config.tmc.receipts).toBe(true);
    expect(() => resolveConfig({ tmc: { receipts: 'no' as never } })).toThrow(
      'tmc.receipts: must be true or false',
    );
  });

  it('names every bad field', () => {
    expect(() =>
      resolveConfig({
        top: { apps: [{ secret: 's' }] },
        gateway: { apps: [] },
        inboxSize: 0,
        templates: { sms: [{ code: 'SMS_1' } as never] },
      }),
    ).toThrow(MockConfigError);
    try {
      resolveConfig(
        {
          top: { apps: [{ secret: 's' }] },
          gateway: { apps: [] },
          inboxSize: 0,
          templates: { sms: [{ code: 'SMS_1' } as never] },
        },
        'ci.json',
      );
    } catch (error) {
      const configError = error as MockConfigError;
      expect(configError.message.startsWith('invalid mock server config (ci.json):')).toBe(true);
      expect(configError.problems).toEqual([
        'top.apps[0].appKey: needs exactly one of appKey or appKeyPattern',
        'gateway.apps: must list at least one app',
        'templates.sms[0].text: must be a string',
        'inboxSize: must be at least 1',
      ]);
    }
  });
});
