/**
 * What `/__mock/tmc` shows: the open connections, every group with its consumers and counters, and each
 * message's state in it (the oldest unconfirmed ones, then the latest confirmed). Ids are decimal strings
 * (they exceed 2^53), times ISO 8601 on the mock's clock. One namespace only with `app`.
 */

import type { TmcDelivery } from './group-queue.js';
import type { TmcMessageState } from './tmc-message.js';
import type { TmcService } from './tmc-service.js';
import type { TmcConnectionView } from './tmc-session.js';

/** Unconfirmed messages listed per group; the counts cover them all. */
export const listedPendingMessages = 500;

/** One message in one group, as `GET /__mock/tmc` lists it. */
export interface TmcMessageView {
  id: string;
  topic: string;
  state: TmcMessageState;
  attempts: number;
  publishedAt: string;
  lastPushedAt: string | null;
  confirmedAt: string | null;
  /** The consumer's words when it failed the message. */
  failReason: string | null;
  /** The connection holding it, or null. */
  heldBy: string | null;
  /** When it comes back if not confirmed, or null. */
  redeliverAt: string | null;
  content: string;
}

/** One group of one namespace: its consumers, counters and messages. */
export interface TmcGroupView {
  app: string;
  group: string;
  consumers: string[];
  published: number;
  confirmed: number;
  evicted: number;
  counts: Record<TmcMessageState, number>;
  messages: TmcMessageView[];
}

/** What `GET /__mock/tmc` (and `app.mock.tmc.view()`) returns. */
export interface TmcInspectionView {
  /** Whether accepted JST sends get a receipt (`tmc.receipts`). */
  receipts: boolean;
  redeliveryIntervalMs: number;
  receiptDelayMs: number;
  connections: Array<Omit<TmcConnectionView, 'connectedAt'> & { connectedAt: string | null }>;
  groups: TmcGroupView[];
}

/** The inspection view of `tmc`, of one namespace when `app` is given. */
export function inspectTmc(tmc: TmcService, app?: string): TmcInspectionView {
  const connections = tmc
    .sessions()
    .map((session) => session.view())
    .filter((view) => app === undefined || view.appKey === app)
    .map((view) => ({ ...view, connectedAt: isoOrNull(view.connectedAt) }));
  const groups: TmcGroupView[] = [];
  for (const group of tmc.broker.groups(app)) {
    const { pending, confirmed } = group.deliveries(listedPendingMessages);
    const counts = group.stateCounts();
    groups.push({
      app: group.namespace,
      group: group.name,
      consumers: group.consumerLabels(),
      ...group.statistics,
      counts,
      messages: [...pending, ...confirmed].map(messageView),
    });
  }
  return {
    receipts: tmc.receipts.enabled,
    redeliveryIntervalMs: tmc.broker.redeliveryIntervalMs,
    receiptDelayMs: tmc.receipts.delayMs,
    connections,
    groups,
  };
}

function messageView(delivery: TmcDelivery): TmcMessageView {
  const { message } = delivery;
  const due = Number.isFinite(delivery.dueAt) ? delivery.dueAt : null;
  return {
    id: message.id.toString(),
    topic: message.topic,
    state: delivery.state,
    attempts: delivery.attempts,
    publishedAt: new Date(message.publishedAt).toISOString(),
    lastPushedAt: isoOrNull(delivery.lastPushedAt),
    confirmedAt: isoOrNull(delivery.confirmedAt),
    failReason: delivery.failReason,
    heldBy: delivery.holder?.label ?? null,
    redeliverAt: isoOrNull(due),
    content: message.content,
  };
}

function isoOrNull(milliseconds: number | null): string | null {
  return milliseconds === null ? null : new Date(milliseconds).toISOString();
}
