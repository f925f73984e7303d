import { ValidationError, type ValidationIssue } from '@x/core';
import type { ReconnectOptions } from './backoff.js';
import type { TmcEventListener } from './events.js';

/** Options both consumers take. */
export interface TmcCommonOptions {
  /** The app key (`app_key`). */
  readonly appKey: string;
  /** The app secret. Used to sign; never sent, logged or put in an error. */
  readonly appSecret: string;
  /**
   * The consumer group: consumers of one group share its messages.
   * @default 'default'
   */
  readonly groupName?: string | undefined;
  /**
   * Confirm messages of topics that have no handler instead of failing them (failed ones come back).
   * @default false
   */
  readonly confirmUnhandled?: boolean | undefined;
  /** Spacing of reconnects and of polls after an error. */
  readonly reconnect?: ReconnectOptions | undefined;
  /** The random source of the backoff jitter, in [0, 1). @default Math.random */
  readonly random?: (() => number) | undefined;
  /** Receives what happens (connects, drops, failed handlers) for logging; see {@link TmcEventListener}. */
  readonly onEvent?: TmcEventListener | undefined;
}

/** The common options with defaults filled in. */
export interface ResolvedCommonOptions {
  readonly appKey: string;
  readonly appSecret: string;
  readonly groupName: string;
  readonly confirmUnhandled: boolean;
  readonly reconnect: { readonly initialDelay: number; readonly maxDelay: number };
  readonly random: () => number;
}

// setTimeout's ceiling: a longer delay fires at once.
const maximumDelay = 2_147_483_647;

/** Collects option problems and throws them as one ValidationError naming the first field. */
export class OptionIssues {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly api: string) {}

  /** A required non-empty string. */
  text(field: string, value: unknown): this {
    if (typeof value !== 'string' || value.trim() === '')
      this.issues.push({ field, reason: 'is required and must be a non-empty string' });
    return this;
  }

  /** A positive integer of milliseconds (or absent). */
  milliseconds(field: string, value: unknown): this {
    if (
      value !== undefined &&
      (!Number.isInteger(value) || (value as number) <= 0 || (value as number) > maximumDelay)
    )
      this.issues.push({ field, reason: 'must be a positive integer of milliseconds' });
    return this;
  }

  /** An integer in a range (or absent). */
  integer(field: string, value: unknown, min: number, max: number): this {
    if (
      value !== undefined &&
      (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    )
      this.issues.push({ field, reason: `must be an integer from ${min} to ${max}` });
    return this;
  }

  /** A URL with one of the given protocols. */
  url(field: string, value: unknown, protocols: readonly string[]): this {
    let valid = false;
    try {
      valid = typeof value === 'string' && protocols.includes(new URL(value).protocol);
    } catch {
      valid = false;
    }
    if (!valid) this.issues.push({ field, reason: `must be a ${protocols.join(' or ')} URL` });
    return this;
  }

  /** A function (or absent). */
  callable(field: string, value: unknown): this {
    if (value !== undefined && typeof value !== 'function')
      this.issues.push({ field, reason: 'must be a function' });
    return this;
  }

  /** Records a problem found elsewhere. */
  add(field: string, reason: string): this {
    this.issues.push({ field, reason });
    return this;
  }

  /** Throws if any check failed. */
  done(): void {
    const [first] = this.issues;
    if (first !== undefined)
      throw new ValidationError({
        api: this.api,
        field: first.field,
        reason: first.reason,
        issues: this.issues,
      });
  }
}

/** Checks the common options and fills in their defaults. */
export function resolveCommonOptions(options: TmcCommonOptions, issues: OptionIssues): ResolvedCommonOptions {
  const groupName = options.groupName ?? 'default';
  const initialDelay = options.reconnect?.initialDelay ?? 3_000;
  const maxDelay = options.reconnect?.maxDelay ?? 60_000;
  issues
    .text('appKey', options.appKey)
    .text('appSecret', options.appSecret)
    .text('groupName', groupName)
    .milliseconds('reconnect.initialDelay', options.reconnect?.initialDelay)
    .milliseconds('reconnect.maxDelay', options.reconnect?.maxDelay)
    .callable('random', options.random)
    .callable('onEvent', options.onEvent);
  if (typeof groupName === 'string' && groupName.length > 32)
    issues.add('groupName', 'must be at most 32 characters');
  if (initialDelay > maxDelay) issues.add('reconnect.initialDelay', 'must not exceed reconnect.maxDelay');
  return {
    appKey: options.appKey,
    appSecret: options.appSecret,
    groupName,
    confirmUnhandled: options.confirmUnhandled === true,
    reconnect: { initialDelay, maxDelay },
    random: options.random ?? Math.random,
  };
}
