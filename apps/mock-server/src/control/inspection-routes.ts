/**
 * @module The inspection half of `/__mock/` (as WireMock's `/__admin/`): what the mock recorded and why it
 * answered as it did. Not on the hot path, so plain handlers with zod-validated queries; serve/ mounts them.
 */
import type { z } from 'zod';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { mockServerVersion } from '../version.js';
import type { ControlRoute, Invalid, JsonAnswer } from './control-route.js';
import { ok } from './control-route.js';
import {
  messageFilter,
  messageQuerySchema,
  namespaceFilter,
  namespaceQuerySchema,
  requestFilter,
  requestQuerySchema,
} from './inspection-queries.js';
import { maskedConfig } from './masked-config.js';

/** The inspection routes, relative to `/__mock`. */
export function inspectionRoutes(runtime: MockRuntime): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: '/health',
      readsBody: false,
      handle: () =>
        ok({
          status: 'ok',
          version: mockServerVersion,
          uptimeSeconds: Math.round((Date.now() - runtime.startedAt) / 1000),
          now: new Date(runtime.clock.now()).toISOString(),
          messages: runtime.inbox.statistics,
          requests: runtime.journal.statistics,
        }),
    },
    {
      method: 'GET',
      path: '/config',
      readsBody: false,
      handle: () => ok(maskedConfig(runtime.config.config)),
    },
    {
      method: 'GET',
      path: '/messages',
      readsBody: false,
      handle: (input) => {
        const query = parseQuery(messageQuerySchema, input.query);
        if (!query.ok) return query.answer;
        const messages = take(runtime.inbox.newestFirst(), messageFilter(query.value), query.value.limit);
        return ok({ count: messages.length, messages });
      },
    },
    {
      method: 'DELETE',
      path: '/messages',
      readsBody: false,
      handle: (input) => {
        const query = parseQuery(namespaceQuerySchema, input.query);
        if (!query.ok) return query.answer;
        return ok({ cleared: runtime.inbox.clear(namespaceFilter(query.value)) });
      },
    },
    {
      method: 'GET',
      path: '/requests',
      readsBody: false,
      handle: (input) => {
        const query = parseQuery(requestQuerySchema, input.query);
        if (!query.ok) return query.answer;
        const requests = take(runtime.journal.newestFirst(), requestFilter(query.value), query.value.limit);
        return ok({ count: requests.length, requests });
      },
    },
    {
      method: 'DELETE',
      path: '/requests',
      readsBody: false,
      handle: (input) => {
        const query = parseQuery(namespaceQuerySchema, input.query);
        if (!query.ok) return query.answer;
        return ok({ cleared: runtime.journal.clear(namespaceFilter(query.value)) });
      },
    },
  ];
}

type Parsed<Output> = { ok: true; value: Output } | { ok: false; answer: JsonAnswer };

/** The query, or a 400 naming each bad filter (a misspelt one by its name). */
function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  query: Readonly<Record<string, string>>,
): Parsed<z.output<Schema>> {
  const result = schema.safeParse(query);
  if (result.success) return { ok: true, value: result.data };
  const error: Invalid = {
    error: 'invalid query',
    problems: result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown filter: ${issue.keys.join(', ')}`
        : `${issue.path.join('.')}: ${issue.message}`,
    ),
  };
  return { ok: false, answer: { status: 400, body: error } };
}

function take<Entry>(
  entries: Iterable<Entry>,
  keep: (entry: Entry) => boolean,
  limit: number | undefined,
): Entry[] {
  const kept: Entry[] = [];
  for (const entry of entries) {
    if (!keep(entry)) continue;
    kept.push(entry);
    if (limit !== undefined && kept.length >= limit) break;
  }
  return kept;
}
