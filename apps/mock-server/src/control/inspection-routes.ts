/**
 * @module The inspection half of `/__mock/` (as WireMock's `/__admin/`): what the mock recorded and why it
 * answered as it did. Not on the hot path, so plain handlers with zod-validated queries; serve/ mounts them.
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { mockServerVersion } from '../version.js';
import { type ControlRoute, ok, type ProblemWording, queryRoute } from './control-route.js';
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
    queryRoute(
      'GET',
      '/messages',
      messageQuerySchema,
      (query) => {
        const messages = take(runtime.inbox.newestFirst(), messageFilter(query), query.limit);
        return ok({ count: messages.length, messages });
      },
      filterProblems,
    ),
    queryRoute(
      'DELETE',
      '/messages',
      namespaceQuerySchema,
      (query) => ok({ cleared: runtime.inbox.clear(namespaceFilter(query)) }),
      filterProblems,
    ),
    queryRoute(
      'GET',
      '/requests',
      requestQuerySchema,
      (query) => {
        const requests = take(runtime.journal.newestFirst(), requestFilter(query), query.limit);
        return ok({ count: requests.length, requests });
      },
      filterProblems,
    ),
    queryRoute(
      'DELETE',
      '/requests',
      namespaceQuerySchema,
      (query) => ok({ cleared: runtime.journal.clear(namespaceFilter(query)) }),
      filterProblems,
    ),
  ];
}

/** The inspection API's wording: a misspelt filter by its name, any other issue as `path: message`. */
const filterProblems: ProblemWording = (issues) =>
  issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown filter: ${issue.keys.join(', ')}`
      : `${issue.path.join('.')}: ${issue.message}`,
  );

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
