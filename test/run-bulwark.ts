// Runs the `bulwark` executable as a user would, without blocking the test worker: a blocking
// spawnSync starves the worker's messages to the test runner, which then times out under load.

import { spawn } from 'node:child_process';

export const BIN = new URL('../bin/bulwark.js', import.meta.url).pathname;

export interface BulwarkRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBulwark(args: readonly string[], options: { cwd?: string } = {}): Promise<BulwarkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
