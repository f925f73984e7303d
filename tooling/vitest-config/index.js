/**
 * @module Shared vitest project config. Each package's `vitest.config.ts` is one call to
 * `definePackageTest()`, and the root config runs them all as projects.
 * Plain JavaScript (typed by index.d.ts) because config files are loaded by Node itself, which cannot read
 * TypeScript inside node_modules.
 */
import { defineProject } from 'vitest/config';

/** Workspace packages export `src/` under this condition, so tests need no build first. */
export const sourceCondition = '@x/source';

// Vite replaces its default conditions when `conditions` is set, so the defaults are listed again.
const serverConditions = [sourceCondition, 'node', 'import', 'module', 'default'];

/** @type {import('./index.d.ts').definePackageTest} */
export function definePackageTest(name, overrides = {}) {
  return defineProject({
    resolve: { conditions: serverConditions },
    ssr: { resolve: { conditions: serverConditions, externalConditions: [sourceCondition] } },
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      ...overrides,
    },
  });
}
