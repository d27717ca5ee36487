// The results store: an embedded SQLite database (`.bulwark/results.db` by default) holding every
// batch of runs — Monte Carlo or sweep — with its scenario, parameters, one row per finished run and
// the aggregates. Each run row is written in a transaction with the others of its chunk, so a batch
// stopped at any instant keeps every finished run and no half-written one; re-running the same
// command finds the batch by its id and runs only what is missing.
//
// Read API for other faces (the web console, reports): openResultsStore(file, { readonly: true }),
// then listBatches(), getBatch(id), getPoints(id), getAggregates(id), runs(id, point?).

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunMarks } from '../analysis/monte-carlo.js';
import { SUMMARY_FIELDS, type Summary } from '../analysis/statistics.js';
import type { SweepPoint } from '../analysis/sweep.js';
import type { Outcome } from '../model/outcome.js';

export const DEFAULT_STORE = '.bulwark/results.db';

/** Forward migrations, applied in order; PRAGMA user_version is the number applied so far. */
export const MIGRATIONS: readonly string[] = [
  // 1: batches, sweep points, runs and aggregates.
  `CREATE TABLE batches (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('mc', 'sweep')),
     scenario_name TEXT NOT NULL,
     scenario_file TEXT NOT NULL,
     scenario_hash TEXT NOT NULL,
     scenario_text TEXT NOT NULL,
     params TEXT NOT NULL,
     runs_per_point INTEGER NOT NULL,
     batch_seed INTEGER NOT NULL,
     point_count INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     finished_at TEXT,
     elapsed_ms REAL NOT NULL DEFAULT 0
   );
   CREATE TABLE points (
     batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
     point INTEGER NOT NULL,
     params TEXT NOT NULL,
     scenario_hash TEXT NOT NULL,
     PRIMARY KEY (batch_id, point)
   );
   CREATE TABLE runs (
     batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
     point INTEGER NOT NULL,
     run INTEGER NOT NULL,
     seed INTEGER NOT NULL,
     outcome TEXT,
     error TEXT,
     duration_ms REAL NOT NULL,
     PRIMARY KEY (batch_id, point, run)
   ) WITHOUT ROWID;
   CREATE TABLE aggregates (
     batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
     point INTEGER NOT NULL,
     ord INTEGER NOT NULL,
     measure TEXT NOT NULL,
     n INTEGER NOT NULL, excluded INTEGER NOT NULL,
     mean REAL, sd REAL, median REAL, p5 REAL, p95 REAL, min REAL, max REAL, ci_low REAL, ci_high REAL,
     PRIMARY KEY (batch_id, point, measure)
   );`,
  // 2: where each run's kills and impacts fell (for maps), and one row per working session.
  `ALTER TABLE runs ADD COLUMN marks TEXT;
   CREATE TABLE sessions (
     batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     workers INTEGER NOT NULL,
     runs_done INTEGER NOT NULL DEFAULT 0,
     how_ended TEXT
   );`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface BatchDefinition {
  id: string;
  kind: 'mc' | 'sweep';
  scenarioName: string;
  scenarioFile: string;
  scenarioHash: string;
  scenarioText: string;
  /** The command's parameters, as given (runs, seed, sets, lhs …). */
  params: Record<string, unknown>;
  runsPerPoint: number;
  batchSeed: number;
  points: { params: SweepPoint; scenarioHash: string }[];
}

export interface BatchInfo extends Omit<BatchDefinition, 'points'> {
  pointCount: number;
  totalRuns: number;
  /** Runs stored, with an outcome or an error. */
  doneRuns: number;
  failedRuns: number;
  createdAt: string;
  finishedAt: string | null;
  /** Wall time spent running, summed over sessions. */
  elapsedMs: number;
}

export interface PointInfo {
  point: number;
  params: SweepPoint;
  scenarioHash: string;
}

export interface RunRow {
  point: number;
  run: number;
  seed: number;
  /** Undefined when the run threw. */
  outcome?: Outcome;
  error?: string;
  marks?: RunMarks;
  durationMs: number;
}

export interface PointAggregate {
  point: number;
  measures: { name: string; summary: Summary }[];
}

// JSON cannot hold NaN or ±Infinity (a cost-exchange ratio with no spend is ∞): they travel as strings.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);
export const encodeJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
export const decodeJson = <T>(text: string): T =>
  JSON.parse(text, (_key, v) => (typeof v === 'string' && NON_FINITE.has(v) ? Number(v) : v)) as T;

const num = (v: number | null): number => (v === null ? NaN : v);

export function openResultsStore(
  file: string = DEFAULT_STORE,
  options: { readonly?: boolean } = {},
): ResultsStore {
  return new ResultsStore(file, options.readonly ?? false);
}

export class ResultsStore {
  readonly db: Database.Database;

  constructor(
    readonly file: string,
    readonly readonly = false,
  ) {
    if (!readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    try {
      this.db = new Database(file, { readonly, fileMustExist: readonly });
    } catch (e) {
      throw new StoreError(`cannot open the results store ${file}: ${(e as Error).message}`);
    }
    this.db.pragma('busy_timeout = 10000');
    if (!readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const version = this.schemaVersion;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new StoreError(
        `${this.file} has schema version ${version}, newer than this bulwark knows (${SCHEMA_VERSION}); upgrade bulwark`,
      );
    }
    if (version === SCHEMA_VERSION) return;
    if (this.readonly)
      throw new StoreError(`${this.file} has schema version ${version}; open it once read-write to migrate`);
    this.db
      .transaction(() => {
        for (let v = version; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Creates the batch if it is new; an existing batch with this id is left as it is. */
  ensureBatch(batch: BatchDefinition, now: string): void {
    this.db
      .transaction(() => {
        const exists = this.db.prepare('SELECT 1 FROM batches WHERE id = ?').get(batch.id);
        if (exists) return;
        this.db
          .prepare(
            `INSERT INTO batches (id, kind, scenario_name, scenario_file, scenario_hash, scenario_text, params,
             runs_per_point, batch_seed, point_count, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            batch.id,
            batch.kind,
            batch.scenarioName,
            batch.scenarioFile,
            batch.scenarioHash,
            batch.scenarioText,
            encodeJson(batch.params),
            batch.runsPerPoint,
            batch.batchSeed,
            batch.points.length,
            now,
          );
        const insert = this.db.prepare(
          'INSERT INTO points (batch_id, point, params, scenario_hash) VALUES (?, ?, ?, ?)',
        );
        batch.points.forEach((p, i) => insert.run(batch.id, i, encodeJson(p.params), p.scenarioHash));
      })
      .immediate();
  }

  /** The (point, run) pairs already stored, as point * runsPerPoint + run. */
  storedRunKeys(batchId: string, runsPerPoint: number): Set<number> {
    const keys = new Set<number>();
    for (const row of this.db
      .prepare('SELECT point, run FROM runs WHERE batch_id = ?')
      .iterate(batchId) as IterableIterator<{ point: number; run: number }>)
      keys.add(row.point * runsPerPoint + row.run);
    return keys;
  }

  /** Stores finished runs in one transaction: all of them or, if the process dies, none. */
  addRuns(batchId: string, rows: readonly RunRow[]): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO runs (batch_id, point, run, seed, outcome, error, duration_ms, marks)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of rows)
        insert.run(
          batchId,
          r.point,
          r.run,
          r.seed,
          r.outcome === undefined ? null : encodeJson(r.outcome),
          r.error ?? null,
          r.durationMs,
          r.marks === undefined ? null : JSON.stringify(r.marks),
        );
    })();
  }

  startSession(batchId: string, workers: number, now: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO sessions (batch_id, started_at, workers) VALUES (?, ?, ?)')
        .run(batchId, now, workers).lastInsertRowid,
    );
  }

  endSession(
    session: number,
    batchId: string,
    runsDone: number,
    elapsedMs: number,
    howEnded: string,
    now: string,
    /** Workers that took part, when known only at the end (queue workers). */
    workers?: number,
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE sessions SET ended_at = ?, runs_done = ?, how_ended = ?, workers = coalesce(?, workers) WHERE rowid = ?',
        )
        .run(now, runsDone, howEnded, workers ?? null, session);
      this.db.prepare('UPDATE batches SET elapsed_ms = elapsed_ms + ? WHERE id = ?').run(elapsedMs, batchId);
    })();
  }

  /** Replaces a batch's aggregates and marks it finished. */
  saveAggregates(batchId: string, aggregates: readonly PointAggregate[], now: string): void {
    const insert = this.db.prepare(
      `INSERT INTO aggregates (batch_id, point, ord, measure, n, excluded, mean, sd, median, p5, p95, min, max, ci_low, ci_high)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM aggregates WHERE batch_id = ?').run(batchId);
      for (const { point, measures } of aggregates)
        measures.forEach(({ name, summary: s }, ord) =>
          insert.run(batchId, point, ord, name, ...SUMMARY_FIELDS.map((f) => s[f])),
        );
      this.db.prepare('UPDATE batches SET finished_at = ? WHERE id = ?').run(now, batchId);
    })();
  }

  // ---- read API ----

  /** Every stored batch, newest first. */
  listBatches(): BatchInfo[] {
    return (this.db.prepare(`${BATCH_SELECT} ORDER BY b.created_at DESC, b.id`).all() as BatchRecord[]).map(
      toBatchInfo,
    );
  }

  /** A batch by its id or an unambiguous prefix of it. */
  getBatch(idOrPrefix: string): BatchInfo | undefined {
    const rows = this.db
      .prepare(`${BATCH_SELECT} WHERE b.id = ? OR b.id LIKE ? ESCAPE '\\' ORDER BY b.id`)
      .all(idOrPrefix, `${idOrPrefix.replace(/[\\%_]/g, '\\$&')}%`) as BatchRecord[];
    const exact = rows.find((r) => r.id === idOrPrefix);
    if (exact) return toBatchInfo(exact);
    if (rows.length > 1)
      throw new StoreError(
        `'${idOrPrefix}' matches ${rows.length} batches: ${rows.map((r) => r.id).join(', ')}`,
      );
    return rows.length === 1 ? toBatchInfo(rows[0]) : undefined;
  }

  getPoints(batchId: string): PointInfo[] {
    return (
      this.db
        .prepare('SELECT point, params, scenario_hash FROM points WHERE batch_id = ? ORDER BY point')
        .all(batchId) as {
        point: number;
        params: string;
        scenario_hash: string;
      }[]
    ).map((r) => ({
      point: r.point,
      params: decodeJson<SweepPoint>(r.params),
      scenarioHash: r.scenario_hash,
    }));
  }

  /** The stored aggregates, one entry per point in point order, measures in their first-seen order. */
  getAggregates(batchId: string): PointAggregate[] {
    const rows = this.db
      .prepare('SELECT * FROM aggregates WHERE batch_id = ? ORDER BY point, ord')
      .all(batchId) as AggregateRecord[];
    const out: PointAggregate[] = [];
    for (const r of rows) {
      if (out.length === 0 || out[out.length - 1].point !== r.point)
        out.push({ point: r.point, measures: [] });
      out[out.length - 1].measures.push({
        name: r.measure,
        summary: {
          n: r.n,
          excluded: r.excluded,
          mean: num(r.mean),
          sd: num(r.sd),
          median: num(r.median),
          p5: num(r.p5),
          p95: num(r.p95),
          min: num(r.min),
          max: num(r.max),
          ciLow: num(r.ci_low),
          ciHigh: num(r.ci_high),
        },
      });
    }
    return out;
  }

  /** A batch's stored runs in (point, run) order, read one at a time. */
  *runs(batchId: string, point?: number, options: { marks?: boolean } = {}): Generator<RunRow> {
    const columns = `point, run, seed, outcome, error, duration_ms${options.marks ? ', marks' : ''}`;
    const statement =
      point === undefined
        ? this.db.prepare(`SELECT ${columns} FROM runs WHERE batch_id = ? ORDER BY point, run`).bind(batchId)
        : this.db
            .prepare(`SELECT ${columns} FROM runs WHERE batch_id = ? AND point = ? ORDER BY run`)
            .bind(batchId, point);
    for (const r of statement.iterate() as IterableIterator<RunRecord>) {
      const row: RunRow = { point: r.point, run: r.run, seed: r.seed, durationMs: r.duration_ms };
      if (r.outcome !== null) row.outcome = decodeJson<Outcome>(r.outcome);
      if (r.error !== null) row.error = r.error;
      if (r.marks) row.marks = JSON.parse(r.marks) as RunMarks;
      yield row;
    }
  }

  /** The runs that threw, with their seeds, for reproducing one alone. */
  failedRuns(batchId: string): { point: number; run: number; seed: number; error: string }[] {
    return this.db
      .prepare(
        'SELECT point, run, seed, error FROM runs WHERE batch_id = ? AND error IS NOT NULL ORDER BY point, run',
      )
      .all(batchId) as { point: number; run: number; seed: number; error: string }[];
  }
}

const BATCH_SELECT = `SELECT b.*,
    (SELECT COUNT(*) FROM runs r WHERE r.batch_id = b.id) AS done_runs,
    (SELECT COUNT(*) FROM runs r WHERE r.batch_id = b.id AND r.error IS NOT NULL) AS failed_runs
  FROM batches b`;

interface BatchRecord {
  id: string;
  kind: 'mc' | 'sweep';
  scenario_name: string;
  scenario_file: string;
  scenario_hash: string;
  scenario_text: string;
  params: string;
  runs_per_point: number;
  batch_seed: number;
  point_count: number;
  created_at: string;
  finished_at: string | null;
  elapsed_ms: number;
  done_runs: number;
  failed_runs: number;
}

interface AggregateRecord {
  point: number;
  measure: string;
  n: number;
  excluded: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  p5: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

interface RunRecord {
  point: number;
  run: number;
  seed: number;
  outcome: string | null;
  error: string | null;
  duration_ms: number;
  marks?: string | null;
}

function toBatchInfo(r: BatchRecord): BatchInfo {
  return {
    id: r.id,
    kind: r.kind,
    scenarioName: r.scenario_name,
    scenarioFile: r.scenario_file,
    scenarioHash: r.scenario_hash,
    scenarioText: r.scenario_text,
    params: decodeJson<Record<string, unknown>>(r.params),
    runsPerPoint: r.runs_per_point,
    batchSeed: r.batch_seed,
    pointCount: r.point_count,
    totalRuns: r.runs_per_point * r.point_count,
    doneRuns: r.done_runs,
    failedRuns: r.failed_runs,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    elapsedMs: r.elapsed_ms,
  };
}
