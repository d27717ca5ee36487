// One run: a validated scenario and a seed in, the event log out. Pure and deterministic.

import { simulate } from '../engine/simulate.js';
import { roundS, type RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { ThreatStatus } from '../model/world.js';
import { computeOutcome } from '../metrics/outcome.js';
import { assemble } from './assemble.js';
import { trajectoryObserver } from './trajectory-observer.js';

export interface RunOptions {
  /** Sample the positions of everything in the air this often (for replay); off when absent. */
  sampleEveryS?: number;
}

export function runScenario(
  scenario: Scenario,
  seed: number = scenario.seed,
  options: RunOptions = {},
): RunLog {
  const { world, log, phases, trackScorer } = assemble(scenario, seed);
  // With a real tracker the picture C2 acted on differs from the truth: sample it too.
  const observer =
    options.sampleEveryS === undefined
      ? undefined
      : trajectoryObserver(options.sampleEveryS, { tracks: trackScorer !== undefined });
  if (observer) phases.push(observer.phase);
  const { endS } = simulate(world, phases, {
    stepS: scenario.stepS,
    durationS: scenario.durationS,
    finished: (w) => w.resolvedThreats === w.threats.count,
  });
  // Whatever is still in the air when the night ends is recorded, so every launch is accounted for.
  const { threats, scenario: s } = world;
  for (let i = 0; i < threats.launchedCount; i++) {
    if (threats.status[i] === ThreatStatus.Flying || threats.status[i] === ThreatStatus.Arrived) {
      threats.status[i] = ThreatStatus.Expired;
      log.push({
        t: roundS(endS),
        kind: 'expired',
        threat: i,
        type: s.threatTypes[threats.type[i]].name,
        reason: 'end-of-run',
      });
    }
  }
  return {
    scenario: scenario.name,
    seed,
    stepS: scenario.stepS,
    durationS: scenario.durationS,
    endS,
    events: log.events,
    ...(trackScorer ? { trackPicture: trackScorer.summary() } : {}),
    ...(observer ? { samples: observer.samples } : {}),
  };
}

export interface RunResult {
  log: RunLog;
  outcome: Outcome;
}

export function runAndMeasure(
  scenario: Scenario,
  seed: number = scenario.seed,
  options: RunOptions = {},
): RunResult {
  const log = runScenario(scenario, seed, options);
  return { log, outcome: computeOutcome(scenario, log) };
}
