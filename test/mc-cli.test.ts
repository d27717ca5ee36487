// The batch commands as a user runs them: a real `bulwark mc` child process stopped by SIGINT and
// killed by SIGKILL mid-batch, then resumed by the same command, with no run lost or duplicated
// and the same statistics as an uninterrupted batch; sweeps and their user errors; `bulwark runs`.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'bulwark.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'mc-night.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bulwark(args: string[]) {
  return runBulwark(args, { cwd: dir });
}

/** Features per `layer` property. */
function layerCounts(features: readonly { properties: Record<string, unknown> | null }[]) {
  const counts: Record<string, number> = {};
  for (const f of features) {
    const layer = String(f.properties?.layer);
    counts[layer] = (counts[layer] ?? 0) + 1;
  }
  return counts;
}

function storedRuns(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'runs'").get() as { n: number })
      .n === 0
      ? 0
      : (db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;
  } catch {
    return 0; // the store is being created
  } finally {
    db.close();
  }
}

/**
 * Runs `act(stored)` holding the store's write lock, or returns undefined when the store has no runs
 * table yet. While the lock is held the batch can store no run: its write waits (busy timeout 10 s).
 */
function withStoreLocked(file: string, act: (stored: number) => void): number | undefined {
  if (storedRuns(file) === 0) return undefined; // not created yet: opening it now could race its set-up
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 60000');
    db.exec('BEGIN IMMEDIATE');
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;
    try {
      act(stored);
    } finally {
      db.exec('COMMIT');
    }
    return stored;
  } finally {
    db.close();
  }
}

/**
 * Starts a batch and sends it `signal` once at least `atLeast` runs are stored. The count is read
 * and the signal sent under the store's write lock: a stored run proves the batch installed its
 * signal handler (it does so before it starts any run), and while the lock is held it can store no
 * further run, so it cannot finish the batch (and drop its handler) before the signal lands. The
 * lock is taken every 20 ms and held only for the count, well inside the batch's busy timeout.
 */
async function interruptAt(args: string[], store: string, atLeast: number, signal: NodeJS.Signals) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 400_000; // generous: the machine may be loaded
  let sent = false;
  while (!sent) {
    if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null)
      throw new Error(`batch did not reach ${atLeast} runs: ${stderr}`);
    withStoreLocked(store, (stored) => {
      if (stored < atLeast) return;
      // Still running, checked under the lock: it cannot end between this check and the signal.
      if (child.exitCode !== null) throw new Error(`batch ended before the signal: ${stderr}`);
      sent = child.kill(signal);
    });
    if (!sent) await new Promise((r) => setTimeout(r, 20));
  }
  const code = await exited;
  return { code, signalCode: child.signalCode, stderr, storedAtKill: storedRuns(store) };
}

describe('bulwark mc', () => {
  const runs = 100;
  const args = (store: string, workers: number) => [
    'mc',
    FIXTURE,
    '--runs',
    String(runs),
    '--seed',
    '9',
    '--workers',
    String(workers),
    '--store',
    store,
    '--all',
    '--json',
  ];

  it('resumes after SIGINT and SIGKILL with no run lost or duplicated, and the same numbers', async () => {
    const store = join(dir, 'interrupted.db');
    const first = await interruptAt(args(store, 2), store, 15, 'SIGINT');
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/stopped; \d+ runs stored\. Re-run the same command to resume/);
    const afterInt = storedRuns(store);
    expect(afterInt).toBeGreaterThanOrEqual(15);
    expect(afterInt).toBeLessThan(runs);

    const second = await interruptAt(args(store, 2), store, afterInt + 15, 'SIGKILL');
    expect(second.signalCode).toBe('SIGKILL');
    const afterKill = storedRuns(store);
    expect(afterKill).toBeGreaterThanOrEqual(afterInt + 15);
    expect(afterKill).toBeLessThan(runs);

    // Every stored row is whole: an outcome that parses, a seed, a duration.
    const db = new Database(store, { readonly: true });
    const rows = db.prepare('SELECT run, seed, outcome, error, duration_ms FROM runs').all() as {
      run: number;
      seed: number;
      outcome: string | null;
      error: string | null;
    }[];
    const sessions = db.prepare('SELECT how_ended FROM sessions ORDER BY rowid').all() as {
      how_ended: string | null;
    }[];
    db.close();
    for (const r of rows) {
      expect(r.error).toBeNull();
      expect(JSON.parse(r.outcome!).threatsLaunched).toBe(20);
    }
    expect(new Set(rows.map((r) => r.run)).size).toBe(rows.length);
    // The SIGINT session closed itself; the killed one never could.
    expect(sessions.map((s) => s.how_ended)).toEqual(['interrupted', null]);

    const resumed = await bulwark(args(store, 1));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${runs}/${runs} runs stored`));
    expect(storedRuns(store)).toBe(runs);
    const check = new Database(store, { readonly: true });
    const distinct = check
      .prepare('SELECT COUNT(DISTINCT run) AS n, MIN(run) AS lo, MAX(run) AS hi FROM runs')
      .get();
    check.close();
    expect(distinct).toEqual({ n: runs, lo: 0, hi: runs - 1 });

    const fresh = await bulwark(args(join(dir, 'fresh.db'), 2));
    expect(fresh.code).toBe(0);
    const a = JSON.parse(resumed.stdout);
    const b = JSON.parse(fresh.stdout);
    expect(a.batch.id).toBe(b.batch.id);
    expect(a.measures).toEqual(b.measures);
    expect(a.measures.length).toBeGreaterThan(10);

    const listed = await bulwark(['runs', '--store', store]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(a.batch.id);
    expect(listed.stdout).toContain(`${runs}/${runs}`);
    expect(listed.stdout).toContain('finished');
  });

  it('rejects bad counts as user errors', async () => {
    const r = await bulwark(['mc', FIXTURE, '--runs', '0', '--store', join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--runs: expected a whole number from 1');
  });
});

describe('bulwark sweep', () => {
  it('prints one row per grid point', async () => {
    const store = join(dir, 'sweep.db');
    const r = await bulwark([
      'sweep',
      FIXTURE,
      '--set',
      'defenders.north-interceptors.stock=0..14:7',
      '--runs',
      '4',
      '--workers',
      '2',
      '--store',
      store,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.points.map((p: { params: { value: number }[] }) => p.params[0].value)).toEqual([0, 7, 14]);
    const destroyed = out.points.map(
      (p: { measures: { name: string; summary: { mean: number } }[] }) =>
        p.measures.find((m) => m.name === 'destroyed')!.summary.mean,
    );
    expect(destroyed[0]).toBe(0);
    expect(destroyed[2]).toBeGreaterThan(destroyed[0]);

    const report = await bulwark([
      'report',
      out.batch.id.slice(0, 9),
      '--store',
      store,
      '--out',
      'sweep.html',
      '--csv',
      'sweep.csv',
      '--json',
      'sweep.json',
      '--geojson',
      'sweep.geojson',
      '--kml',
      'sweep.kml',
    ]);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe(`sweep.html: report of ${out.batch.id} (12 runs)\n`);
    const csv = readFileSync(join(dir, 'sweep.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'point,defenders.north-interceptors.stock,measure,n,excluded,mean,sd,median,p5,p95,min,max,ci_low,ci_high',
    );
    expect(
      csv.filter((line) => /^\d+,\d+,destroyed,/.test(line)).map((line) => Number(line.split(',')[5])),
    ).toEqual(destroyed);
    expect(JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')).points).toHaveLength(3);
    expect(readFileSync(join(dir, 'sweep.html'), 'utf8')).toContain('vegaEmbed');

    // The geodata of the batch, read by maintained parsers, against what the store holds: every run
    // of this small sweep is in the map's sample, so every stored kill and impact is a feature.
    const db = new Database(store, { readonly: true, fileMustExist: true });
    const marks = (
      db.prepare('SELECT marks FROM runs WHERE batch_id = ?').all(out.batch.id) as { marks: string }[]
    ).map((r) => JSON.parse(r.marks) as { kills: number[]; impacts: string[]; killTimesS: number[] });
    db.close();
    expect(marks).toHaveLength(12);
    const expected = {
      asset: 2,
      unit: 1,
      intercept: marks.reduce((n, m) => n + m.kills.length / 2, 0),
      impact: marks.reduce((n, m) => n + m.impacts.length, 0),
    };
    expect(expected.intercept).toBeGreaterThan(0);
    expect(expected.impact).toBeGreaterThan(0);
    const collection = check(readFileSync(join(dir, 'sweep.geojson'), 'utf8')) as FeatureCollection;
    expect(layerCounts(collection.features)).toMatchObject(expected);
    const times = collection.features
      .filter((f) => f.properties?.layer === 'intercept')
      .map((f) => f.properties!.tS as number)
      .sort((a, b) => a - b);
    expect(times).toEqual(marks.flatMap((m) => m.killTimesS).sort((a, b) => a - b));
    const back = kml(
      new DOMParser().parseFromString(
        readFileSync(join(dir, 'sweep.kml'), 'utf8'),
        'text/xml',
      ) as unknown as Document,
    );
    expect(layerCounts(back.features)).toMatchObject(expected);
    const unwritable = await bulwark([
      'report',
      out.batch.id,
      '--store',
      store,
      '--kml',
      'no/such/dir/x.kml',
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain("--kml: cannot write 'no/such/dir/x.kml'");

    const missing = await bulwark(['report', 'nope', '--store', store]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no batch 'nope'");
  });

  it('reports a bad path or value clearly, exit 2, without running', async () => {
    const store = join(dir, 'bad.db');
    const badPath = await bulwark([
      'sweep',
      FIXTURE,
      '--set',
      'defenders.north-interceptor.stock=1,2',
      '--store',
      store,
    ]);
    expect(badPath.code).toBe(2);
    expect(badPath.stderr.trim()).toBe(
      "--set defenders.north-interceptor.stock: no item named 'north-interceptor' in defenders (did you mean 'north-interceptors'?)",
    );
    const badValue = await bulwark([
      'sweep',
      FIXTURE,
      '--set',
      'defenders.north-interceptors.stock=-3,5',
      '--store',
      store,
    ]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toMatch(/^--set point \(stock=-3\): defenders\[0\]\.stock: /);
    expect(badValue.stderr).not.toMatch(/at .*\.js:\d+/);
    const noGrid = await bulwark([
      'sweep',
      FIXTURE,
      '--set',
      'defenders.north-interceptors.stock=1..9',
      '--store',
      store,
    ]);
    expect(noGrid.code).toBe(2);
    expect(noGrid.stderr).toContain('--lhs');
    expect(storedRuns(store)).toBe(0);
  });

  it('reproduces a sweep point alone with run --set', async () => {
    const r = await bulwark([
      'run',
      FIXTURE,
      '--seed',
      '3',
      '--set',
      'defenders.north-interceptors.stock=0',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outcome.destroyed).toBe(0);
  });
});
