// What the submitter and the workers of a queued batch share: how a `redis://` address becomes a
// connection, the queue's name, what a job carries (the project version, the batch, a chunk of
// seeded runs) and what comes back (the run rows, as the results store keeps them), and the version
// both sides must agree on so that a queued run gives the very numbers a local run gives.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionOptions } from 'bullmq';
import type { NightResult } from '../analysis/campaign/index.js';
import type { RunChunk } from './mc-worker.js';
import type { NightsTask } from './night-task.js';
import { decodeJson, encodeJson, type RunRow } from './results-store.js';
import { PACKAGE_ROOT } from './scenario-file.js';

/** The BullMQ queue runs are sent on, unless --queue-name names another. */
export const DEFAULT_QUEUE_NAME = 'bulwark-runs';

export class QueueAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueAddressError';
  }
}

export interface QueueAddress {
  /** The address as given, without its password: safe to print. */
  display: string;
  connection: ConnectionOptions;
}

/**
 * Reads `redis://[[user]:password@]host[:port][/db]` (or `rediss://` for TLS). Commands wait while
 * Redis is away (maxRetriesPerRequest: null), so a restart of Redis pauses the batch instead of
 * failing it.
 */
export function parseQueueAddress(text: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueAddressError(`--queue: expected redis://HOST:PORT, found '${text}'`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new QueueAddressError(
      `--queue: expected a redis:// or rediss:// address, found '${url.protocol}' in '${text}'`,
    );
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') throw new QueueAddressError(`--queue: no host in '${text}'`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText))
    throw new QueueAddressError(
      `--queue: the path of '${text}' must be a database number such as /0, found '/${dbText}'`,
    );
  const connection: ConnectionOptions = {
    host,
    port,
    db: dbText === '' ? 0 : Number(dbText),
    maxRetriesPerRequest: null,
    // Back off to at most 2 s between reconnection attempts, forever.
    retryStrategy: (attempt: number) => Math.min(2000, 100 * attempt),
  };
  if (url.username !== '') connection.username = decodeURIComponent(url.username);
  if (url.password !== '') connection.password = decodeURIComponent(url.password);
  if (url.protocol === 'rediss:') connection.tls = { servername: host };
  const shown = new URL(text);
  if (shown.password !== '') shown.password = '***';
  return { display: shown.toString().replace(/\/$/, ''), connection };
}

/** What a job carries: seeded runs of a batch, or design nights of a campaign surrogate's fit. */
export interface RunJobData {
  /** The submitter's project version: a worker of another version refuses the job. */
  version: string;
  /** The batch (mc-…, sweep-…) or the surrogate fit (fit-…) the job belongs to. */
  batchId: string;
  chunk?: RunChunk;
  nights?: NightsTask;
}

/** What a job gives back: the rows of its runs (or its nights' results) and who ran them. */
export interface RunJobResult {
  worker: string;
  rows?: RunRow[];
  nights?: NightResult[];
}

/**
 * What a worker of another version leaves on a job it refuses (as the job's progress, which the
 * queue's event stream carries to the submitter at once and the job keeps for one that re-attaches).
 */
export interface JobRefusal {
  refused: { worker: string; version: string };
}

export function isJobRefusal(progress: unknown): progress is JobRefusal {
  if (typeof progress !== 'object' || progress === null) return false;
  const r = (progress as { refused?: unknown }).refused as
    { worker?: unknown; version?: unknown } | undefined;
  return typeof r === 'object' && r !== null && typeof r.worker === 'string' && typeof r.version === 'string';
}

// Outcomes hold NaN and ±Infinity, which JSON cannot: results travel encoded as the store encodes them.
export const encodeResult = (result: RunJobResult): string => encodeJson(result);
export const decodeResult = (text: string): RunJobResult => decodeJson<RunJobResult>(text);

/** A chunk's job id: stable for a batch, so a re-run submitter finds the jobs it queued before. */
export function chunkJobId(batchId: string, version: string, chunk: RunChunk): string {
  const first = chunk.runs[0] ?? { point: 0, run: 0 };
  return `${batchId}.${version.slice(-8)}.p${first.point}.r${first.run}`;
}

let cachedVersion: string | undefined;

/**
 * The project version: package.json's version and a hash of the compiled simulation code (dist/,
 * without the browser console). Two installs with the same version give the same numbers for
 * the same seed; a worker built from other code must not contribute to a batch.
 */
export function projectVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  const dist = join(PACKAGE_ROOT, 'dist');
  const files = (readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.js') && !f.startsWith('console'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(dist, f)))
      .update('\0');
  cachedVersion = `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
  return cachedVersion;
}
