// Golden runs: each shipped scenario and each file in test/golden/in, run with its own seed,
// must give the recorded outcome (out/<name>.json) and event log (out/<name>.events.ndjson, one
// event a line, so a change reads as a diff). Refresh deliberately with REGEN=1; a missing golden
// fails.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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

const run = promisify(execFile);

/** The golden record of one scenario (see golden-run.ts), computed in a child process. */
async function golden(file: string): Promise<{ record: unknown; events: string[] }> {
  const script = join(root, 'test/golden/golden-run.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, file], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout);
}

/** The record night runs its 20 radars, ~5,000 acoustic nodes and the tracker: a slow test. */
const SLOW = new Set(['record-night.yaml']);

describe('golden runs', () => {
  for (const file of inputs) {
    (SLOW.has(basename(file)) ? slowIt : it)(basename(file), async () => {
      const name = basename(file).replace(/\.ya?ml$/, '');
      const recordFile = join(root, 'test/golden/out', `${name}.json`);
      const eventsFile = join(root, 'test/golden/out', `${name}.events.ndjson`);
      const { record, events } = await golden(file);
      if (process.env.REGEN === '1') {
        writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
        writeFileSync(eventsFile, events.join('\n') + '\n');
      }
      if (!existsSync(recordFile) || !existsSync(eventsFile))
        throw new Error(`no golden output for ${basename(file)}: run REGEN=1 npx vitest run test/golden`);
      const expected = readFileSync(eventsFile, 'utf8').split('\n').slice(0, -1);
      // The first event that differs, by line, reads better than two hashes.
      const first = events.findIndex((line, i) => line !== expected[i]);
      if (first >= 0)
        expect(`line ${first + 1}: ${events[first]}`).toBe(`line ${first + 1}: ${expected[first]}`);
      expect(events.length).toBe(expected.length);
      expect(record).toEqual(JSON.parse(readFileSync(recordFile, 'utf8')));
    });
  }
});
