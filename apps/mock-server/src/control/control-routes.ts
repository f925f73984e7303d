/**
 * The control half of `/__mock/`: the magic catalog, scripted faults, the TMC broker's state, the virtual
 * clock, per-recipient limits and a reset — what a test drives, as opposed to what it inspects. Plain
 * functions over the runtime (serve/ mounts them on Hono); not on the hot path.
 */
import { magicCatalog } from '../protocol/pipeline/magic/magic-document.js';
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import { receiptCatalog } from '../protocol/tmc/receipt-magic.js';
import { inspectTmc } from '../protocol/tmc/tmc-inspection.js';
import { clockRoutes } from './clock-routes.js';
import { type ControlRoute, ok, queryRoute } from './control-route.js';
import { faultRoutes } from './fault-routes.js';
import { namespaceOf, namespaceQuerySchema } from './inspection-queries.js';

/** The control routes, relative to `/__mock`. */
export function controlRoutes(runtime: MockRuntime): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: '/magic',
      readsBody: false,
      handle: () =>
        ok({
          ...magicCatalog(runtime.config.magicValues),
          receipts: receiptCatalog(runtime.config.magicValues),
        }),
    },
    ...faultRoutes(runtime),
    queryRoute('GET', '/tmc', namespaceQuerySchema, (query) =>
      ok(inspectTmc(runtime.tmc, namespaceOf(query))),
    ),
    ...clockRoutes(runtime),
    {
      method: 'GET',
      path: '/limits',
      readsBody: false,
      handle: () => {
        const { limiter } = runtime;
        const statistics = limiter?.statistics() ?? { recipients: 0, namespaces: {} };
        const limits = runtime.config.config.limits;
        return ok({
          enabled: limiter !== undefined,
          perMinute: limits.perMinute,
          perHour: limits.perHour,
          perDay: limits.perDay,
          ...statistics,
        });
      },
    },
    queryRoute('DELETE', '/limits', namespaceQuerySchema, (query) =>
      ok({ cleared: runtime.limiter?.clear(namespaceOf(query)) ?? 0 }),
    ),
    queryRoute('POST', '/reset', namespaceQuerySchema, (query) =>
      ok({ cleared: reset(runtime, namespaceOf(query)) }),
    ),
  ];
}

/** Clears one namespace, or everything (`app` undefined): then the shared clock goes back too. */
function reset(runtime: MockRuntime, app: string | undefined) {
  const inNamespace =
    app === undefined ? undefined : (item: { appKey: string | null }) => item.appKey === app;
  const cleared = {
    messages: runtime.inbox.clear(inNamespace),
    requests: runtime.journal.clear(inNamespace),
    faults:
      runtime.faults.clear(app === undefined ? {} : { app }) +
      runtime.tmc.faults.clear(app === undefined ? {} : { app }),
    limits: runtime.limiter?.clear(app) ?? 0,
    tmcMessages: runtime.tmc.broker.clear(app),
    // The clock is shared by every namespace: only a full reset puts it back.
    clock: app === undefined,
  };
  if (app === undefined) runtime.clock.reset();
  return cleared;
}
