/**
 * @module Child processes for the HTTP benchmarks: each server runs alone on one core and the load generator
 * on the other (`taskset`), so the two never compete; CPU time per request is read from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export const serverCore = 0;
export const loadCore = 1;

/** Starts `command args` pinned to one core; its output goes to our stderr prefixed with the label. */
export function spawnPinned(core: number, label: string, command: string, args: string[]): ChildProcess {
  const child = spawn('taskset', ['-c', String(core), command, ...args], {
    // stdout is ignored: a chatty server (Prism logs every request) must never block on a full pipe.
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim()) process.stderr.write(`  [${label}] ${line}\n`);
  };
  child.stderr?.on('data', forward);
  return child;
}

/**
 * Pins this process — every thread — to `core` until the returned function restores the previous affinity.
 * For the benchmarks whose client runs in this process: unpinned, the scheduler sometimes put the client on the
 * server's core, and the two then shared it in the middle of a measurement.
 */
export function pinThisProcess(core: number): () => void {
  const pid = String(process.pid);
  const shown = execFileSync('taskset', ['-p', pid], { encoding: 'utf8' }); // "pid N's current affinity mask: 3"
  const mask = shown.trim().split(' ').at(-1) ?? '';
  if (!/^[0-9a-f]+$/i.test(mask)) throw new Error(`taskset printed no affinity mask: ${shown}`);
  execFileSync('taskset', ['-a', '-p', '-c', String(core), pid], { stdio: 'ignore' });
  return () => {
    execFileSync('taskset', ['-a', '-p', mask, pid], { stdio: 'ignore' });
  };
}

/** Polls until `url` answers (any status), or fails after `timeoutMilliseconds`. */
export async function waitForUrl(url: string, timeoutMilliseconds = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch (error) {
      lastError = error;
      await delay(100);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMilliseconds} ms`, { cause: lastError });
}

/**
 * User + system CPU time a process and every process it started have used so far, in microseconds (Linux
 * /proc). The children count: Prism's CLI serves from a forked child, so its own process shows only a part.
 */
export function cpuMicroseconds(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // Exited between listing and reading: its time is gone with it.
    }
  }
  const ticksPerSecond = 100; // USER_HZ on Linux
  return (ticks / ticksPerSecond) * 1_000_000;
}

/** `pid` and all its descendants, from the parent ids in /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = children.get(parent) ?? [];
      siblings.push(Number(entry));
      children.set(parent, siblings);
    } catch {
      // A process that exited while we looked.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index] as number) ?? []));
  return tree;
}

/**
 * The pid of the real server under `taskset` (taskset execs, so it is the child itself). Fails when the server
 * has exited: a server that could not bind its port (a stale one from an interrupted run still holds it) exits
 * at once, while the stale one answers in its place — measured, it would read as a server using no CPU.
 */
export function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('child process has no pid');
  if (child.exitCode !== null || child.signalCode !== null)
    throw new Error(
      `server process ${child.pid} exited (${child.exitCode ?? child.signalCode}) before it was measured: is its port held by a server left over from an interrupted run?`,
    );
  return child.pid;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = delay(5000).then(() => child.kill('SIGKILL'));
  await Promise.race([exited, timeout]);
}

/** A process's resident memory (VmRSS) in megabytes, from /proc. */
export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}
