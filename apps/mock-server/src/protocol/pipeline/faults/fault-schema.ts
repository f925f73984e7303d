/**
 * What `POST /__mock/faults` accepts: one fault or a list, each `{ kind, match?, times?, delayMs?, …}`.
 * Validated with zod so that a typo is a 400 naming the field, never a fault that silently never fires.
 */
import { z } from 'zod';
import { integer, nonEmptyText } from '../../../config/input-rules.js';
import { magicOutcomeNames } from '../magic/magic-catalog.js';

const oneOrMore = z.union([nonEmptyText, z.array(nonEmptyText).min(1, { message: 'must not be empty' })], {
  error: 'must be a string or a list of strings',
});

/** The names `match.api` accepts: the TOP method, the gateway path, or the inbox's platform name. */
export const faultApiNames = [
  'taobao.jst.sms.message.send',
  'taobao.tpn.template.message.send',
  '/gateway/taobao/jst/sms/tid/send',
  '/gateway/dd/sms/send',
  'taobao-jst',
  'qianniu-tpn',
  'taobao-tid',
  'doudian-sms',
] as const;

const matchSchema = z
  .strictObject({
    /** A TOP method, a gateway path, or a platform (`taobao-jst` …). */
    api: z.enum(faultApiNames, { error: `must be one of ${faultApiNames.join(', ')}` }).optional(),
    /** The app key / appid (namespace). */
    app: nonEmptyText.optional(),
    /** Any of the call's recipients (phone, order id, ciphertext, Qianniu user id). */
    recipient: oneOrMore.optional(),
    /** Any of the call's templates (`template_code`, Douyin `template_id`, TPN `template_key` or `template_id`). */
    template: oneOrMore.optional(),
  })
  .prefault({});

const common = {
  match: matchSchema,
  /** How many matching calls it applies to. @default 1 */
  times: integer(1, 1_000_000).default(1),
  /** Wait this long before the answer (or the drop). */
  delayMs: integer(0, 600_000).optional(),
};

export const faultSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({
        kind: z.literal('error'),
        ...common,
        code: integer(-2_147_483_648, 2_147_483_647),
        /** TOP `msg` … */
        msg: nonEmptyText.optional(),
        /** … or gateway `message` (either name works for both). */
        message: nonEmptyText.optional(),
        sub_code: nonEmptyText.optional(),
        sub_msg: nonEmptyText.optional(),
      })
      .refine((fault) => fault.msg !== undefined || fault.message !== undefined, {
        message: 'needs msg (TOP) or message (gateway)',
        path: ['msg'],
      }),
    z.strictObject({
      kind: z.literal('item-failure'),
      ...common,
      /** Gateway item `code`; JST `request_code`. @default 1 */
      code: z
        .union([integer(-2_147_483_648, 2_147_483_647), nonEmptyText], {
          error: 'must be a number or a string',
        })
        .default(1),
      /** Gateway item `message`; JST `message`; TPN `error_msg`. */
      message: nonEmptyText,
    }),
    z.strictObject({ kind: z.literal('delay'), ...common, delayMs: integer(1, 600_000) }),
    z.strictObject({
      kind: z.literal('drop'),
      ...common,
      when: z.enum(['before-recording', 'after-recording'], {
        error: 'must be before-recording or after-recording',
      }),
    }),
    z.strictObject({
      kind: z.literal('malformed-body'),
      ...common,
      /** Whether the call is processed (recorded) before the broken answer. @default true */
      recorded: z.boolean({ error: 'must be true or false' }).default(true),
    }),
    z.strictObject({
      kind: z.literal('proxy-error'),
      ...common,
      /** @default 502 */
      status: integer(500, 599).default(502),
      /** Whether the platform processed (recorded) the call before the proxy failed. @default false */
      recorded: z.boolean({ error: 'must be true or false' }).default(false),
    }),
    z.strictObject({
      kind: z.literal('outcome'),
      ...common,
      /** A magic-value outcome, answered in the shape of the API the call reached. */
      outcome: z.enum(magicOutcomeNames, { error: `must be one of ${magicOutcomeNames.join(', ')}` }),
      /** `YY`: seconds (app-call-limited, slow-answer) or the status minus 500 (proxy-error). @default 0 */
      parameter: integer(0, 99).default(0),
    }),
  ],
  { error: 'kind must be one of error, item-failure, delay, drop, malformed-body, proxy-error, outcome' },
);

/** A scripted fault as `POST /__mock/faults` takes it (one, or an array). */
export type FaultInput = z.input<typeof faultSchema>;
export type FaultSpec = z.output<typeof faultSchema>;
