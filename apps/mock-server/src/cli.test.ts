/** The CLI as users run it: a child process, from source through tsx. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonOf } from './test-support/signed-requests.js';

const require = createRequire(import.meta.url);
const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const nodeArguments = [
  '--import',
  pathToFileURL(require.resolve('tsx')).href,
  '--conditions=@x/source',
  cliPath,
];

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [...nodeArguments, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** The URL the CLI prints once it listens, read as its output arrives (no polling); fails if it exits first. */
function listeningUrl(running: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(running.stdout());
      if (!match?.[1]) return false;
      running.child.stdout?.off('data', onData);
      resolve(match[1]);
      return true;
    };
    const onData = () => check();
    if (check()) return;
    running.child.stdout?.on('data', onData);
    void running.exit.then(() => {
      if (!check())
        reject(new Error(`the CLI exited before listening: ${running.stdout()} ${running.stderr()}`));
    });
  });
}

describe('x-mock-server CLI', () => {
  it('starts with a config file, serves, and shuts down gracefully on SIGTERM', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mock-cli-'));
    const configPath = join(directory, 'mock.json');
    await writeFile(
      configPath,
      JSON.stringify({ port: 1, gateway: { apps: [{ appId: 'ci-app', secret: 's' }] } }),
    );
    const running = run(['--config', configPath, '--port', '0']);
    const url = await listeningUrl(running);
    const config = await jsonOf(await fetch(`${url}/__mock/config`));
    expect(config.gateway.apps).toEqual([{ appId: 'ci-app', secret: '***', sellers: ['test-seller'] }]);
    expect(running.stdout()).toContain(`inbox page: ${url}/\n`);
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    expect(running.stdout()).toContain('shutting down');
  }, 20_000);

  it('accepts the leading `--` that `pnpm mock -- --port 0` passes on', async () => {
    const running = run(['--', '--port', '0']);
    const url = await listeningUrl(running);
    expect((await fetch(`${url}/__mock/health`)).status).toBe(200);
    running.child.kill('SIGINT');
    expect(await running.exit).toBe(0);
  }, 20_000);

  it('ends `pnpm mock` on Ctrl-C with exit code 0: the start script leaves no shell to die of the signal', async () => {
    // pnpm runs a script as `sh -c "<script> <args>"`; Ctrl-C signals the whole process group.
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
    const child = spawn('sh', ['-c', `${manifest.scripts.start} --port 0`], {
      cwd: packageDirectory,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${join(packageDirectory, 'node_modules', '.bin')}:${process.env.PATH}` },
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.resume();
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (code, signal) => resolve([code, signal])),
    );
    await listeningUrl({ child, stdout: () => stdout, stderr: () => '', exit: exit.then(([code]) => code) });
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exit).toEqual([0, null]);
    expect(stdout).toContain('shutting down');
  }, 30_000);

  it('says what to do when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const running = run(['--port', String(port)]);
      expect(await running.exit).toBe(1);
      expect(running.stderr()).toContain(`port ${port} is already in use`);
      expect(running.stderr()).toContain('--port 0');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 20_000);

  it('points at the line and column of a JSON syntax error, and suggests the key a typo meant', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mock-cli-'));
    const syntax = join(directory, 'syntax.json');
    await writeFile(syntax, '{\n  "port": 8787\n  "host": "127.0.0.1"\n}\n');
    const broken = run(['--config', syntax]);
    expect(await broken.exit).toBe(1);
    expect(broken.stderr()).toContain('not valid JSON at line 3, column 3');

    const typo = join(directory, 'typo.json');
    await writeFile(
      typo,
      JSON.stringify({ prot: 9000, top: { apps: [{ appKey: 'k', secret: 's', sesions: [] }] } }),
    );
    const misspelt = run(['--config', typo]);
    expect(await misspelt.exit).toBe(1);
    expect(misspelt.stderr()).toContain('(root): Unrecognized key: "prot" (did you mean "port"?)');
    expect(misspelt.stderr()).toContain(
      'top.apps[0]: Unrecognized key: "sesions" (did you mean "sessions"?)',
    );
  }, 20_000);

  it('exits 1 naming the bad field of a bad config file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mock-cli-'));
    const configPath = join(directory, 'bad.json');
    await writeFile(configPath, JSON.stringify({ top: { apps: [{ appKey: 'k', secret: 42 }] } }));
    const running = run(['--config', configPath]);
    expect(await running.exit).toBe(1);
    expect(running.stderr()).toContain(`invalid mock server config (${configPath})`);
    expect(running.stderr()).toContain('top.apps[0].secret: must be a string');

    const notJson = join(directory, 'not.json');
    await writeFile(notJson, '{ nope');
    const second = run(['--config', notJson]);
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toContain('not valid JSON');

    const missing = run(['--config', join(directory, 'missing.json')]);
    expect(await missing.exit).toBe(1);
    expect(missing.stderr()).toContain('cannot read the file');
  }, 20_000);

  it('exits 2 on a bad flag and 0 on --help', async () => {
    const bad = run(['--prot', '1']);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toContain("Unknown option '--prot'");
    const badPort = run(['--port', 'abc']);
    expect(await badPort.exit).toBe(2);
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('Usage: x-mock-server');
    expect(help.stdout()).toContain('the inbox page at http://<host>:<port>/');
  }, 20_000);

  it('turns the per-recipient limits on with --profile realistic, and exits 2 on an unknown profile', async () => {
    const running = run(['--profile', 'realistic', '--port', '0']);
    const url = await listeningUrl(running);
    const limits = await jsonOf(await fetch(`${url}/__mock/limits`));
    expect(limits).toMatchObject({ enabled: true, perMinute: 1, perHour: 5, perDay: 10 });
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);

    const unknown = run(['--profile', 'strict']);
    expect(await unknown.exit).toBe(2);
    expect(unknown.stderr()).toContain('--profile must be one of default, realistic, got strict');
  }, 20_000);
});
