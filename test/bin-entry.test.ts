// bin/bulwark.js in the three situations a user meets: a checkout with no build (it runs the
// sources), an installed package whose build is missing (it says what to do, no stack trace), and
// a checkout without its dev dependencies (the same). Each copy lives in a temporary folder.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/**
 * A temporary folder with no node_modules above it: Node resolves packages from every ancestor, so
 * a stray /tmp/node_modules would lend the copies the very tsx they must lack.
 */
function cleanTemp(): string {
  const clean = (dir: string) => {
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, 'node_modules'))) return false;
      if (dirname(d) === d) return true;
    }
  };
  const base = [tmpdir(), '/var/tmp', homedir()].find(clean);
  if (!base) throw new Error('no temporary folder without a node_modules above it');
  return base;
}

/** A copy of the package: bin/ and package.json always, the rest as asked (linked, not copied). */
function packageCopy(parts: { sources?: boolean; modules?: boolean }): string {
  const dir = mkdtempSync(join(cleanTemp(), 'bulwark-bin-'));
  folders.push(dir);
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  for (const d of ['scenarios', 'data']) symlinkSync(join(root, d), join(dir, d));
  if (parts.sources) {
    cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  }
  if (parts.modules) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  else {
    // Only what the compiled CLI would need to start is missing anyway: an empty node_modules.
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.keep'), '');
  }
  return dir;
}

function run(
  dir: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(dir, 'bin', 'bulwark.js'), ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bin/bulwark.js', () => {
  it('runs the sources through tsx in a checkout that was never built', async () => {
    const dir = packageCopy({ sources: true, modules: true });
    const r = await run(dir, 'validate', join(root, 'test', 'fixtures', 'small-night.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('says to build, with exit code 2 and no stack trace, when an installed package lacks dist/', async () => {
    const r = await run(packageCopy({}), 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "bulwark: the compiled CLI (dist/cli/bulwark.js) is missing: run 'npm run build' first\n",
    );
  });

  it('says to install and build when the sources are there but tsx is not', async () => {
    const r = await run(packageCopy({ sources: true }), 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^bulwark: the compiled CLI in dist\/ is missing, and tsx .* run 'npm ci && npm run build' first\n$/,
    );
  });
});
