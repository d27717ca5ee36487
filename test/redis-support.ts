// A throwaway Redis for the queue tests: Debian's redis-server on loopback, on a free port (never
// 6379), without persistence, in a temporary folder; and `bulwark worker` processes with their log.
// When CI started one for the run (BULWARK_TEST_REDIS_URL, see scripts/with-redis.sh), tests that do
// not restart Redis share it, each on its own queue name.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', 'bin', 'bulwark.js');

export const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class TestRedis {
  private process: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'bulwark-redis-'));
  private log = '';

  private constructor(readonly port: number) {}

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.startProcess();
    return redis;
  }

  /** Starts redis-server (again) on the same port, with no data: a restart that lost everything. */
  async startProcess(): Promise<void> {
    this.log = '';
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d: Buffer) => (this.log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (this.log += d.toString()));
    this.process = child;
    await waitFor(`redis-server on port ${this.port}`, () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${this.log}`);
      return this.log.includes('Ready to accept connections');
    });
  }

  /** Kills the server at once (SIGKILL): whatever it held is gone. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The Redis a test shares with others (CI's), or a fresh one it owns. */
export async function sharedRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env.BULWARK_TEST_REDIS_URL;
  if (url) return { url, stop: async () => undefined };
  const redis = await TestRedis.start();
  return { url: redis.url, stop: () => redis.stop() };
}

/**
 * An install of another Bulwark version in `folder`: the compiled code of this one (no sources, as
 * an installed package) under another package version, so its project version differs. Gives the
 * path of its `bulwark` executable.
 */
export function otherVersionInstall(folder: string, version = '0.0.0-other'): string {
  const root = join(import.meta.dirname, '..');
  mkdirSync(folder, { recursive: true });
  cpSync(join(root, 'bin'), join(folder, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(folder, 'dist'), {
    recursive: true,
    filter: (path) => !path.startsWith(join(root, 'dist', 'console')),
  });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ ...pkg, version }, null, 2));
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return join(folder, 'bin', 'bulwark.js');
}

export class WorkerProcess {
  readonly child: ChildProcess;
  log = '';
  readonly exited: Promise<number | null>;

  constructor(url: string, queueName: string, extra: string[] = [], bin = BIN) {
    this.child = spawn(
      process.execPath,
      [bin, 'worker', '--queue', url, '--queue-name', queueName, '--threads', '1', ...extra],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.exited = new Promise((r) => this.child.once('exit', (code) => r(code)));
  }

  /** Job ids in the log lines of one kind ('took' or 'done'). */
  jobs(kind: 'took' | 'done'): string[] {
    return [...this.log.matchAll(new RegExp(` ${kind} (\\S+)`, 'g'))].map((m) => m[1]);
  }

  async ready(): Promise<void> {
    await waitFor('the worker to start', () => {
      if (this.child.exitCode !== null) throw new Error(`worker exited:\n${this.log}`);
      return this.log.includes('Ctrl-C to stop');
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }
}
