// Batches on the real worker pool: the same numbers for any worker count and chunking, failed runs
// stored with their seeds while the batch goes on, resume without duplicates, sweeps per point.
// Workers load the compiled code: `npm test` builds it first.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveSeed } from '../src/core/rng.js';
import { gridPoints, parseSetSpec } from '../src/analysis/sweep.js';
import { prepareBatch, runBatch } from '../src/io/batch-runner.js';
import { openResultsStore, type ResultsStore } from '../src/io/results-store.js';
import { measureRun } from '../src/analysis/monte-carlo.js';
import { MC_NIGHT as SCENARIO, mcRequest } from './mc-night.js';

let dir: string;
const stores: ResultsStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-batch-'));
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function store(name: string): ResultsStore {
  const s = openResultsStore(join(dir, name));
  stores.push(s);
  return s;
}

const stored = (s: ResultsStore, id: string) =>
  [...s.runs(id, undefined, { marks: true })].map(({ durationMs: _, ...r }) => JSON.stringify(r));

describe('runBatch', () => {
  it('gives identical runs and statistics for 1 and 2 workers and any chunking', async () => {
    const prepared = prepareBatch(mcRequest(24));
    const one = store('one.db');
    const two = store('two.db');
    const a = await runBatch(one, prepared, { workers: 1, handleSignals: false });
    const b = await runBatch(two, prepared, { workers: 2, chunkSize: 3, handleSignals: false });
    expect(a.ranNow).toBe(24);
    expect(b.ranNow).toBe(24);
    expect(stored(one, a.batch.id)).toEqual(stored(two, b.batch.id));
    expect(JSON.stringify(a.aggregates)).toEqual(JSON.stringify(b.aggregates));
    // Run i used the seed derived from (S, i), and its outcome is the one a lone run gives.
    const runs = [...one.runs(a.batch.id)];
    expect(runs.map((r) => r.seed)).toEqual(Array.from({ length: 24 }, (_, i) => deriveSeed(11, i)));
    expect(runs[7].outcome).toEqual(measureRun(SCENARIO, deriveSeed(11, 7)).outcome);
    // The outcomes do vary: the statistics are of a real distribution.
    const leaked = a.aggregates[0].measures.find((m) => m.name === 'leaked')!.summary;
    expect(leaked.sd).toBeGreaterThan(0);
    expect(leaked.n).toBe(24);
  });

  it('records a run that throws with its error and seed, and goes on', async () => {
    const prepared = prepareBatch(mcRequest(30, 3));
    const s = store('fail.db');
    const result = await runBatch(s, prepared, {
      workers: 2,
      handleSignals: false,
      workerFile: join(import.meta.dirname, 'fixtures', 'failing-worker.mjs'),
    });
    const seeds = Array.from({ length: 30 }, (_, i) => deriveSeed(3, i));
    const failing = seeds.filter((seed) => seed % 5 === 0);
    expect(failing.length).toBeGreaterThan(0);
    expect(result.batch.doneRuns).toBe(30);
    expect(result.failedNow).toBe(failing.length);
    const failed = s.failedRuns(result.batch.id);
    expect(failed.map((f) => f.seed)).toEqual(failing);
    expect(failed[0].error).toBe(`RangeError: deliberate failure at seed ${failing[0]}`);
    const leaked = result.aggregates[0].measures.find((m) => m.name === 'leaked')!.summary;
    expect(leaked.n).toBe(30 - failing.length);
  });

  it('resumes a batch: only missing runs are run, none twice', async () => {
    const prepared = prepareBatch(mcRequest(20));
    const s = store('resume.db');
    s.ensureBatch(prepared.definition, 'earlier');
    // A previous session finished runs 0..6 and 12 before it was stopped.
    const earlier = [...Array(7).keys(), 12].map((run) => {
      const seed = deriveSeed(11, run);
      return { point: 0, run, seed, ...measureRun(SCENARIO, seed), durationMs: 1 };
    });
    s.addRuns(prepared.definition.id, earlier);
    const result = await runBatch(s, prepared, { workers: 2, handleSignals: false });
    expect(result.ranNow).toBe(12);
    expect(result.batch.doneRuns).toBe(20);
    const reference = store('reference.db');
    const full = await runBatch(reference, prepared, { workers: 1, handleSignals: false });
    expect(stored(s, result.batch.id)).toEqual(stored(reference, full.batch.id));
    expect(JSON.stringify(result.aggregates)).toEqual(JSON.stringify(full.aggregates));
    // Running the finished batch again runs nothing.
    const again = await runBatch(s, prepared, { workers: 2, handleSignals: false });
    expect(again.ranNow).toBe(0);
    expect(again.batch.doneRuns).toBe(20);
  });

  it('runs a sweep point by point with the same seeds, and the parameter shows in the outcome', async () => {
    const points = gridPoints([parseSetSpec('defenders.north-interceptors.stock=0,14')]);
    const prepared = prepareBatch({
      ...mcRequest(6),
      kind: 'sweep',
      params: { runs: 6, sets: ['x'] },
      points,
    });
    expect(prepared.definition.id).toMatch(/^sweep-/);
    const s = store('sweep.db');
    const result = await runBatch(s, prepared, { workers: 2, handleSignals: false });
    expect(result.aggregates).toHaveLength(2);
    const destroyed = result.aggregates.map(
      (a) => a.measures.find((m) => m.name === 'destroyed')!.summary.mean,
    );
    expect(destroyed[0]).toBe(0); // no interceptors, no kills
    expect(destroyed[1]).toBeGreaterThan(0);
    const seeds = (point: number) => [...s.runs(result.batch.id, point)].map((r) => r.seed);
    expect(seeds(0)).toEqual(seeds(1));
  });

  it('gives a different batch id for different parameters and the same for the same', () => {
    expect(prepareBatch(mcRequest(20)).definition.id).toBe(prepareBatch(mcRequest(20)).definition.id);
    expect(prepareBatch(mcRequest(20)).definition.id).not.toBe(prepareBatch(mcRequest(21)).definition.id);
    expect(prepareBatch(mcRequest(20, 1)).definition.id).not.toBe(
      prepareBatch(mcRequest(20, 2)).definition.id,
    );
  });
});
