/** `--admin-token` on the command line: the CLI's mock then asks for the token on `/__mock`. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));

it('x-mock-server --admin-token <t> requires the bearer token on /__mock', async () => {
  const token = 'cli-admin-token-0123456789';
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(require.resolve('tsx')).href,
      '--conditions=@x/source',
      cliPath,
      '--port',
      '0',
      '--admin-token',
      token,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`the CLI did not start: ${stdout}`)));
    });
    expect((await fetch(`${url}/__mock/messages`)).status).toBe(401);
    const authorized = await fetch(`${url}/__mock/messages`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(authorized.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
    await exit;
  }
});
