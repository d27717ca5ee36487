// One run: a validated scenario and a seed in, the event log out. Pure and deterministic.

import { simulate } from '../engine/simulate.js';
import { roundS, type RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { ThreatStatus } from '../model/world.js';
import { computeOutcome } from '../metrics/outcome.js';
import { assemble } from './assemble.js';

export function runScenario(scenario: Scenario, seed: number = scenario.seed): RunLog {
  const { world, log, phases, trackScorer } = assemble(scenario, seed);
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
  };
}

export interface RunResult {
  log: RunLog;
  outcome: Outcome;
}

export function runAndMeasure(scenario: Scenario, seed: number = scenario.seed): RunResult {
  const log = runScenario(scenario, seed);
  return { log, outcome: computeOutcome(scenario, log) };
}
