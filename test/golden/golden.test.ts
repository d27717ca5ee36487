// Golden runs: each shipped scenario and each file in test/golden/in, run with its own seed,
// must give the recorded outcome and event log. Refresh deliberately with REGEN=1.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const inputs = [
  ...readdirSync(join(root, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'scenarios', f)),
  ...readdirSync(join(root, 'test/golden/in'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'test/golden/in', f)),
];

const run = promisify(execFile);

/** The golden record of one scenario (see golden-run.ts), computed in a child process. */
async function golden(file: string): Promise<unknown> {
  const script = join(root, 'test/golden/golden-run.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, file], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout);
}

/** The record night runs its 20 radars, ~5,000 acoustic nodes and the tracker: seconds, not ms. */
const WHOLE_NIGHT_TIMEOUT_MS = 300_000;

describe('golden runs', () => {
  for (const file of inputs) {
    it(basename(file), { timeout: WHOLE_NIGHT_TIMEOUT_MS }, async () => {
      const out = join(root, 'test/golden/out', basename(file).replace(/\.ya?ml$/, '.json'));
      const actual = await golden(file);
      if (process.env.REGEN === '1' || !existsSync(out)) {
        if (process.env.CI && process.env.REGEN !== '1')
          throw new Error(`no golden output for ${basename(file)}: run REGEN=1 npm run test:unit`);
        writeFileSync(out, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
