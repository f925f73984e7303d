#!/usr/bin/env node
/**
 * @module The `x-mock-server` command: `x-mock-server [--port 8787] [--host 127.0.0.1] [--config file.json]
 * [--profile realistic]`.
 * Flags override the config file; a leading `--` (what `pnpm mock -- --port 9000` passes on) is ignored. A bad
 * config exits 1 naming the bad field (a JSON syntax error by line and column); bad flags exit 2; a port in use
 * exits 1 suggesting another. SIGINT and SIGTERM close the server gracefully and exit 0 (a second signal exits
 * at once), which is why `pnpm mock` runs it with `exec`: no shell is left to die of the signal.
 */
import { parseArgs } from 'node:util';
import { MockConfigError } from './config/config-error.js';
import { type MockConfigInput, type MockProfile, mockProfiles } from './config/config-schema.js';
import { loadConfigFile } from './config/load-config-file.js';
import { startMockServer } from './serve/start-mock-server.js';
import { mockServerVersion } from './version.js';

const usage = `Usage: x-mock-server [options]

A fake of the TOP gateway (/router/rest) and the fw199 gateway (/gateway/...) for contract tests.

Options:
  --port <number>    port to listen on, 0 for any free port (default 8787)
  --host <address>   address to listen on (default 127.0.0.1)
  --config <file>    JSON config file (apps, sessions, sellers, templates, buffer sizes)
  --profile <name>   default, or realistic: per-recipient SMS limits on (1/min, 5/h, 10/day)
  --admin-token <t>  require Authorization: Bearer <t> on /__mock and the inbox page (for --host beyond loopback)
  --help             show this help
  --version          show the version

See what it received in a browser: the inbox page at http://<host>:<port>/ (messages, failed sends and
the request journal, live). The same as JSON: /__mock/messages and /__mock/requests.`;

/** `pnpm mock -- --port 9000` hands the script a leading `--`: it ends no options there, so drop it. */
function withoutLeadingSeparator(argv: readonly string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}

/** What to add when the port cannot be had (`startMockServer` keeps the listen error as its cause). */
function listenHint(error: unknown, port: number | undefined): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const which = port === undefined ? 'the port' : `port ${port}`;
  if (code === 'EADDRINUSE') {
    return `${which} is already in use (another mock server still running?): stop it, choose another port with --port <number>, or use --port 0 for any free port.`;
  }
  if (code === 'EACCES') {
    return `not allowed to listen on ${which}: use a port above 1023, or --port 0 for any free port.`;
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  let values: {
    port?: string;
    host?: string;
    config?: string;
    profile?: string;
    'admin-token'?: string;
    help?: boolean;
    version?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: withoutLeadingSeparator(argv),
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string', short: 'h' },
        config: { type: 'string', short: 'c' },
        profile: { type: 'string' },
        'admin-token': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`x-mock-server: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${mockServerVersion}\n`);
    return 0;
  }

  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65_535) {
      process.stderr.write(`x-mock-server: --port must be an integer from 0 to 65535, got ${values.port}\n`);
      return 2;
    }
  }

  if (values.profile !== undefined && !(mockProfiles as readonly string[]).includes(values.profile)) {
    process.stderr.write(
      `x-mock-server: --profile must be one of ${mockProfiles.join(', ')}, got ${values.profile}\n`,
    );
    return 2;
  }

  // Listening for Ctrl-C before anything is printed: a signal that came between "listening on" and the
  // listener would otherwise kill the process with the signal instead of closing it gracefully.
  const stopRequested = untilSignal();
  let config: MockConfigInput = {};
  try {
    if (values.config !== undefined) config = await loadConfigFile(values.config);
    const server = await startMockServer({
      // Alone in its process, the CLI can let @hono/node-server swap in its faster global Response.
      overrideGlobalObjects: true,
      ...config,
      ...(port !== undefined ? { port } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values.profile !== undefined ? { profile: values.profile as MockProfile } : {}),
      ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
    });
    process.stdout.write(`@x/mock-server ${mockServerVersion} listening on ${server.url}\n`);
    process.stdout.write(`  TOP:        ${server.url}/router/rest\n`);
    process.stdout.write(
      `  fw199:      ${server.url}/gateway/taobao/jst/sms/tid/send, ${server.url}/gateway/dd/sms/send\n`,
    );
    process.stdout.write(`  inbox page: ${server.url}/\n`);
    process.stdout.write(`  inspection: ${server.url}/__mock/messages, ${server.url}/__mock/requests\n`);
    await stopRequested;
    process.stdout.write('@x/mock-server: shutting down\n');
    await server.close();
    return 0;
  } catch (error) {
    if (error instanceof MockConfigError) {
      process.stderr.write(`x-mock-server: ${error.message}\n`);
      return 1;
    }
    const hint = listenHint(error, port ?? config.port);
    process.stderr.write(`x-mock-server: ${(error as Error).message}\n`);
    if (hint !== undefined) process.stderr.write(`x-mock-server: ${hint}\n`);
    return 1;
  }
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits immediately. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(signal === 'SIGINT' ? 130 : 143);
      received = true;
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

main(process.argv.slice(2)).then(
  // Exit explicitly: the signal listeners and any half-closed socket must not keep the process alive.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`x-mock-server: ${String(error)}\n`);
    process.exit(1);
  },
);
