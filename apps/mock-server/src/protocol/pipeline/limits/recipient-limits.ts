/**
 * Per-recipient SMS limits, as Alibaba's SMS platform enforces them (docs/protocol.md §3): per app, signature and
 * recipient, at most `perMinute` in any 60 seconds, `perHour` in any 60 minutes and `perDay` in one calendar
 * day in GMT+8 (the day resets at midnight in China, not 24 hours after the first message). Only messages that
 * are recorded count. Off by default; on with `profile: 'realistic'` or `limits.enabled`.
 *
 * The app key is part of the key, unlike on the platform, so parallel tests in their own namespaces never
 * share a counter.
 */
import type { RecipientLimits } from '../../../config/resolve-config.js';
import { gatewayLimitFailure, type LimitWindow, topLimitError } from '../../errors/call-errors.js';
import type { MessageFailure, SendInterceptor } from '../call/send-call.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const gmt8Offset = 8 * hour;
/** Bounds memory under any load: the least recently added keys go first. */
const maxTrackedRecipients = 100_000;

/** The GMT+8 calendar day of an instant, as a day number. */
function chinaDay(instant: number): number {
  return Math.floor((instant + gmt8Offset) / day);
}

export class RecipientLimiter {
  readonly limits: RecipientLimits;
  /** app key → (signature + recipient) → send times, oldest first. */
  readonly #sends = new Map<string, Map<string, number[]>>();
  #tracked = 0;

  constructor(limits: RecipientLimits) {
    this.limits = limits;
  }

  /**
   * Counts one message at `now` if the limits allow it; otherwise returns the window it would break (and
   * counts nothing).
   */
  admit(app: string, signName: string, recipient: string, now: number): LimitWindow | undefined {
    let namespace = this.#sends.get(app);
    if (namespace === undefined) {
      namespace = new Map();
      this.#sends.set(app, namespace);
    }
    const key = `${signName}\u0000${recipient}`;
    let times = namespace.get(key);
    if (times !== undefined) {
      // Forget what no window can see any more (before today and more than an hour ago).
      const today = chinaDay(now);
      let stale = 0;
      while (stale < times.length) {
        const time = times[stale] as number;
        if (chinaDay(time) >= today || time > now - hour) break;
        stale++;
      }
      if (stale > 0) times.splice(0, stale);
      const breach = this.#breach(times, now, today);
      if (breach !== undefined) return breach;
    } else {
      times = [];
      namespace.set(key, times);
      if (++this.#tracked > maxTrackedRecipients) this.#evictOne();
    }
    times.push(now);
    return undefined;
  }

  #breach(times: readonly number[], now: number, today: number): LimitWindow | undefined {
    let inMinute = 0;
    let inHour = 0;
    let inDay = 0;
    for (const time of times) {
      // A send "after" now (the clock was moved back) has not happened yet.
      if (time > now) continue;
      if (time > now - minute) inMinute++;
      if (time > now - hour) inHour++;
      if (chinaDay(time) === today) inDay++;
    }
    if (inMinute >= this.limits.perMinute) return 'minute';
    if (inHour >= this.limits.perHour) return 'hour';
    if (inDay >= this.limits.perDay) return 'day';
    return undefined;
  }

  #evictOne(): void {
    for (const [app, namespace] of this.#sends) {
      for (const key of namespace.keys()) {
        namespace.delete(key);
        this.#tracked--;
        if (namespace.size === 0) this.#sends.delete(app);
        return;
      }
    }
  }

  /** Forgets every count, or one namespace's. Returns how many recipients were forgotten. */
  clear(app?: string): number {
    if (app === undefined) {
      const forgotten = this.#tracked;
      this.#sends.clear();
      this.#tracked = 0;
      return forgotten;
    }
    const forgotten = this.#sends.get(app)?.size ?? 0;
    this.#sends.delete(app);
    this.#tracked -= forgotten;
    return forgotten;
  }

  /** For `GET /__mock/limits`: recipients tracked per namespace. */
  statistics(): { recipients: number; namespaces: Record<string, number> } {
    const namespaces: Record<string, number> = {};
    for (const [app, namespace] of this.#sends) namespaces[app] = namespace.size;
    return { recipients: this.#tracked, namespaces };
  }
}

/** The interceptor: SMS APIs only (a Qianniu message is no SMS). Installed only when limits are on. */
export function createLimitInterceptor(limiter: RecipientLimiter): SendInterceptor {
  return {
    name: 'recipient limits',
    intercept(call, context) {
      if (call.platform === 'qianniu-tpn') return undefined;
      let failures: Map<number, MessageFailure> | undefined;
      const { messages } = call;
      for (let index = 0; index < messages.length; index++) {
        if (!context.willRecord(index)) continue;
        const message = messages[index] as (typeof messages)[number];
        const breach = limiter.admit(call.appKey, message.signName ?? '', message.recipient, call.receivedAt);
        if (breach === undefined) continue;
        if (call.protocol === 'top') {
          return {
            reject: topLimitError(breach, permitsOf(breach, limiter.limits)),
            reason: `per-recipient limit: more than ${permitsOf(breach, limiter.limits)} per ${breach} for this signature and recipient`,
          };
        }
        failures ??= new Map();
        failures.set(index, gatewayLimitFailure(breach));
      }
      return failures === undefined ? undefined : { failMessages: failures };
    },
  };
}

function permitsOf(window: LimitWindow, limits: RecipientLimits): number {
  return window === 'minute' ? limits.perMinute : window === 'hour' ? limits.perHour : limits.perDay;
}
