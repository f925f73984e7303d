/**
 * Turns validated configuration into what the request path needs: constant-time lookups of apps, sessions,
 * sellers and templates, so no request scans a list.
 */
import { describeIssues, MockConfigError } from './config-error.js';
import {
  type MockConfig,
  type MockConfigInput,
  mockConfigSchema,
  type ReviewStatus,
} from './config-schema.js';

/** Matches any session or seller. */
const wildcard = '*';

export interface TopApp {
  /** How the config named it: the exact key or the pattern. */
  readonly label: string;
  readonly secret: string;
  /** The seller a session belongs to (`null` when the config names none), or undefined for an unknown session. */
  sellerOf(session: string): string | null | undefined;
}

export interface GatewayApp {
  readonly label: string;
  readonly secret: string;
  authorizes(seller: string): boolean;
}

export interface QianniuTemplate {
  title: string | undefined;
  content: string | undefined;
}

/** The template registry (`templates.registry: true`): what may be sent, by review status. */
export interface TemplateRegistry {
  /** The status of an SMS signature, or undefined when it is not listed. */
  signature(name: string): ReviewStatus | undefined;
  smsTemplate(code: string): { text: string; status: ReviewStatus } | undefined;
  qianniuTemplate(key: string): (QianniuTemplate & { status: ReviewStatus }) | undefined;
}

/** Per-recipient limits, when they are on. */
export interface RecipientLimits {
  readonly perMinute: number;
  readonly perHour: number;
  readonly perDay: number;
}

export interface ResolvedConfig {
  /** The validated configuration, defaults applied (for `/__mock/config`, with secrets masked there). */
  readonly config: MockConfig;
  findTopApp(appKey: string): TopApp | undefined;
  findGatewayApp(appId: string): GatewayApp | undefined;
  /** SMS template text by `template_code` / Douyin `template_id`. */
  smsTemplate(code: string): string | undefined;
  qianniuTemplate(key: string): QianniuTemplate | undefined;
  readonly bodyLimitBytes: number;
  readonly timestampToleranceMilliseconds: number;
  /** Present when `templates.registry` is true. */
  readonly registry: TemplateRegistry | undefined;
  /** Present when limits are on (`limits.enabled`, or `profile: 'realistic'`). */
  readonly limits: RecipientLimits | undefined;
  readonly magicValues: boolean;
}

/** Validates `input` (throws MockConfigError naming each bad field) and builds the lookups. */
export function resolveConfig(input: MockConfigInput = {}, source = 'options'): ResolvedConfig {
  const parsed = mockConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new MockConfigError(source, describeIssues(parsed.error.issues, mockConfigSchema));
  return buildLookups(parsed.data);
}

function buildLookups(config: MockConfig): ResolvedConfig {
  const topApps = indexApps(
    config.top.apps.map((app) => ({
      exact: app.appKey,
      pattern: app.appKeyPattern,
      value: topApp(app.appKey ?? `/${app.appKeyPattern}/`, app.secret, app.sessions),
    })),
  );
  const gatewayApps = indexApps(
    config.gateway.apps.map((app) => ({
      exact: app.appId,
      pattern: app.appIdPattern,
      value: gatewayApp(app.appId ?? `/${app.appIdPattern}/`, app.secret, app.sellers),
    })),
  );
  // The first entry for a code or key wins, as for apps.
  const smsTemplates = new Map<string, { text: string; status: ReviewStatus }>();
  for (const template of config.templates.sms) {
    if (!smsTemplates.has(template.code))
      smsTemplates.set(template.code, { text: template.text, status: template.status });
  }
  const qianniuTemplates = new Map<string, QianniuTemplate & { status: ReviewStatus }>();
  for (const template of config.templates.qianniu) {
    if (!qianniuTemplates.has(template.key)) {
      qianniuTemplates.set(template.key, {
        title: template.title,
        content: template.content,
        status: template.status,
      });
    }
  }
  const signatures = new Map<string, ReviewStatus>();
  for (const signature of config.templates.signatures) {
    const entry =
      typeof signature === 'string' ? { name: signature, status: 'approved' as const } : signature;
    if (!signatures.has(entry.name)) signatures.set(entry.name, entry.status);
  }
  const registry: TemplateRegistry | undefined = config.templates.registry
    ? {
        signature: (name) => signatures.get(name),
        smsTemplate: (code) => smsTemplates.get(code),
        qianniuTemplate: (key) => qianniuTemplates.get(key),
      }
    : undefined;
  const limitsOn = config.limits.enabled ?? config.profile === 'realistic';
  const { perMinute, perHour, perDay } = config.limits;
  return {
    config,
    findTopApp: topApps,
    findGatewayApp: gatewayApps,
    smsTemplate: (code) => smsTemplates.get(code)?.text,
    qianniuTemplate: (key) => qianniuTemplates.get(key),
    bodyLimitBytes: config.bodyLimitBytes,
    timestampToleranceMilliseconds: config.timestampToleranceSeconds * 1000,
    registry,
    limits: limitsOn ? { perMinute, perHour, perDay } : undefined,
    magicValues: config.magicValues,
  };
}

/** Exact names first (a Map), then patterns in the order listed; the first match wins. */
function indexApps<App>(
  entries: { exact: string | undefined; pattern: string | undefined; value: App }[],
): (name: string) => App | undefined {
  const exact = new Map<string, App>();
  const patterns: { pattern: RegExp; value: App }[] = [];
  for (const entry of entries) {
    if (entry.exact !== undefined) {
      if (!exact.has(entry.exact)) exact.set(entry.exact, entry.value);
    } else if (entry.pattern !== undefined) {
      // Anchored: the whole key must match, so `worker-\d+` does not also admit `coworker-1x`.
      patterns.push({ pattern: new RegExp(`^(?:${entry.pattern})$`), value: entry.value });
    }
  }
  return (name) => {
    const found = exact.get(name);
    if (found !== undefined || patterns.length === 0) return found;
    for (const { pattern, value } of patterns) if (pattern.test(name)) return value;
    return undefined;
  };
}

function topApp(
  label: string,
  secret: string,
  sessions: MockConfig['top']['apps'][number]['sessions'],
): TopApp {
  const sellers = new Map(sessions.map((entry) => [entry.session, entry.seller]));
  const anySession = sellers.has(wildcard);
  return {
    label,
    secret,
    sellerOf(session) {
      const seller = sellers.get(session);
      if (seller !== undefined) return seller;
      return anySession ? (sellers.get(wildcard) ?? null) : undefined;
    },
  };
}

function gatewayApp(label: string, secret: string, sellers: readonly string[]): GatewayApp {
  const allowed = new Set(sellers);
  const anySeller = allowed.has(wildcard);
  return { label, secret, authorizes: (seller) => anySeller || allowed.has(seller) };
}
