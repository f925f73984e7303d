/**
 * The query strings the inspection API understands, validated with zod: a misspelt filter is a 400 naming it,
 * not a silently unfiltered list.
 */
import { z } from 'zod';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';
import { instantToIso } from './instant.js';
import { refuseConflictingNamespaces } from './namespace-conflicts.js';

const instant = z.string().transform((text, context) => {
  const iso = instantToIso(text);
  if (iso === undefined) {
    context.addIssue({ code: 'custom', message: 'must be an ISO 8601 time or epoch milliseconds' });
    return z.NEVER;
  }
  return iso;
});

const limit = z.coerce.number().int().min(1, { message: 'must be a positive integer' }).optional();

/** `app`, `app_key` and `appid` are the same filter: the TOP app key or the gateway appid. */
export const namespaceFields = {
  app: z.string().min(1).optional(),
  app_key: z.string().min(1).optional(),
  appid: z.string().min(1).optional(),
};

export const messagePlatforms = ['taobao-jst', 'qianniu-tpn', 'taobao-tid', 'doudian-sms'] as const;

export const messageQuerySchema = z
  .strictObject({
    platform: z.enum(messagePlatforms).optional(),
    recipient: z.string().min(1).optional(),
    template: z.string().min(1).optional(),
    seller: z.string().min(1).optional(),
    since: instant.optional(),
    until: instant.optional(),
    limit,
    ...namespaceFields,
  })
  .superRefine(refuseConflictingNamespaces);

export const namespaceQuerySchema = z.strictObject(namespaceFields).superRefine(refuseConflictingNamespaces);

export const requestQuerySchema = z
  .strictObject({
    outcome: z.enum(['accepted', 'rejected']).optional(),
    protocol: z.enum(['top', 'gateway']).optional(),
    api: z.string().min(1).optional(),
    since: instant.optional(),
    until: instant.optional(),
    limit,
    ...namespaceFields,
  })
  .superRefine(refuseConflictingNamespaces);

/** The namespace a query names under any of its three spellings, or undefined for all. */
export function namespaceOf(query: { app?: string; app_key?: string; appid?: string }): string | undefined {
  return query.app ?? query.app_key ?? query.appid;
}

export function messageFilter(
  query: z.output<typeof messageQuerySchema>,
): (message: RecordedMessage) => boolean {
  const namespace = namespaceOf(query);
  return (message) =>
    (query.platform === undefined || message.platform === query.platform) &&
    (query.recipient === undefined || message.recipient === query.recipient) &&
    (query.template === undefined ||
      message.template === query.template ||
      message.details.template_id === query.template) &&
    (query.seller === undefined || message.seller === query.seller) &&
    (namespace === undefined || message.appKey === namespace) &&
    (query.since === undefined || message.receivedAt >= query.since) &&
    (query.until === undefined || message.receivedAt <= query.until);
}

export function requestFilter(query: z.output<typeof requestQuerySchema>): (entry: JournalEntry) => boolean {
  const namespace = namespaceOf(query);
  return (entry) =>
    (query.outcome === undefined || entry.verdict.outcome === query.outcome) &&
    (query.protocol === undefined || entry.protocol === query.protocol) &&
    (query.api === undefined || entry.api === query.api) &&
    (namespace === undefined || entry.appKey === namespace) &&
    (query.since === undefined || entry.receivedAt >= query.since) &&
    (query.until === undefined || entry.receivedAt <= query.until);
}

/** The namespace a DELETE clears, or undefined for all. */
export function namespaceFilter(
  query: z.output<typeof namespaceQuerySchema>,
): ((item: { appKey: string | null }) => boolean) | undefined {
  const namespace = namespaceOf(query);
  return namespace === undefined ? undefined : (item) => item.appKey === namespace;
}
