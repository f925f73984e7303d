/**
 * @module The inspection API under `/__mock/` (as WireMock's `/__admin/`): what the mock recorded and why it
 * answered as it did. Not on the hot path, so plain Hono JSON handlers with zod-validated queries.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { mockServerVersion } from '../version.js';
import { addControlRoutes } from './control-routes.js';
import {
  messageFilter,
  messageQuerySchema,
  namespaceFilter,
  namespaceQuerySchema,
  requestFilter,
  requestQuerySchema,
} from './inspection-queries.js';
import { maskedConfig } from './masked-config.js';
import type { MockEnv } from './mock-env.js';

export function createInspectionApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  app.get('/health', (c) =>
    c.json({
      status: 'ok',
      version: mockServerVersion,
      uptimeSeconds: Math.round((Date.now() - runtime.startedAt) / 1000),
      now: new Date(runtime.clock.now()).toISOString(),
      messages: runtime.inbox.statistics,
      requests: runtime.journal.statistics,
    }),
  );

  app.get('/config', (c) => c.json(maskedConfig(runtime.config.config)));

  app.get('/messages', (c) => {
    const query = parseQuery(messageQuerySchema, c.req.query());
    if (!query.ok) return c.json(query.error, 400);
    const messages = take(runtime.inbox.newestFirst(), messageFilter(query.value), query.value.limit);
    return c.json({ count: messages.length, messages });
  });

  app.delete('/messages', (c) => {
    const query = parseQuery(namespaceQuerySchema, c.req.query());
    if (!query.ok) return c.json(query.error, 400);
    return c.json({ cleared: runtime.inbox.clear(namespaceFilter(query.value)) });
  });

  app.get('/requests', (c) => {
    const query = parseQuery(requestQuerySchema, c.req.query());
    if (!query.ok) return c.json(query.error, 400);
    const requests = take(runtime.journal.newestFirst(), requestFilter(query.value), query.value.limit);
    return c.json({ count: requests.length, requests });
  });

  app.delete('/requests', (c) => {
    const query = parseQuery(namespaceQuerySchema, c.req.query());
    if (!query.ok) return c.json(query.error, 400);
    return c.json({ cleared: runtime.journal.clear(namespaceFilter(query.value)) });
  });

  addControlRoutes(app, runtime);
  return app;
}

type Parsed<Output> =
  | { ok: true; value: Output }
  | { ok: false; error: { error: string; problems: string[] } };

function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  query: Record<string, string>,
): Parsed<z.output<Schema>> {
  const result = schema.safeParse(query);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: {
      error: 'invalid query',
      problems: result.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown filter: ${issue.keys.join(', ')}`
          : `${issue.path.join('.')}: ${issue.message}`,
      ),
    },
  };
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
