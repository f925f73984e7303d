/** The configuration as `/__mock/config` shows it: secrets replaced by `***`, sessions masked. */
import type { MockConfig } from '../config/config-schema.js';
import { maskSecret } from '../state/mask-secrets.js';

export function maskedConfig(config: MockConfig): object {
  return {
    ...config,
    top: {
      apps: config.top.apps.map((app) => ({
        ...app,
        secret: '***',
        sessions: app.sessions.map((entry) => ({
          ...entry,
          session: entry.session === '*' ? '*' : maskSecret(entry.session),
        })),
      })),
    },
    gateway: { apps: config.gateway.apps.map((app) => ({ ...app, secret: '***' })) },
    // Whether limits are on, as resolved from `limits.enabled` and the profile.
    limits: { ...config.limits, enabled: config.limits.enabled ?? config.profile === 'realistic' },
  };
}
