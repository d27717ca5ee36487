// Finished runs kept as NDJSON files in a results folder (`<id>.ndjson`), so the console can list
// them and stream any one back without loading it whole.

import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  type ReadStream,
} from 'node:fs';
import { join } from 'node:path';
import type { RunLog } from '../model/events.js';
import { runLogLines, type RunHeader, type RunLogExtras } from '../model/run-log-lines.js';
import { writeFileAtomic } from './atomic-write.js';
import { resolveInside } from './safe-path.js';

const RUN_FILE = /^(run-[0-9a-z-]+)\.ndjson$/;
const RUN_ID = /^run-[0-9a-z-]{1,80}$/;

export interface StoredRun {
  id: string;
  bytes: number;
  /** The run's header line: scenario name, seed, end time, source file. */
  header?: RunHeader;
}

/** Header lines are short; a longer first line is not a run this store wrote. */
const HEADER_BYTES = 4096;

export class RunStore {
  private counter = 0;

  constructor(
    readonly folder: string,
    /** Wall-clock source for run ids; io/ is where the clock may be read. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  save(log: RunLog, extras: RunLogExtras): string {
    mkdirSync(this.folder, { recursive: true });
    const stamp = this.now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'z')
      .toLowerCase();
    let id: string;
    do id = `run-${stamp}-${log.seed}-${++this.counter}`;
    while (this.path(id) !== undefined && exists(this.path(id)!));
    writeFileAtomic(join(this.folder, `${id}.ndjson`), runLogLines(log, extras));
    return id;
  }

  list(): StoredRun[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    return names
      .map((n) => RUN_FILE.exec(n)?.[1])
      .filter((id): id is string => id !== undefined)
      .sort()
      .map((id) => {
        const file = join(this.folder, `${id}.ndjson`);
        const header = readHeader(file);
        return { id, bytes: statSync(file).size, ...(header ? { header } : {}) };
      });
  }

  /** A stream of the run's NDJSON lines, or undefined when there is no such run. */
  open(id: string): ReadStream | undefined {
    const path = this.path(id);
    if (path === undefined || !exists(path)) return undefined;
    return createReadStream(path);
  }

  private path(id: string): string | undefined {
    if (!RUN_ID.test(id)) return undefined;
    return resolveInside(this.folder, `${id}.ndjson`);
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readHeader(file: string): RunHeader | undefined {
  const buffer = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const text = buffer.subarray(0, length).toString('utf8');
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    return (JSON.parse(text.slice(0, newline)) as { header?: RunHeader }).header;
  } catch {
    return undefined;
  }
}
