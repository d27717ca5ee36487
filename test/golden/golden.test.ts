// Golden runs: each shipped scenario and each file in test/golden/in, run with its own seed,
// must give the recorded outcome and event log. Refresh deliberately with REGEN=1.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offThread } from '../off-thread.js';
import { slowIt } from '../slow.js';

const root = new URL('../../', import.meta.url).pathname;
const inputs = [
  ...readdirSync(join(root, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'scenarios', f)),
  ...readdirSync(join(root, 'test/golden/in'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'test/golden/in', f)),
];

/** The record night runs its 20 radars, ~5,000 acoustic nodes and the tracker: a slow test. */
const SLOW = new Set(['record-night.yaml']);

describe('golden runs', () => {
  for (const file of inputs) {
    (SLOW.has(basename(file)) ? slowIt : it)(basename(file), async () => {
      const out = join(root, 'test/golden/out', basename(file).replace(/\.ya?ml$/, '.json'));
      const actual = await offThread(new URL('./golden-run.ts', import.meta.url), 'golden', [file]);
      if (process.env.REGEN === '1' || !existsSync(out)) {
        if (process.env.CI && process.env.REGEN !== '1')
          throw new Error(`no golden output for ${basename(file)}: run REGEN=1 npm run test:unit`);
        writeFileSync(out, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
