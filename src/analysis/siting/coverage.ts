// The first cut of siting: a weighted maximal-coverage model solved as a mixed-integer program.
// Demand points are laid along the raid axes (launch → route → aimed asset), weighted by the
// warhead value flying past; a unit at a candidate covers the demand points within its reach. Each
// unit takes exactly one candidate; a demand point earns its weight for the first covering unit,
// half of it for the second, a quarter for the third (diminishing returns of layering). The MIP is
// written in CPLEX LP format and handed to an LpSolver (HiGHS in io/), so this file stays pure.

import { LocalFrame, type Enu } from '../../core/geo.js';
import type { DefenderUnit, Scenario } from '../../model/scenario.js';
import type { MovedUnit } from './layout.js';

/** Solves a CPLEX-LP-format model; returns the status and the value of every column by name. */
export interface LpSolver {
  solve(lp: string): { status: string; values: Record<string, number> };
}

export interface CoverageProblem {
  /** Weight of each demand point. */
  weights: number[];
  /** covers[u][c]: the demand points unit u covers from its candidate c. */
  covers: number[][][];
  /** Weight of the k-th cover of a point is weight × LAYER_FACTORS[k]. */
  layerFactors: readonly number[];
}

export const LAYER_FACTORS = [1, 0.5, 0.25] as const;

/** How far a unit reaches from where it stands, for the coverage model only. */
export function unitReachM(unit: DefenderUnit): number {
  switch (unit.kind) {
    case 'fire-group':
    case 'gun':
      return unit.rangeM;
    case 'sam':
      return unit.maxRangeM;
    case 'interceptor-drone':
      // Out, search and engage: about a third of the distance it can fly.
      return Math.max(unit.acquisitionRangeM, (unit.speedMps * unit.enduranceS) / 3);
    case 'jet':
      return (unit.cruiseSpeedMps * unit.sortieS) / 4;
  }
}

/** Demand points along the raid axes of the given waves, `stepM` apart, with their weights. */
export function demandPoints(scenario: Scenario, waveNames: readonly string[], stepM: number) {
  const points: Enu[] = [];
  const weights: number[] = [];
  for (const wave of scenario.waves) {
    if (!waveNames.includes(wave.name)) continue;
    const type = scenario.threatTypes[wave.threatType];
    if (type.decoy || type.warheadKg <= 0) continue;
    const totalAim = wave.aim.reduce((s, a) => s + a.weight, 0);
    for (const aim of wave.aim) {
      const asset = scenario.assets[aim.asset];
      const damage = asset.value * Math.min(1, type.warheadKg / asset.destroyKg);
      const weight = ((wave.count * aim.weight) / totalAim) * damage * (stepM / 1000);
      const path = [wave.launchCenter, ...wave.route, asset.position];
      // Sampled back from the asset, so the points nearest the target are the same for every axis.
      let carried = 0;
      for (let i = path.length - 1; i > 0; i--) {
        const a = path[i];
        const b = path[i - 1];
        const length = Math.hypot(b.e - a.e, b.n - a.n);
        for (let s = carried; s < length; s += stepM) {
          const t = s / length;
          points.push({ e: a.e + t * (b.e - a.e), n: a.n + t * (b.n - a.n), u: 0 });
          weights.push(weight);
        }
        carried = (((carried - length) % stepM) + stepM) % stepM;
      }
    }
  }
  return { points, weights };
}

/** The coverage problem of the moved defender units and radars over the given waves' axes. */
export function coverageProblem(
  scenario: Scenario,
  moved: readonly MovedUnit[],
  waveNames: readonly string[],
  stepM: number,
): CoverageProblem {
  const frame = new LocalFrame(scenario.origin);
  const demand = demandPoints(scenario, waveNames, stepM);
  const reach = moved.map((m) => {
    if (m.section === 'defenders') return unitReachM(scenario.defenders[m.index]);
    const sensor = scenario.sensors[m.index];
    return sensor.type === 'radar' ? sensor.rangeM : 0;
  });
  const covers = moved.map((m, u) =>
    m.candidates.map((c) => {
      const at = frame.toEnu(c.latDeg, c.lonDeg);
      const list: number[] = [];
      demand.points.forEach((p, d) => {
        if (Math.hypot(p.e - at.e, p.n - at.n) <= reach[u]) list.push(d);
      });
      return list;
    }),
  );
  // Demand no candidate reaches changes no choice: leave it out of the model.
  const used = new Set<number>();
  for (const unit of covers) for (const list of unit) for (const d of list) used.add(d);
  const kept = [...used].sort((a, b) => a - b);
  const renumber = new Map(kept.map((d, i) => [d, i]));
  return {
    weights: kept.map((d) => demand.weights[d]),
    covers: covers.map((unit) => unit.map((list) => list.map((d) => renumber.get(d)!))),
    layerFactors: LAYER_FACTORS,
  };
}

/** The model's value of a choice (one candidate index per unit): what the MIP maximises. */
export function coverageValue(problem: CoverageProblem, choice: readonly number[]): number {
  const count = new Array<number>(problem.weights.length).fill(0);
  choice.forEach((c, u) => {
    for (const d of problem.covers[u][c]) count[d]++;
  });
  let value = 0;
  count.forEach((k, d) => {
    for (let layer = 0; layer < Math.min(k, problem.layerFactors.length); layer++)
      value += problem.weights[d] * problem.layerFactors[layer];
  });
  return value;
}

/** The MIP in CPLEX LP format: x_u_c binary (unit u at candidate c), y_d_k ∈ [0, 1] (k-th cover of d). */
export function coverageLp(problem: CoverageProblem): string {
  const lines: string[] = ['\\ weighted maximal coverage with layered covers', 'Maximize'];
  const objective: string[] = [];
  problem.weights.forEach((w, d) =>
    problem.layerFactors.forEach((f, k) => objective.push(`${num(w * f)} y_${d}_${k}`)),
  );
  lines.push(...wrap(' obj:', objective.length > 0 ? objective : ['0 x_0_0']));
  lines.push('Subject To');
  problem.covers.forEach((unit, u) =>
    lines.push(
      ...wrap(
        ` one_${u}:`,
        unit.map((_, c) => `x_${u}_${c}`),
        ' = 1',
      ),
    ),
  );
  const coveredBy: string[][] = problem.weights.map(() => []);
  problem.covers.forEach((unit, u) =>
    unit.forEach((list, c) => list.forEach((d) => coveredBy[d].push(`x_${u}_${c}`))),
  );
  coveredBy.forEach((xs, d) => {
    const terms = [...problem.layerFactors.map((_, k) => `y_${d}_${k}`), ...xs.map((x) => `- ${x}`)];
    lines.push(...wrap(` cover_${d}:`, terms, ' <= 0'));
  });
  lines.push('Bounds');
  problem.weights.forEach((_, d) =>
    problem.layerFactors.forEach((_, k) => lines.push(` 0 <= y_${d}_${k} <= 1`)),
  );
  lines.push('Binary');
  const xs: string[] = [];
  problem.covers.forEach((unit, u) => unit.forEach((_, c) => xs.push(`x_${u}_${c}`)));
  for (let i = 0; i < xs.length; i += 12) lines.push(` ${xs.slice(i, i + 12).join(' ')}`);
  lines.push('End');
  return lines.join('\n') + '\n';
}

/** Solves the coverage MIP: the chosen candidate of every unit. */
export function solveCoverage(problem: CoverageProblem, solver: LpSolver): number[] {
  const { status, values } = solver.solve(coverageLp(problem));
  if (status !== 'Optimal') throw new Error(`coverage model: the solver ended with '${status}'`);
  return problem.covers.map((unit, u) => {
    let best = 0;
    unit.forEach((_, c) => {
      if ((values[`x_${u}_${c}`] ?? 0) > (values[`x_${u}_${best}`] ?? 0)) best = c;
    });
    return best;
  });
}

const num = (v: number) => Number(v.toPrecision(12)).toString();

/** Splits a long sum over lines (the LP format allows it; readers cope better with short lines). */
function wrap(head: string, terms: readonly string[], tail = ''): string[] {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) {
    let chunk = terms
      .slice(i, i + 12)
      .join(' + ')
      .replace(/\+ -/g, '-');
    if (i === 0) chunk = `${head} ${chunk}`;
    else chunk = chunk.startsWith('-') ? `  ${chunk}` : `  + ${chunk}`;
    lines.push(chunk);
  }
  if (lines.length === 0) lines.push(head);
  lines[lines.length - 1] += tail;
  return lines;
}
