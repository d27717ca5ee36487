// The typed event log of a run. Positions are local ENU metres rounded to 0.1 m, times are
// seconds after scenario start rounded to 1 ms, so the log serialises byte-identically.

import type { TrackScore } from './outcome.js';
import type { TrajectorySamples } from './trajectory.js';

export type SimEvent =
  | {
      t: number;
      kind: 'threat-launch';
      threat: number;
      type: string;
      wave: string;
      e: number;
      n: number;
      aim: string;
    }
  | { t: number; kind: 'interceptor-launch'; unit: string; flight: number; track: number }
  | {
      t: number;
      kind: 'intercept-attempt';
      unit: string;
      flight: number;
      threat: number;
      type: string;
      pk: number;
      e: number;
      n: number;
      u: number;
      /** Rounds fired, for a burst of a gun, fire group or jet cannon (flight is then -1). */
      rounds?: number;
    }
  | {
      t: number;
      kind: 'kill';
      unit: string;
      flight: number;
      threat: number;
      type: string;
      nearestAssetM: number;
    }
  | { t: number; kind: 'miss'; unit: string; flight: number; threat: number; type: string }
  | {
      t: number;
      kind: 'impact';
      threat: number;
      type: string;
      asset: string;
      /** Fraction of the asset this hit destroyed. */
      damage: number;
      valueLost: number;
    }
  | {
      t: number;
      kind: 'expired';
      threat: number;
      type: string;
      reason: 'decoy-spent' | 'out-of-range' | 'end-of-run';
    }
  | {
      t: number;
      kind: 'lost-ew';
      threat: number;
      type: string;
      zone: string;
      mode: 'crashed' | 'astray';
      e: number;
      n: number;
    }
  | {
      t: number;
      kind: 'interceptor-lost';
      unit: string;
      flight: number;
      /** Out of endurance, or a missile recalled by C2 (self-destructed). */
      reason: 'endurance' | 'recalled';
    }
  | { t: number; kind: 'interceptor-recovered'; unit: string; flight: number }
  | DefenderEvent
  | {
      t: number;
      kind: 'assignment';
      unit: string;
      /** The flight re-vectored, or -1 for a launch. */
      flight: number;
      /** Track engaged, or -1 for a recall. */
      track: number;
      /** Expected cost saved by this shot in the plan (value saved minus its price), value units. */
      gain: number;
      /** What the gain is made of, for the track taken (absent for a recall). */
      terms?: AssignmentTerms;
      /** The best other tracks this weapon could have taken and what each would have saved. */
      alternatives: { track: number; gain: number; terms?: AssignmentTerms }[];
    };

/**
 * One shot's gain in the plan, term by term:
 *   gain = valueAtRisk x (1 - pDecoy) x othersMiss x pk - price + commitment
 */
export interface AssignmentTerms {
  /** Value one hit of the track would take, if it is real (value units). */
  valueAtRisk: number;
  /** Probability that the track is a decoy. */
  pDecoy: number;
  /** Probability that the plan's other shots at the track all miss. */
  othersMiss: number;
  /** Kill probability of this shot. */
  pk: number;
  /** Price of the shot: its cost times c2.valuePerMoney (with the tie-break), plus any reserve term. */
  price: number;
  /** Commitment: + for staying on the engagement under way, - for leaving it (value units). */
  commitment: number;
}

/** Defender logistics and platform events: deliveries, reloads, jet sorties. */
export type DefenderEvent =
  | { t: number; kind: 'resupply'; unit: string; amount: number }
  | { t: number; kind: 'reloaded'; unit: string; missiles: number }
  | { t: number; kind: 'sortie'; unit: string; mission: 'cap' | 'scramble' }
  | { t: number; kind: 'landed'; unit: string; missilesLeft: number };

export type SimEventKind = SimEvent['kind'];

export interface RunLog {
  scenario: string;
  seed: number;
  stepS: number;
  durationS: number;
  /** Seconds after start at which the run ended (all threats resolved, or the duration). */
  endS: number;
  events: SimEvent[];
  /** Track picture score measured during the run (runs with a real tracker only). */
  trackPicture?: TrackScore;
  /** Positions sampled over time when the run was asked for them (replay); absent otherwise. */
  samples?: TrajectorySamples;
}

export function roundM(value: number): number {
  return Math.round(value * 10) / 10;
}

export function roundS(value: number): number {
  return Math.round(value * 1000) / 1000;
}
