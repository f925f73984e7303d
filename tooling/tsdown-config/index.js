/**
 * @module The shared build config: every published package builds with `definePackageBuild()` so that
 * output format, declarations and the publint + attw checks are the same everywhere.
 * Plain JavaScript (typed by index.d.ts) because config files are loaded by Node itself.
 */
import { defineConfig } from 'tsdown';

/** @type {import('./index.d.ts').definePackageBuild} */
export function definePackageBuild(options = {}) {
  return defineConfig({
    entry: options.entry ?? ['src/index.ts'],
    format: 'esm',
    platform: 'node',
    target: 'node22.12',
    dts: true,
    clean: true,
    sourcemap: true,
    publint: { level: 'warning', strict: true },
    // Packages ship ESM only; attw's "esm-only" profile does not flag the missing CommonJS entry.
    attw: { profile: 'esm-only', level: 'error' },
  });
}
