/**
 * @module The three servers the mock-server benchmark compares, each started pinned to the server core:
 * the limit (bare node:http), our mock (its CLI, as users run it) and Prism mocking the same endpoint.
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverCore, spawnPinned, stopProcess, waitForUrl } from '../process-tools.js';

export interface RunningServer {
  label: string;
  origin: string;
  process: ChildProcess;
}

const require = createRequire(import.meta.url);
// tsx as an in-process loader (`--import`), not its CLI: the CLI runs the script in a child process, and the
// CPU time we read from /proc must be the server's own.
const tsxLoader = ['--import', pathToFileURL(require.resolve('tsx')).href, '--conditions=@x/source'];
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function started(
  label: string,
  child: ChildProcess,
  origin: string,
  probePath: string,
): Promise<RunningServer> {
  await waitForUrl(`${origin}${probePath}`);
  return { label, origin, process: child };
}

export function startPlainServer(port: number): Promise<RunningServer> {
  const script = fileURLToPath(new URL('./plain-server.ts', import.meta.url));
  const child = spawnPinned(serverCore, 'plain', process.execPath, [...tsxLoader, script, String(port)]);
  return started('plain node:http', child, `http://127.0.0.1:${port}`, '/');
}

/**
 * Our mock through its CLI, from source (never a stale build); transpiling happens once, at start-up.
 * `nodeFlags` go to Node before the script (the memory benchmark's inspector and heap sizes), `cliArguments`
 * to the CLI after `--port`.
 */
export function startMockServerProcess(
  port: number,
  nodeFlags: readonly string[] = [],
  cliArguments: readonly string[] = [],
): Promise<RunningServer> {
  const source = `${repositoryRoot}apps/mock-server/src/cli.ts`;
  const child = spawnPinned(serverCore, 'mock', process.execPath, [
    ...nodeFlags,
    ...tsxLoader,
    source,
    '--port',
    String(port),
    ...cliArguments,
  ]);
  return started('@x/mock-server', child, `http://127.0.0.1:${port}`, '/__mock/health');
}

/**
 * Starts every server, or none: when one fails to start, those that did are stopped before the error is
 * thrown, so an interrupted run leaves no server holding a port for the next one.
 */
export async function startAll<const Starts extends readonly Promise<RunningServer>[]>(
  starts: Starts,
): Promise<{ -readonly [Index in keyof Starts]: RunningServer }> {
  const settled = await Promise.allSettled(starts);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure === undefined)
    return settled.map((result) => (result as PromiseFulfilledResult<RunningServer>).value) as {
      -readonly [Index in keyof Starts]: RunningServer;
    };
  await Promise.all(
    settled.flatMap((result) => (result.status === 'fulfilled' ? [stopProcess(result.value.process)] : [])),
  );
  throw failure.reason;
}

export function startPrism(port: number): Promise<RunningServer> {
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const spec = fileURLToPath(new URL('../../openapi/jst-sms-send.yaml', import.meta.url));
  const child = spawnPinned(serverCore, 'prism', process.execPath, [
    prismCli,
    'mock',
    spec,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
  ]);
  return started('Prism 5.14.2', child, `http://127.0.0.1:${port}`, '/router/rest');
}
