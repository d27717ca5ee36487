// A run as NDJSON lines, so a long night can be written and read (or streamed to a browser) one
// line at a time: a header, the validated scenario it was run from, the events in order, the
// sampled frames, and the outcome last. Every line is an object with exactly one key naming what
// it holds, so a stored run can be replayed without its scenario file.

import type { RunLog, SimEvent } from './events.js';
import type { Outcome } from './outcome.js';
import type { Scenario } from './scenario.js';
import type { TrajectoryFrame } from './trajectory.js';

export interface RunHeader {
  scenario: string;
  seed: number;
  stepS: number;
  durationS: number;
  endS: number;
  /** Seconds between sampled frames when the run carries them. */
  sampleEveryS?: number;
  /** The scenario file the run was made from, when it came from one. */
  source?: string;
}

export type RunLine =
  { header: RunHeader } | { event: SimEvent } | { frame: TrajectoryFrame } | { outcome: Outcome };

export interface RunLogExtras {
  outcome?: Outcome;
  /** The validated scenario, so the run can be replayed on its own. */
  spec?: Scenario;
  source?: string;
}

export function* runLogLines(log: RunLog, extras: RunLogExtras = {}): Generator<string> {
  const { outcome, spec, source } = extras;
  const header: RunHeader = {
    scenario: log.scenario,
    seed: log.seed,
    stepS: log.stepS,
    durationS: log.durationS,
    endS: log.endS,
    ...(log.samples ? { sampleEveryS: log.samples.everyS } : {}),
    ...(source !== undefined ? { source } : {}),
  };
  yield JSON.stringify({ header }) + '\n';
  if (spec) yield JSON.stringify({ spec }) + '\n';
  for (const event of log.events) yield JSON.stringify({ event }) + '\n';
  for (const frame of log.samples?.frames ?? []) yield JSON.stringify({ frame }) + '\n';
  if (outcome) yield JSON.stringify({ outcome }) + '\n';
}

/** Collects parsed lines back into a RunLog (and the outcome when present). */
export class RunLogAssembler {
  header: RunHeader | undefined;
  spec: Scenario | undefined;
  private readonly events: SimEvent[] = [];
  private readonly frames: TrajectoryFrame[] = [];
  outcome: Outcome | undefined;

  add(line: RunLine): void {
    if ('header' in line) this.header = line.header;
    else if ('spec' in line) this.spec = (line as { spec: Scenario }).spec;
    else if ('event' in line) this.events.push(line.event);
    else if ('frame' in line) this.frames.push(line.frame);
    else if ('outcome' in line) this.outcome = line.outcome;
  }

  finish(): RunLog {
    const h = this.header;
    if (!h) throw new Error('run log has no header line');
    return {
      scenario: h.scenario,
      seed: h.seed,
      stepS: h.stepS,
      durationS: h.durationS,
      endS: h.endS,
      events: this.events,
      ...(h.sampleEveryS !== undefined ? { samples: { everyS: h.sampleEveryS, frames: this.frames } } : {}),
    };
  }
}
