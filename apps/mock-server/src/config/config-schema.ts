/**
 * The mock server's configuration: what a `--config` JSON file and the `createMockApp` / `startMockServer`
 * options may hold. Validated with zod so that a typo names the bad field instead of being ignored.
 */
import { z } from 'zod';
import { integer, nonEmptyText } from './input-rules.js';

/** A regular expression source that the whole app key / appid must match. */
const patternText = nonEmptyText.refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);

/** The TOP `app_key` a mock without `top.apps` accepts. */
export const defaultTopAppKey = '12345678';
/** The secret of the default TOP app. */
export const defaultTopSecret = 'test-secret';
/** The `session` (seller authorization) the default TOP app accepts. */
export const defaultTopSession = 'test-session';
/** The fw199 `appid` a mock without `gateway.apps` accepts. */
export const defaultGatewayAppId = 'test-appid';
/** The secret of the default fw199 app. */
export const defaultGatewaySecret = 'test-secret';
/** The seller (shop) the default fw199 app is authorized for. */
export const defaultSeller = 'test-seller';

const topSessionSchema = z.strictObject({
  /** The session key a client sends; `*` accepts any non-empty session. */
  session: nonEmptyText,
  /** The seller this session authorizes, recorded with each message. */
  seller: nonEmptyText.nullable().default(null),
});

const topAppSchema = z
  .strictObject({
    /** An exact app key … */
    appKey: nonEmptyText.optional(),
    /** … or a pattern (the whole key must match), so parallel test workers can each use their own key. */
    appKeyPattern: patternText.optional(),
    secret: nonEmptyText,
    /** @default [{ session: 'test-session', seller: 'test-seller' }] */
    sessions: z
      .array(topSessionSchema)
      .default(() => [{ session: defaultTopSession, seller: defaultSeller }]),
  })
  .refine((app) => (app.appKey === undefined) !== (app.appKeyPattern === undefined), {
    message: 'needs exactly one of appKey or appKeyPattern',
    path: ['appKey'],
  });

const gatewayAppSchema = z
  .strictObject({
    appId: nonEmptyText.optional(),
    appIdPattern: patternText.optional(),
    secret: nonEmptyText,
    /** Sellers this appid may send for (`tb_seller_nick` / `seller_nick`); `*` allows any. @default ['test-seller'] */
    sellers: z.array(nonEmptyText).default(() => [defaultSeller]),
  })
  .refine((app) => (app.appId === undefined) !== (app.appIdPattern === undefined), {
    message: 'needs exactly one of appId or appIdPattern',
    path: ['appId'],
  });

/** Where a signature or template is in the platform's review. Only `approved` ones send (registry on). */
export const reviewStatuses = ['approved', 'pending', 'rejected'] as const;
/** One of `reviewStatuses`. */
export type ReviewStatus = (typeof reviewStatuses)[number];
const reviewStatus = z
  .enum(reviewStatuses, { error: 'must be one of approved, pending, rejected' })
  .default('approved');

const smsTemplateSchema = z.strictObject({
  /** `template_code` (JST, TID) or `template_id` (Douyin). */
  code: nonEmptyText,
  /** The text with `${name}` placeholders, without the `【signature】`. */
  text: z.string({ error: 'must be a string' }),
  /** @default 'approved' */
  status: reviewStatus,
});

const qianniuTemplateSchema = z.strictObject({
  /** `template_key`. */
  key: nonEmptyText,
  /** Title with `${name}` placeholders, filled from `title_param`. */
  title: z.string({ error: 'must be a string' }).optional(),
  /** Content with `${name}` placeholders, filled from `content_param`. */
  content: z.string({ error: 'must be a string' }).optional(),
  /** @default 'approved' */
  status: reviewStatus,
});

/** An SMS signature (`sms_free_sign_name`, Douyin `sign`): its name, or the name and its review status. */
const signatureSchema = z.union(
  [nonEmptyText, z.strictObject({ name: nonEmptyText, status: reviewStatus })],
  { error: 'must be a signature name or { name, status }' },
);

/** The profiles `--profile` selects: `realistic` turns on what the platforms enforce and a test rarely wants. */
export const mockProfiles = ['default', 'realistic'] as const;
/** One of `mockProfiles`. */
export type MockProfile = (typeof mockProfiles)[number];

/** The JSON configuration (`--config` file, `createMockApp` options), as a zod schema. */
export const mockConfigSchema = z.strictObject({
  /** @default '127.0.0.1' */
  host: nonEmptyText.default('127.0.0.1'),
  /** 0 picks a free port. @default 8787 */
  port: integer(0, 65_535).default(8787),
  top: z
    .strictObject({
      /** @default one app: 12345678 / test-secret / session test-session */
      apps: z
        .array(topAppSchema)
        .min(1, { message: 'must list at least one app' })
        .default(() => [
          {
            appKey: defaultTopAppKey,
            secret: defaultTopSecret,
            sessions: [{ session: defaultTopSession, seller: defaultSeller }],
          },
        ]),
    })
    .prefault({}),
  gateway: z
    .strictObject({
      /** @default one app: test-appid / test-secret / seller test-seller */
      apps: z
        .array(gatewayAppSchema)
        .min(1, { message: 'must list at least one app' })
        .default(() => [
          { appId: defaultGatewayAppId, secret: defaultGatewaySecret, sellers: [defaultSeller] },
        ]),
    })
    .prefault({}),
  /** `realistic` turns the per-recipient limits on (unless `limits.enabled` says otherwise). @default 'default' */
  profile: z.enum(mockProfiles, { error: 'must be default or realistic' }).default('default'),
  templates: z
    .strictObject({
      /**
       * Check every message against the lists below: unknown or unapproved signatures and templates, and
       * missing or extra variables, are refused in the platform's shape. Off: templates only render text.
       * @default false
       */
      registry: z.boolean({ error: 'must be true or false' }).default(false),
      signatures: z.array(signatureSchema).default(() => []),
      sms: z.array(smsTemplateSchema).default(() => []),
      qianniu: z.array(qianniuTemplateSchema).default(() => []),
    })
    .prefault({}),
  /** Per-recipient SMS limits (same app, signature and recipient), as Alibaba's SMS platform enforces them. */
  limits: z
    .strictObject({
      /** @default false, true with `profile: 'realistic'` */
      enabled: z.boolean({ error: 'must be true or false' }).optional(),
      /** Messages per 60 seconds. @default 1 */
      perMinute: integer(1, 1_000_000).default(1),
      /** Messages per 60 minutes. @default 5 */
      perHour: integer(1, 1_000_000).default(5),
      /** Messages per calendar day in GMT+8. @default 10 */
      perDay: integer(1, 1_000_000).default(10),
    })
    .prefault({}),
  /** TMC, the message service that carries delivery receipts (WebSocket and `taobao.tmc.*`). */
  tmc: z
    .strictObject({
      /**
       * Publish a delivery receipt on TMC for every accepted JST send, as the platform does for an app subscribed
       * to the receipt topic. Off, no receipt is published: an app that never subscribed, or a load test that
       * does not read them. @default true
       */
      receipts: z.boolean({ error: 'must be true or false' }).default(true),
      /** How long after an accepted JST send its receipt is published, in milliseconds. @default 1000 */
      receiptDelayMs: integer(0, 86_400_000).default(1000),
      /**
       * How long after a push (or a fail) an unconfirmed message comes back, in milliseconds.
       * @default 300000 (5 minutes, as the platform)
       */
      redeliveryIntervalMs: integer(1, 86_400_000).default(300_000),
    })
    .prefault({}),
  /** Answer the reserved recipients of the magic catalog (`GET /__mock/magic`) with their outcomes. @default true */
  magicValues: z.boolean({ error: 'must be true or false' }).default(true),
  /** Messages the inbox keeps (oldest dropped first). @default 10000 */
  inboxSize: integer(1, 1_000_000).default(10_000),
  /** Requests the journal keeps. @default 1000 */
  journalSize: integer(1, 100_000).default(1000),
  /** Largest request body read, in bytes; larger ones are answered 413 without being read. @default 1048576 */
  bodyLimitBytes: integer(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** Allowed clock difference for TOP and gateway timestamps. @default 600 (docs/protocol.md §1.2) */
  timestampToleranceSeconds: integer(0, 24 * 60 * 60).default(600),
});

/** The configuration as written (every field optional). */
export type MockConfigInput = z.input<typeof mockConfigSchema>;
/** The configuration with defaults applied. */
export type MockConfig = z.output<typeof mockConfigSchema>;
export type TopAppConfig = MockConfig['top']['apps'][number];
export type GatewayAppConfig = MockConfig['gateway']['apps'][number];
