#!/usr/bin/env node
// The `bulwark` command. Runs the compiled CLI in dist/ when it was built from the sources as they
// are now; in a checkout where dist/ is missing or older than src/ it runs the TypeScript sources
// through tsx instead, so that nothing ever runs stale code. An installed package has no sources
// and always runs dist/.

import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli/bulwark.js', import.meta.url);
const source = new URL('../src/cli/bulwark.ts', import.meta.url);

async function fromSource() {
  const { partState } = await import('../scripts/build-state.mjs');
  const state = partState('cli');
  if (state === 'fresh') return false;
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    fail(
      `the compiled CLI in dist/ is ${state === 'missing' ? 'missing' : 'older than src/'}, and tsx (a dev dependency) is not installed to run the sources: run 'npm ci && npm run build' first`,
    );
  }
  if (process.stderr.isTTY)
    process.stderr.write(
      `bulwark: dist/ is ${state === 'missing' ? 'not built' : 'older than src/'}; running the sources through tsx (\`npm run build\` starts faster)\n`,
    );
  tsx.register();
  await import(source.href);
  return true;
}

function fail(message) {
  process.stderr.write(`bulwark: ${message}\n`);
  process.exit(2);
}

if (!(existsSync(source) && (await fromSource()))) {
  if (!existsSync(dist)) fail("the compiled CLI (dist/cli/bulwark.js) is missing: run 'npm run build' first");
  await import(dist.href);
}
