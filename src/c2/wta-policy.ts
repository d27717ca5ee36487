// The assignment policies: each decision cycle, evaluate the threats, describe the weapons,
// compute reachability, state the WTA problem with its explicit terms, solve it with the chosen
// solver under a deterministic budget, and turn the plan into orders with their reasons.
//
// The problem of a cycle (see docs/weapon-target-assignment.md):
//   target value   P(real) x value at risk of the track (decoy probability enters here)
//   weapons        airborne flights (may be re-vectored or recalled) and each unit's next launches
//   pk             from reachability (0 where the pair is infeasible)
//   shot price     interceptor cost x valuePerMoney, plus the reserve value for shots that would take
//                  a unit below its reserve; a weapon may hold (a flight held goes home)
//   capacity       doctrine: the salvo size of the track's type (1 = shoot-look-shoot)
//   commitment     a flight engaging a track pays switchMargin x that track's value to leave it
// Only the plan's launches due now and its changes to flights become orders; the rest of the plan
// (later launches) is re-decided next cycle, warm-started from this one.

import type { EffectorDescriptor } from '../model/effector.js';
import { EffectorOrigin } from '../model/effector.js';
import type { AssignmentTerms, SimEvent } from '../model/events.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import { FlightStatus } from '../model/world.js';
import { describeEffectors } from './effectors.js';
import { ReachMatrix, computeReachability } from './reachability.js';
import { ThreatAssessment, evaluateThreats } from './threat-evaluation.js';
import type { C2Policy, C2PolicyFactory, C2View } from './types.js';
import { gainTerms } from './gain-terms.js';
import { HOLD, type WtaProblem } from './wta-problem.js';
import type { WtaSolver } from './wta-solver.js';
import { WtaState } from './wta-state.js';

/** Alternatives named in each assignment's explanation. */
const ALTERNATIVES = 3;
/**
 * Longest a waiting weapon (SAM, gun, fire group) is planned to wait for a threat to come within
 * range: later shots are planned when the threat is nearer (c2/reachability).
 */
export const WAIT_HORIZON_S = 120;
/** Cycles after which the plan is redone even if nothing changed but positions. */
const REPLAN_EVERY = 5;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The WTA problem of one cycle, from the assessed threats, the weapons and their reach. */
export function buildCycleProblem(
  scenario: Scenario,
  threats: ThreatAssessment,
  effectors: readonly EffectorDescriptor[],
  reach: ReachMatrix,
): WtaProblem {
  const W = effectors.length;
  const T = threats.count;
  const spec = scenario.c2;
  const values = new Float64Array(T);
  const capacity = new Int32Array(T);
  for (let k = 0; k < T; k++) {
    values[k] = threats.pReal[k] * threats.valueAtRisk[k];
    capacity[k] = spec.salvoByThreatType[threats.threatType[k]] ?? 1;
  }
  const pk = new Float64Array(W * T);
  const shotCost = new Float64Array(W);
  const incumbent = new Int32Array(W).fill(HOLD);
  const switchCost = new Float64Array(W);
  for (let e = 0; e < W; e++) {
    for (let r = reach.start[e]; r < reach.start[e + 1]; r++) pk[e * T + reach.track[r]] = reach.pk[r];
    shotCost[e] = effectors[e].shotPrice;
    const engaged = effectors[e].engagedTrack;
    if (engaged >= 0) {
      for (let k = 0; k < T; k++)
        if (threats.trackId[k] === engaged) {
          incumbent[e] = k;
          // Leaving an engagement the weapon can still complete must be clearly better.
          if (pk[e * T + k] > 0) switchCost[e] = spec.switchMargin * values[k];
          break;
        }
    }
  }
  // A salvo already in the air is honoured even if the doctrine is tighter now.
  for (let e = 0; e < W; e++)
    if (incumbent[e] >= 0) capacity[incumbent[e]] = Math.max(capacity[incumbent[e]], 1);
  const inFlight = new Int32Array(T);
  for (let e = 0; e < W; e++) if (incumbent[e] >= 0) inFlight[incumbent[e]]++;
  for (let k = 0; k < T; k++) capacity[k] = Math.max(capacity[k], inFlight[k]);
  return { weapons: W, targets: T, values, pk, shotCost, mayHold: true, capacity, incumbent, switchCost };
}

/** A weapon's key across cycles: its flight, or its unit and shot number. */
function weaponKey(w: EffectorDescriptor): number {
  return w.origin === EffectorOrigin.Airborne ? -1 - w.flight : w.unit * 64 + w.shot;
}

export function createWtaPolicy(solver: WtaSolver, budget: (iterations: number) => number): C2PolicyFactory {
  return (scenario: Scenario): C2Policy => {
    const spec = scenario.c2;
    const threats = new ThreatAssessment();
    const reach = new ReachMatrix();
    const effectors: EffectorDescriptor[] = [];
    /** Last cycle's plan: weapon key → track id. */
    let plan = new Map<number, number>();
    let cycle = 0;
    let lastPlanned = -Infinity;
    let lastSignature = '';
    return {
      decide(t: number, view: C2View, orders: Order[], events?: { push(event: SimEvent): void }): void {
        cycle++;
        describeEffectors(t, scenario, view.units, view.flights, spec, effectors);
        // Re-plan when the situation changed (tracks came or went, a launcher is ready, a flight
        // launched or ended) and at least every REPLAN_EVERY cycles as the geometry evolves.
        const signature = situation(view, effectors);
        if (signature === lastSignature && cycle - lastPlanned < REPLAN_EVERY) return;
        lastSignature = signature;
        lastPlanned = cycle;
        evaluateThreats(t, scenario, view.tracks, threats, view.assetDamage);
        computeReachability(effectors, threats, reach, WAIT_HORIZON_S);
        const problem = buildCycleProblem(scenario, threats, effectors, reach);
        const W = problem.weapons;
        const start = new Int32Array(W);
        for (let e = 0; e < W; e++) {
          const id = plan.get(weaponKey(effectors[e]));
          start[e] = id === undefined ? problem.incumbent![e] : rowOf(threats, id);
          if (
            start[e] >= 0 &&
            problem.pk[e * problem.targets + start[e]] === 0 &&
            start[e] !== problem.incumbent![e]
          )
            start[e] = HOLD;
        }
        const solution =
          W === 0 || problem.targets === 0
            ? { assignment: new Int32Array(W).fill(HOLD) }
            : solver.solve(problem, { maxIterations: budget(spec.iterations), seed: cycle, start });
        const assignment = solution.assignment;
        const next = new Map<number, number>();
        const state = new WtaState(problem);
        state.load(assignment);

        for (let e = 0; e < W; e++) {
          const w = effectors[e];
          const j = assignment[e];
          const trackId = j === HOLD ? -1 : threats.trackId[j];
          next.set(weaponKey(w), trackId);
          const unitName = scenario.defenders[w.unit].name;
          let flightId = -1;
          if (w.origin === EffectorOrigin.Airborne) {
            const outbound = view.flights.status[w.flight] === FlightStatus.Outbound;
            const current = outbound ? view.flights.targetTrack[w.flight] : -1;
            if (trackId === current) continue;
            // A returning flight left alone keeps going home.
            if (!outbound && trackId === -1) continue;
            orders.push({ kind: 'vector', flight: w.flight, track: trackId });
            flightId = view.flights.id[w.flight];
          } else {
            // A shot is ordered once only what the order itself starts (preparation, scramble) is left.
            if (j === HOLD || w.shot !== 0 || w.launchDelayS > w.orderLeadS) continue;
            orders.push({ kind: 'launch', unit: w.unit, track: trackId });
          }
          if (events) events.push(explain(t, state, threats, e, unitName, flightId));
        }
        plan = next;
      },
    };
  };
}

/** What the plan depends on besides geometry: the tracks, ready launchers and flights. */
function situation(view: C2View, effectors: readonly EffectorDescriptor[]): string {
  const { tracks, flights } = view;
  let ids = 0;
  for (let k = 0; k < tracks.count; k++) ids = (Math.imul(ids, 31) + tracks.id[k]) | 0;
  let weapons = 0;
  for (const w of effectors)
    if (w.origin === EffectorOrigin.Airborne)
      weapons = (Math.imul(weapons, 31) + flights.id[w.flight] * 2 + flights.status[w.flight]) | 0;
    else if (w.launchDelayS <= w.orderLeadS)
      weapons = (Math.imul(weapons, 31) + w.unit * 97 + w.shot + 7) | 0;
  return `${tracks.count}:${ids}:${effectors.length}:${weapons}`;
}

function rowOf(threats: ThreatAssessment, trackId: number): number {
  if (trackId < 0) return HOLD;
  for (let k = 0; k < threats.count; k++) if (threats.trackId[k] === trackId) return k;
  return HOLD;
}

/** Why weapon e does what the plan says: its saving there, and the best alternatives' savings. */
export function explain(
  t: number,
  state: WtaState,
  threats: ThreatAssessment,
  e: number,
  unit: string,
  flight: number,
): SimEvent {
  const chosen = state.assign[e];
  state.move(e, HOLD);
  const gainOf = (j: number) => -state.moveDelta(e, j);
  const gain = chosen === HOLD ? 0 : gainOf(chosen);
  const options: { track: number; gain: number; terms?: AssignmentTerms }[] = [];
  const { reach } = state;
  for (let r = reach.start[e]; r < reach.start[e + 1]; r++) {
    const j = reach.target[r];
    if (j === chosen || !state.canTake(j)) continue;
    options.push({ track: threats.trackId[j], gain: gainOf(j), terms: termsOf(state, threats, e, j) });
  }
  if (chosen !== HOLD) options.push({ track: -1, gain: 0 });
  options.sort((a, b) => b.gain - a.gain || a.track - b.track);
  const terms = chosen === HOLD ? undefined : termsOf(state, threats, e, chosen);
  state.move(e, chosen);
  return {
    t: round3(t),
    kind: 'assignment',
    unit,
    flight,
    track: chosen === HOLD ? -1 : threats.trackId[chosen],
    gain: round3(gain),
    ...(terms ? { terms } : {}),
    alternatives: options
      .slice(0, ALTERNATIVES)
      .map((o) => ({ track: o.track, gain: round3(o.gain), ...(o.terms ? { terms: o.terms } : {}) })),
  };
}

/** The terms of weapon e's gain on target j, as the assignment event reports them. */
function termsOf(state: WtaState, threats: ThreatAssessment, e: number, j: number): AssignmentTerms {
  const g = gainTerms(state, e, j);
  return {
    valueAtRisk: round3(threats.valueAtRisk[j]),
    pDecoy: round3(1 - threats.pReal[j]),
    othersMiss: round3(g.othersMiss),
    pk: round3(g.pk),
    price: round6(g.price),
    commitment: round3(g.commitment),
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
