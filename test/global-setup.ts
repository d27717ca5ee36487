// Before any test: build what is stale in dist/ (the compiled CLI, server and workers; the bundled
// web console), so the CLI, server and browser tests exercise the sources as they are now. A fresh
// clone builds once; an unchanged checkout builds nothing. BULWARK_TEST_BUILD=0 skips the build when
// iterating on unit tests: the CLI then runs the sources through tsx (bin/bulwark.js), and the
// browser tests refuse a stale console.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  if (process.env.BULWARK_TEST_BUILD === '0') return;
  const root = resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the build before the tests failed (see above)');
}
