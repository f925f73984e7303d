import { createTopCaller, type FetchFunction, type TopCaller } from '@x/core';
import { parseTopTimestamp } from '@x/signing';
import { z } from 'zod';
import { aborted, backoffDelay, pause } from './backoff.js';
import { OptionIssues, resolveCommonOptions, type TmcCommonOptions } from './consumer-options.js';
import { consumerShell, type TmcConsumer } from './consumer-shell.js';
import { emitter, type TmcEventListener } from './events.js';
import { exactIntegerFetch } from './exact-integers.js';
import type { TmcMessage } from './message.js';
import { TopicRouter } from './topic-router.js';

/** Options of {@link createTmcHttpConsumer}. */
export interface TmcHttpConsumerOptions extends TmcCommonOptions {
  /**
   * The TOP gateway URL, e.g. `http://127.0.0.1:8787/router/rest` for `@x/mock-server`.
   * @default 'https://eco.taobao.com/router/rest'
   */
  readonly baseUrl?: string | undefined;
  /**
   * How many messages to ask for per call (`quantity`), 10 to 200.
   * @default 100
   */
  readonly quantity?: number | undefined;
  /**
   * How long to wait after a call that returned no messages, in milliseconds.
   * @default 1000
   */
  readonly idleDelay?: number | undefined;
  /** Per-call timeout in milliseconds. @default 15000 */
  readonly timeout?: number | undefined;
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: FetchFunction | undefined;
}

const api = 'TMC HTTP consumer';
const consumeMethod = 'taobao.tmc.messages.consume';
const confirmMethod = 'taobao.tmc.messages.confirm';
/** `s_message_ids` takes at most 200 ids. */
const confirmBatch = 200;

const int64Text = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).transform(String);
const wireMessage = z.object({
  id: int64Text,
  topic: z.string(),
  content: z.string(),
  pub_time: z.string().optional(),
  pub_app_key: z.union([z.string(), z.number()]).transform(String).optional(),
  user_id: int64Text.optional(),
  user_nick: z.string().optional(),
});
// TOP's JSON wraps a list in an object named after its item type; a bare array is accepted too.
const consumeResponse = z.object({
  messages: z
    .union([z.array(wireMessage), z.object({ tmc_message: z.array(wireMessage).optional() })])
    .optional(),
});
const confirmResponse = z.object({ is_success: z.boolean().optional() });

/**
 * Creates a consumer that pulls over HTTP (`taobao.tmc.messages.consume`) and confirms the messages its
 * handlers accepted (`taobao.tmc.messages.confirm`), for hosts that cannot hold a WebSocket open. Same
 * handlers and guarantees as {@link createTmcConsumer}, except that a failed message is simply left
 * unconfirmed (it comes back the same way).
 *
 * @throws {ValidationError} naming the first invalid option.
 */
export function createTmcHttpConsumer(options: TmcHttpConsumerOptions): TmcConsumer {
  const issues = new OptionIssues(api);
  const common = resolveCommonOptions(options, issues);
  issues
    .integer('quantity', options.quantity, 10, 200)
    .milliseconds('idleDelay', options.idleDelay)
    .milliseconds('timeout', options.timeout)
    .callable('fetch', options.fetch);
  if (options.baseUrl !== undefined) issues.url('baseUrl', options.baseUrl, ['http:', 'https:']);
  issues.done();
  const caller = createTopCaller({
    appKey: common.appKey,
    appSecret: common.appSecret,
    baseUrl: options.baseUrl,
    timeout: options.timeout,
    fetch: exactIntegerFetch(options.fetch ?? ((input, init) => fetch(input, init))),
  });
  const router = new TopicRouter(api, common.confirmUnhandled);
  const emit = emitter(options.onEvent);
  const quantity = options.quantity ?? 100;
  const idleDelay = options.idleDelay ?? 1_000;
  return consumerShell(router, async (signal) => {
    let failures = 0;
    emit({ type: 'connected' });
    while (!aborted(signal)) {
      let messages: readonly TmcMessage[];
      try {
        messages = await consume(caller, common.groupName, quantity);
        failures = 0;
      } catch (error) {
        emit({ type: 'poll-failed', error });
        const delayMs = backoffDelay(failures, common.reconnect, common.random);
        failures += 1;
        emit({ type: 'reconnecting', attempt: failures, delayMs });
        await pause(delayMs, signal);
        continue;
      }
      if (messages.length === 0) {
        await pause(idleDelay, signal);
        continue;
      }
      const handled: string[] = [];
      for (const message of messages) {
        if (aborted(signal)) break;
        const outcome = await router.handle(message);
        if (outcome.confirm) handled.push(message.id);
        else
          emit({
            type: 'message-failed',
            messageId: message.id,
            topic: message.topic,
            error: outcome.error,
          });
      }
      await confirm(caller, common.groupName, handled, emit);
    }
  });
}

async function consume(caller: TopCaller, groupName: string, quantity: number): Promise<TmcMessage[]> {
  const { payload } = await caller.call({
    method: consumeMethod,
    params: { group_name: groupName, quantity },
    response: consumeResponse,
  });
  const list = Array.isArray(payload.messages) ? payload.messages : (payload.messages?.tmc_message ?? []);
  return list.map((wire) => ({
    id: wire.id,
    topic: wire.topic,
    content: wire.content,
    time: publishTime(wire.pub_time),
    publisher: wire.pub_app_key,
    nick: wire.user_nick,
    userid: wire.user_id,
  }));
}

async function confirm(
  caller: TopCaller,
  groupName: string,
  ids: readonly string[],
  emit: TmcEventListener,
): Promise<void> {
  for (let start = 0; start < ids.length; start += confirmBatch) {
    const batch = ids.slice(start, start + confirmBatch);
    try {
      await caller.call({
        method: confirmMethod,
        params: { group_name: groupName, s_message_ids: batch.join(',') },
        response: confirmResponse,
      });
    } catch (error) {
      emit({ type: 'confirm-failed', messageIds: batch, error });
    }
  }
}

function publishTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  try {
    return parseTopTimestamp(text);
  } catch {
    return undefined;
  }
}
