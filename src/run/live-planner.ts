// The live decision loop's planner: the simulation's C2 pipeline (threat evaluation, effector
// descriptors, reachability, the cycle's WTA problem, the scenario's solver, the explanation of
// each shot) run over the live picture and the own forces as the operator reports them. It
// recommends; the operator decides. What the operator says is kept here and respected by every
// later re-plan:
//   accept  the unit's shot is spent (stock, launcher, crew) and the track counts as engaged:
//           its value enters the next problem multiplied by (1 - pk) of each engagement under way
//   reject  that unit is not offered on that track again
//   result  kill: the track leaves the picture for good; miss/aborted: its full value returns,
//           and the crew or launch rail is free again
// Pure: the caller passes the picture time; nothing here reads a clock.

import { wtaBudget } from '../c2/index.js';
import { describeEffectors } from '../c2/effectors.js';
import { computeReachability, ReachMatrix } from '../c2/reachability.js';
import { evaluateThreats, ThreatAssessment } from '../c2/threat-evaluation.js';
import { HOLD } from '../c2/wta-problem.js';
import { buildCycleProblem, explain } from '../c2/wta-policy.js';
import { WTA_SOLVERS } from '../c2/wta-solvers.js';
import { WtaState } from '../c2/wta-state.js';
import { LocalFrame } from '../core/geo.js';
import type { EffectorDescriptor } from '../model/effector.js';
import type { EngagementResult, LiveAssessment, LivePlan, LiveRecommendation } from '../model/live.js';
import type { Scenario } from '../model/scenario.js';
import type { FlightState, UnitState } from '../model/world.js';
import { assemble } from './assemble.js';
import type { LivePicture } from './live-picture.js';

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** An engagement the operator accepted and has not yet reported back. */
export interface Engagement {
  track: string;
  unit: number;
  pk: number;
  acceptedS: number;
}

/** Why an operator request was refused, or null when it was taken. */
export type OperatorRefusal = string | null;

export class LivePlanner {
  private readonly units: UnitState;
  private readonly flights: FlightState;
  private readonly frame: LocalFrame;
  private readonly threats = new ThreatAssessment();
  private readonly reach = new ReachMatrix();
  private readonly effectors: EffectorDescriptor[] = [];
  private readonly unitIndex = new Map<string, number>();
  /** Shots the operator rejected: this unit, this track. */
  private readonly rejected: { track: string; unit: number }[] = [];
  readonly engagements: Engagement[] = [];
  /** Last plan: weapon key → track uid, the warm start of the next solve. */
  private plan = new Map<number, string>();
  private seq = 0;
  /** The last plan, for the operator's requests to be checked against. */
  last: LivePlan | undefined;

  constructor(
    private readonly scenario: Scenario,
    private readonly picture: LivePicture,
  ) {
    // The own forces start as the scenario sets them up (stocks, SAMs loaded, jets on alert).
    const { world } = assemble({ ...scenario, waves: [] }, scenario.seed);
    this.units = world.units;
    this.flights = world.flights;
    this.frame = new LocalFrame(scenario.origin);
    scenario.defenders.forEach((d, u) => this.unitIndex.set(d.name, u));
  }

  /** Stock left per unit, by name. */
  stock(): Record<string, number> {
    const out: Record<string, number> = {};
    this.scenario.defenders.forEach((d, u) => (out[d.name] = this.units.left(u)));
    return out;
  }

  /** Re-plan at picture time t over the picture as it stands. */
  replan(t: number): LivePlan {
    const { scenario, picture, threats, reach, effectors } = this;
    const spec = scenario.c2;
    describeEffectors(t, scenario, this.units, this.flights, spec, effectors);
    evaluateThreats(t, scenario, picture.tracks, threats);
    computeReachability(effectors, threats, reach);
    const problem = buildCycleProblem(scenario, threats, effectors, reach);
    const W = problem.weapons;
    const T = problem.targets;
    // What the operator said: rejected pairs are out, engaged tracks are worth what may survive.
    for (const r of this.rejected) {
      const row = rowOfTrack(threats, picture.trackId(r.track));
      if (row >= 0) for (let e = 0; e < W; e++) if (effectors[e].unit === r.unit) problem.pk[e * T + row] = 0;
    }
    for (const g of this.engagements) {
      const row = rowOfTrack(threats, picture.trackId(g.track));
      if (row >= 0) problem.values[row] *= 1 - g.pk;
    }
    let valueAtStake = 0;
    for (let k = 0; k < T; k++) valueAtStake += problem.values[k];

    const start = new Int32Array(W).fill(HOLD);
    for (let e = 0; e < W; e++) {
      const uid = this.plan.get(weaponKey(effectors[e]));
      const row = uid === undefined ? -1 : rowOfTrack(threats, picture.trackId(uid));
      if (row >= 0 && problem.pk[e * T + row] > 0) start[e] = row;
    }
    const solver = WTA_SOLVERS[spec.policy] ?? WTA_SOLVERS['greedy-mmr'];
    const assignment =
      W === 0 || T === 0
        ? new Int32Array(W).fill(HOLD)
        : solver.solve(problem, {
            maxIterations: wtaBudget(spec.policy, spec.iterations),
            seed: this.seq + 1,
            start,
          }).assignment;
    const state = new WtaState(problem);
    state.load(assignment);
    let survivingValue = 0;
    for (let k = 0; k < T; k++) survivingValue += problem.values[k] * state.survival(k);

    const recommendations: LiveRecommendation[] = [];
    const next = new Map<number, string>();
    for (let e = 0; e < W; e++) {
      const k = assignment[e];
      if (k === HOLD) continue;
      const w = effectors[e];
      const unit = scenario.defenders[w.unit];
      const uid = picture.uid(threats.trackId[k]);
      next.set(weaponKey(w), uid);
      const pair = reachPair(reach, e, k);
      const event = explain(t, state, threats, e, unit.name, -1) as Record<string, unknown>;
      const { t: _t, kind: _kind, unit: _unit, flight: _flight, track: _track, ...why } = event;
      const alternatives = (why.alternatives as { track: number; gain: number }[] | undefined)?.map((a) => ({
        ...a,
        track: a.track < 0 ? null : picture.uid(a.track),
      }));
      const at = this.frame.toLatLon(reach.x[pair], reach.y[pair], groundU(reach.x[pair], reach.y[pair]));
      recommendations.push({
        id: pairKey(uid, unit.name),
        track: uid,
        unit: unit.name,
        kind: unit.kind,
        shot: w.shot,
        now: w.shot === 0 && w.launchDelayS <= w.orderLeadS,
        launchInS: round1(w.launchDelayS),
        interceptInS: round1(reach.timeS[pair]),
        interceptAt: [round6(at.latDeg), round6(at.lonDeg)],
        pk: round3(problem.pk[e * T + k]),
        valueSaved: event.gain as number,
        threat: this.assessment(k),
        explanation: { ...why, ...(alternatives ? { alternatives } : {}) },
      });
    }
    this.plan = next;
    // Most urgent first, then the unit's shots in order.
    recommendations.sort(
      (a, b) => b.threat.priority - a.threat.priority || a.id.localeCompare(b.id) || a.shot - b.shot,
    );
    const plan: LivePlan = {
      seq: ++this.seq,
      t: round3(t),
      time: new Date(Date.parse(scenario.startIso) + Math.round(t * 1000)).toISOString(),
      tracks: T,
      effectors: W,
      engaging: this.engagements.length,
      survivingValue: round3(survivingValue),
      valueAtStake: round3(valueAtStake),
      recommendations,
    };
    this.last = plan;
    return plan;
  }

  private assessment(k: number): LiveAssessment {
    const { threats, scenario } = this;
    return {
      type: scenario.threatTypes[threats.threatType[k]]?.name ?? 'unknown',
      aim: scenario.assets[threats.aimAsset[k]]?.name ?? '',
      aimProbability: round3(threats.aimProbability[k]),
      timeToImpactS: Number.isFinite(threats.timeToImpactS[k]) ? round1(threats.timeToImpactS[k]) : -1,
      valueAtRisk: round3(threats.valueAtRisk[k]),
      pReal: round3(threats.pReal[k]),
      priority: round3(threats.priority[k]),
    };
  }

  /** The operator accepted a shot of `unitName` at `track`: spend it and count the track engaged. */
  accept(track: string, unitName: string, t: number): OperatorRefusal {
    const u = this.unitIndex.get(unitName);
    if (u === undefined) return `no defender unit named '${unitName}'`;
    const rec = this.last?.recommendations.find((r) => r.track === track && r.unit === unitName);
    if (!rec) return `the last plan recommends no shot of '${unitName}' at '${track}'`;
    const unit = this.scenario.defenders[u];
    const s = this.units;
    switch (unit.kind) {
      case 'interceptor-drone':
        if (s.stock[u] <= 0) return `'${unitName}' has no interceptors left`;
        s.stock[u]--;
        s.airborne[u]++;
        s.nextLaunchS[u] = t + unit.launchIntervalS;
        break;
      case 'sam':
        if (s.loaded[u] > 0) s.loaded[u]--;
        else if (s.stock[u] > 0) s.stock[u]--;
        else return `'${unitName}' has no missiles left`;
        s.airborne[u]++;
        s.nextLaunchS[u] = t + unit.launchIntervalS;
        break;
      case 'gun':
      case 'fire-group':
        if (s.stock[u] <= 0) return `'${unitName}' has no rounds left`;
        s.stock[u] = Math.max(0, s.stock[u] - unit.roundsPerBurst);
        s.nextLaunchS[u] = t + unit.burstIntervalS;
        break;
      case 'jet':
        if (s.loaded[u] > 0) s.loaded[u]--;
        else if (s.counter[u] > 0) s.counter[u]--;
        else return `'${unitName}' has nothing left to fire`;
        break;
    }
    this.engagements.push({ track, unit: u, pk: rec.pk, acceptedS: t });
    return null;
  }

  /** The operator rejected a recommendation: that unit is not offered on that track again. */
  reject(track: string, unitName: string): OperatorRefusal {
    const u = this.unitIndex.get(unitName);
    if (u === undefined) return `no defender unit named '${unitName}'`;
    if (!this.rejected.some((r) => r.track === track && r.unit === u)) this.rejected.push({ track, unit: u });
    return null;
  }

  /** The result of an accepted engagement. */
  report(track: string, unitName: string, result: EngagementResult): OperatorRefusal {
    const u = this.unitIndex.get(unitName);
    if (u === undefined) return `no defender unit named '${unitName}'`;
    const i = this.engagements.findIndex((g) => g.track === track && g.unit === u);
    if (i < 0) return `no accepted engagement of '${unitName}' at '${track}'`;
    this.engagements.splice(i, 1);
    const kind = this.scenario.defenders[u].kind;
    if (kind === 'interceptor-drone' || kind === 'sam')
      this.units.airborne[u] = Math.max(0, this.units.airborne[u] - 1);
    if (result === 'kill') {
      this.picture.kill(track);
      // Other engagements of a destroyed track are over too.
      for (let j = this.engagements.length - 1; j >= 0; j--)
        if (this.engagements[j].track === track) {
          const other = this.engagements[j].unit;
          const k = this.scenario.defenders[other].kind;
          if (k === 'interceptor-drone' || k === 'sam')
            this.units.airborne[other] = Math.max(0, this.units.airborne[other] - 1);
          this.engagements.splice(j, 1);
        }
    }
    return null;
  }
}

function pairKey(track: string, unit: string): string {
  return `${track} / ${unit}`;
}

/** A weapon's key across re-plans: its unit and shot number (live weapons are all launchers). */
function weaponKey(w: EffectorDescriptor): number {
  return w.unit * 64 + w.shot;
}

function rowOfTrack(threats: ThreatAssessment, trackId: number): number {
  if (trackId < 0) return -1;
  for (let k = 0; k < threats.count; k++) if (threats.trackId[k] === trackId) return k;
  return -1;
}

/** The reach pair of effector e on track row k. */
function reachPair(reach: ReachMatrix, e: number, k: number): number {
  for (let r = reach.start[e]; r < reach.start[e + 1]; r++) if (reach.track[r] === k) return r;
  return -1;
}

/** Height of the ground below the tangent plane at (e, n): the plane rises off the ellipsoid. */
export function groundU(e: number, n: number): number {
  return -(e * e + n * n) / (2 * 6_371_000);
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
