import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeJson,
  encodeJson,
  MIGRATIONS,
  openResultsStore,
  SCHEMA_VERSION,
  StoreError,
  type BatchDefinition,
  type RunRow,
} from './results-store.js';
import type { Outcome } from '../model/outcome.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const batch = (id: string, points = 1): BatchDefinition => ({
  id,
  kind: points > 1 ? 'sweep' : 'mc',
  scenarioName: 'test',
  scenarioFile: 'test.yaml',
  scenarioHash: 'abc',
  scenarioText: 'name: test',
  params: { runs: 3, seed: 1 },
  runsPerPoint: 3,
  batchSeed: 1,
  points: Array.from({ length: points }, (_, i) => ({
    params: points > 1 ? [{ path: 'x', value: i }] : [],
    scenarioHash: `h${i}`,
  })),
});

const row = (run: number, extra: Partial<RunRow> = {}): RunRow => ({
  point: 0,
  run,
  seed: 100 + run,
  outcome: { leaked: run, costExchangeRatio: Infinity, interceptDistanceMedianM: NaN } as unknown as Outcome,
  marks: { kills: [1, 2], impacts: ['a'] },
  durationMs: 1.5,
  ...extra,
});

describe('results store', () => {
  it('stores runs once, keeps non-finite numbers, and reads them back in order', () => {
    const store = openResultsStore(join(dir, 'r.db'));
    store.ensureBatch(batch('mc-1'), '2026-01-01T00:00:00Z');
    store.ensureBatch(batch('mc-1'), '2026-01-02T00:00:00Z'); // the same command again: no change
    store.addRuns('mc-1', [row(2), row(0)]);
    store.addRuns('mc-1', [row(0), row(1, { outcome: undefined, marks: undefined, error: 'Error: boom' })]);
    const runs = [...store.runs('mc-1', undefined, { marks: true })];
    expect(runs.map((r) => r.run)).toEqual([0, 1, 2]);
    expect(runs[0].outcome!.costExchangeRatio).toBe(Infinity);
    expect(runs[0].outcome!.interceptDistanceMedianM).toBeNaN();
    expect(runs[0].marks).toEqual({ kills: [1, 2], impacts: ['a'] });
    expect(runs[1].outcome).toBeUndefined();
    expect(store.failedRuns('mc-1')).toEqual([{ point: 0, run: 1, seed: 101, error: 'Error: boom' }]);
    expect([...store.storedRunKeys('mc-1', 3)].sort()).toEqual([0, 1, 2]);
    const info = store.getBatch('mc-1')!;
    expect(info).toMatchObject({
      doneRuns: 3,
      failedRuns: 1,
      totalRuns: 3,
      createdAt: '2026-01-01T00:00:00Z',
    });
    store.close();
  });

  it('finds batches by unambiguous prefix', () => {
    const store = openResultsStore(join(dir, 'r.db'));
    store.ensureBatch(batch('mc-aa1'), 't');
    store.ensureBatch(batch('mc-ab2'), 't');
    expect(store.getBatch('mc-aa')!.id).toBe('mc-aa1');
    expect(() => store.getBatch('mc-a')).toThrow(StoreError);
    expect(store.getBatch('mc-z')).toBeUndefined();
    expect(store.getBatch('mc_')).toBeUndefined(); // LIKE wildcards are taken literally
    expect(store.listBatches().map((b) => b.id)).toEqual(['mc-aa1', 'mc-ab2']);
    store.close();
  });

  it('saves and reads aggregates per point in measure order', () => {
    const store = openResultsStore(join(dir, 'r.db'));
    store.ensureBatch(batch('sw-1', 2), 't');
    const s = {
      n: 2,
      excluded: 0,
      mean: 1,
      sd: NaN,
      median: 1,
      p5: 0,
      p95: 2,
      min: 0,
      max: 2,
      ciLow: -1,
      ciHigh: 3,
    };
    store.saveAggregates(
      'sw-1',
      [
        {
          point: 0,
          measures: [
            { name: 'z', summary: s },
            { name: 'a', summary: s },
          ],
        },
        { point: 1, measures: [{ name: 'z', summary: { ...s, mean: 5 } }] },
      ],
      'done',
    );
    const aggregates = store.getAggregates('sw-1');
    expect(aggregates.map((a) => a.measures.map((m) => m.name))).toEqual([['z', 'a'], ['z']]);
    expect(aggregates[0].measures[0].summary.sd).toBeNaN();
    expect(aggregates[1].measures[0].summary.mean).toBe(5);
    expect(store.getBatch('sw-1')!.finishedAt).toBe('done');
    expect(store.getPoints('sw-1')[1].params).toEqual([{ path: 'x', value: 1 }]);
    store.close();
  });

  it('migrates a version-1 store forward, keeping its runs', () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]);
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO batches (id, kind, scenario_name, scenario_file, scenario_hash, scenario_text, params,
           runs_per_point, batch_seed, point_count, created_at) VALUES ('mc-old', 'mc', 'n', 'f', 'h', 't', '{}', 2, 1, 1, 'c')`,
      )
      .run();
    old.prepare(`INSERT INTO points VALUES ('mc-old', 0, '[]', 'h')`).run();
    old.prepare(`INSERT INTO runs VALUES ('mc-old', 0, 0, 77, '{"leaked":3}', NULL, 2.5)`).run();
    old.close();

    const store = openResultsStore(file);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    const runs = [...store.runs('mc-old', undefined, { marks: true })];
    expect(runs).toEqual([{ point: 0, run: 0, seed: 77, outcome: { leaked: 3 }, durationMs: 2.5 }]);
    store.addRuns('mc-old', [row(1)]);
    expect([...store.runs('mc-old', undefined, { marks: true })][1].marks).toEqual({
      kills: [1, 2],
      impacts: ['a'],
    });
    const session = store.startSession('mc-old', 2, 's');
    store.endSession(session, 'mc-old', 1, 1000, 'finished', 'e');
    expect(store.getBatch('mc-old')!.elapsedMs).toBe(1000);
    store.close();
  });

  it('refuses a store made by a newer version', () => {
    const file = join(dir, 'new.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openResultsStore(file)).toThrow(/newer than this bulwark knows/);
  });

  it('encodes NaN and infinities through JSON', () => {
    const value = { a: NaN, b: Infinity, c: -Infinity, d: [1, 'x'] };
    const back = decodeJson<typeof value>(encodeJson(value));
    expect(back.a).toBeNaN();
    expect(back.b).toBe(Infinity);
    expect(back.c).toBe(-Infinity);
    expect(back.d).toEqual([1, 'x']);
  });
});
