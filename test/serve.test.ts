// `bulwark serve` as a user starts it: the printed URL, the token off loopback, bad flags.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const bin = new URL('../bin/bulwark.js', import.meta.url).pathname;
const results = mkdtempSync(join(tmpdir(), 'bulwark-serve-'));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
  rmSync(results, { recursive: true, force: true });
});

/** Starts the server and waits for the line with its URL. */
function serve(...args: string[]): Promise<URL> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--results', results, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /bulwark console at (\S+)/.exec(out)?.[1];
      if (url) resolve(new URL(url));
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('bulwark serve', () => {
  it('binds loopback by default and answers without a token', async () => {
    const url = await serve();
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBeNull();
    const response = await fetch(new URL('/api/scenarios', url));
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { scenarios: { id: string }[] }).scenarios.map((s) => s.id);
    expect(ids).toContain('kyiv-night.yaml');
  });

  it('makes a token when bound to another address and refuses calls without it', async () => {
    const url = await serve('--host', '0.0.0.0');
    const token = url.searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const api = new URL('/api/scenarios', `http://127.0.0.1:${url.port}`);
    expect((await fetch(api)).status).toBe(401);
    expect((await fetch(api, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('refuses a bad port as a user error', async () => {
    const r = await runBulwark(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
    expect(r.stderr).not.toContain(' at ');
  });
});
