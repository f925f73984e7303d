/**
 * Recorded fixtures: each package keeps its own in `src/__fixtures__/`, next to the tests that read them.
 */
import { readFileSync } from 'node:fs';

/**
 * A reader of the fixtures next to a test file: `__fixtures__/<name>` beside `testFileUrl`, as text.
 * @example const fixture = fixtureReader(import.meta.url); fixture('tid-send-seed.json');
 */
export function fixtureReader(testFileUrl: string): (name: string) => string {
  return (name) => readFileSync(new URL(`./__fixtures__/${name}`, testFileUrl), 'utf8');
}
