// Whether the build in dist/ is the build of the sources as they are now. Each part of the build
// (the compiled CLI and server, the bundled web console) records a fingerprint of its inputs —
// every input file's path, size and modification time — taken just before it was built; the part
// is fresh while the inputs still have that fingerprint. Plain JavaScript, so that bin/bulwark.js
// can ask before anything is compiled.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** The parts of the build: their inputs, their stamp file and the file that shows they exist. */
export const PARTS = {
  cli: {
    label: 'CLI and server (tsc)',
    inputs: ['src', 'tsconfig.json'],
    // The console's sources are bundled by vite, not compiled by tsc.
    skip: (path) => path.startsWith('src/web/'),
    stamp: 'dist/.build-cli.json',
    output: 'dist/cli/bulwark.js',
  },
  console: {
    label: 'web console (vite)',
    // The console bundles most of src/ (scenario, run, model ...), so any source counts.
    inputs: ['src', 'vite.config.ts', 'tsconfig.web.json', 'scripts/base-map.mjs'],
    skip: () => false,
    stamp: 'dist/.build-console.json',
    output: 'dist/console/index.html',
  },
};

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    yield { path, stat };
    return;
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** The fingerprint of a part's inputs as they are now. */
export function fingerprint(part) {
  const hash = createHash('sha256');
  for (const input of PARTS[part].inputs) {
    for (const { path, stat } of files(join(ROOT, input))) {
      const rel = relative(ROOT, path).split('\\').join('/');
      if (rel.endsWith('.test.ts') || PARTS[part].skip(rel)) continue;
      hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/** 'fresh', 'stale' (built from other sources) or 'missing' (never built). */
export function partState(part) {
  const { stamp, output } = PARTS[part];
  if (!existsSync(join(ROOT, output))) return 'missing';
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(ROOT, stamp), 'utf8')).fingerprint;
  } catch {
    return 'stale';
  }
  return recorded === fingerprint(part) ? 'fresh' : 'stale';
}

/** Whether the sources are here at all (a checkout, not an installed package). */
export function haveSources() {
  return existsSync(join(ROOT, 'src', 'cli', 'bulwark.ts'));
}
