// Builds dist/: the CLI and server with tsc, the web console with vite. `--if-stale` builds only the
// parts whose sources changed since they were last built (see build-state.mjs); `--quiet` prints
// one line per part built instead of vite's listing of chunks.
//
//   node scripts/build.mjs              # build everything (npm run build)
//   node scripts/build.mjs --if-stale   # build what changed (npm start, the test setup)

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { fingerprint, partState, PARTS, ROOT } from './build-state.mjs';

/** Builds the parts that need it; returns the names of those built. Throws when a build fails. */
export async function build({ ifStale = false, quiet = false } = {}) {
  const built = [];
  for (const part of Object.keys(PARTS)) {
    const state = partState(part);
    if (ifStale && state === 'fresh') continue;
    // Taken before building: a source saved during the build leaves the part stale.
    const print = fingerprint(part);
    const started = performance.now();
    if (ifStale) process.stderr.write(`build: ${PARTS[part].label} is ${state}; building\n`);
    if (part === 'cli') compile();
    else await bundle(quiet);
    const stamp = join(ROOT, PARTS[part].stamp);
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, JSON.stringify({ fingerprint: print }) + '\n');
    if (quiet || ifStale)
      process.stderr.write(
        `build: ${PARTS[part].label} built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    built.push(part);
  }
  return built;
}

function compile() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc failed (its errors are above)');
}

async function bundle(quiet) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    root: join(ROOT, 'src', 'web'),
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = new Set(process.argv.slice(2));
  for (const a of args) {
    if (!['--if-stale', '--quiet'].includes(a)) {
      process.stderr.write(`build: unknown option '${a}' (expected --if-stale, --quiet)\n`);
      process.exit(2);
    }
  }
  build({ ifStale: args.has('--if-stale'), quiet: args.has('--quiet') }).catch((e) => {
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(1);
  });
}
