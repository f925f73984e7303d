/** Reads a `--config` JSON file and validates it; every failure names the file and the bad field. */
import { readFile } from 'node:fs/promises';
import { MockConfigError } from './config-error.js';
import type { MockConfigInput } from './config-schema.js';
import { jsonSyntaxProblem } from './json-syntax-error.js';
import { resolveConfig } from './resolve-config.js';

/** Reads and validates a JSON config file; throws `MockConfigError` naming the file and every bad field. */
export async function loadConfigFile(path: string): Promise<MockConfigInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MockConfigError(path, [`cannot read the file: ${(error as Error).message}`], { cause: error });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const problem = jsonSyntaxProblem(text);
    const where = problem === undefined ? '' : ` at line ${problem.line}, column ${problem.column}`;
    const why = problem?.description ?? (error as Error).message;
    throw new MockConfigError(path, [`not valid JSON${where}: ${why}`], { cause: error });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MockConfigError(path, ['(root): must be a JSON object']);
  }
  // Validate now, so the error names the file; the caller validates again when it builds the runtime.
  resolveConfig(input as MockConfigInput, path);
  return input as MockConfigInput;
}
