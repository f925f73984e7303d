/**
 * Every route of the `/__mock` API, framework-free: what a test inspects, then what it drives. An adapter
 * mounts them in this order under `/__mock` (serve/hono-control-app.ts for Hono).
 */
import type { MockRuntime } from '../protocol/runtime/mock-runtime.js';
import type { ControlRoute } from './control-route.js';
import { controlRoutes } from './control-routes.js';
import { inspectionRoutes } from './inspection-routes.js';

/** The `/__mock` routes over one runtime, paths relative to `/__mock`. */
export function mockApiRoutes(runtime: MockRuntime): ControlRoute[] {
  return [...inspectionRoutes(runtime), ...controlRoutes(runtime)];
}
