// Finished runs kept as NDJSON files in a results folder (`<id>.ndjson`), so the console can list
// them and stream any one back without loading it whole.

import { createReadStream, mkdirSync, readdirSync, statSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import type { RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import { runLogLines } from '../model/run-log-lines.js';
import { writeFileAtomic } from './atomic-write.js';
import { resolveInside } from './safe-path.js';

const RUN_FILE = /^(run-[0-9a-z-]+)\.ndjson$/;
const RUN_ID = /^run-[0-9a-z-]{1,80}$/;

export interface StoredRun {
  id: string;
  bytes: number;
}

export class RunStore {
  private counter = 0;

  constructor(
    readonly folder: string,
    /** Wall-clock source for run ids; io/ is where the clock may be read. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  save(log: RunLog, outcome: Outcome): string {
    mkdirSync(this.folder, { recursive: true });
    const stamp = this.now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'z')
      .toLowerCase();
    let id: string;
    do id = `run-${stamp}-${log.seed}-${++this.counter}`;
    while (this.path(id) !== undefined && exists(this.path(id)!));
    writeFileAtomic(join(this.folder, `${id}.ndjson`), runLogLines(log, outcome));
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
      .map((id) => ({ id, bytes: statSync(join(this.folder, `${id}.ndjson`)).size }));
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
