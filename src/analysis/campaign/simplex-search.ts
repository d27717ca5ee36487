// Derivative-free minimisation over the probability simplex (shares that sum to 1): a generalised
// pattern search whose moves transfer a step of share from one category to another, the step
// halved when no move improves, restarted from several points — the caller's starts, the best
// points of a coarse lattice over the simplex, and seeded random Dirichlet draws — so that one poor
// basin or a plateau (campaign objectives are piecewise constant: units come whole) does not decide.

import type { RandomStream } from '../../core/rng.js';

export interface SimplexSearchOptions {
  /** Extra random restarts after the given starts and the centre. */
  restarts: number;
  rng: RandomStream;
  starts?: number[][];
  initialStep?: number;
  /** The search stops when the step falls below this share. */
  minStep?: number;
  /** Evaluations allowed in all (a deterministic budget, never exceeded). */
  maxEvaluations?: number;
  /**
   * Divisions of the coarse lattice scanned for starts (0: none); its best `latticeStarts` points
   * start searches. Default: 4, or fewer when the lattice would take more than a quarter of the
   * evaluations (many categories).
   */
  latticeDivisions?: number;
  latticeStarts?: number;
}

export interface SimplexSearchResult {
  x: number[];
  value: number;
  evaluations: number;
  /** The best value reached from each start, in order. */
  startValues: number[];
}

export function simplexSearch(
  f: (x: number[]) => number,
  k: number,
  options: SimplexSearchOptions,
): SimplexSearchResult {
  const minStep = options.minStep ?? 0.0025;
  const maxEvaluations = options.maxEvaluations ?? 5000;
  const memo = new Map<string, number>();
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    const key = x.map((v) => v.toFixed(6)).join(',');
    let v = memo.get(key);
    if (v === undefined) {
      v = f(x);
      evaluations++;
      memo.set(key, v);
    }
    return v;
  };
  const starts = [...(options.starts ?? []), new Array<number>(k).fill(1 / k)];
  let divisions = options.latticeDivisions ?? 4;
  if (options.latticeDivisions === undefined)
    while (divisions > 1 && binomial(k + divisions - 1, divisions) > maxEvaluations / 4) divisions--;
  if (divisions > 0) {
    const lattice = compositions(k, divisions).map((c) => c.map((v) => v / divisions));
    const scored = lattice
      .filter(() => evaluations < maxEvaluations / 2)
      .map((x) => ({ x, v: evaluate(x) }))
      .sort((a, b) => a.v - b.v);
    for (const { x } of scored.slice(0, options.latticeStarts ?? 2)) starts.push(x);
  }
  for (let r = 0; r < options.restarts; r++) {
    const g = Array.from({ length: k }, () => -Math.log(1 - options.rng.next()));
    const sum = g.reduce((a, b) => a + b, 0);
    starts.push(g.map((v) => v / sum));
  }
  let best = { x: starts[0], value: Infinity };
  const startValues: number[] = [];
  for (const start of starts) {
    if (evaluations >= maxEvaluations) break;
    let x = normalise(start);
    let fx = evaluate(x);
    let step = options.initialStep ?? 0.25;
    while (step >= minStep && evaluations < maxEvaluations) {
      let bestMove: { y: number[]; fy: number } | undefined;
      for (let i = 0; i < k && evaluations < maxEvaluations; i++) {
        if (x[i] <= 0) continue;
        for (let j = 0; j < k && evaluations < maxEvaluations; j++) {
          if (i === j) continue;
          const y = [...x];
          const d = Math.min(step, y[i]);
          y[i] -= d;
          y[j] += d;
          const fy = evaluate(y);
          if (fy < (bestMove?.fy ?? fx) - 1e-12) bestMove = { y, fy };
        }
      }
      if (bestMove) {
        x = bestMove.y;
        fx = bestMove.fy;
      } else step /= 2;
    }
    startValues.push(fx);
    if (fx < best.value) best = { x, value: fx };
  }
  return { x: best.x, value: best.value, evaluations, startValues };
}

function binomial(n: number, r: number): number {
  let c = 1;
  for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
  return Math.round(c);
}

/** Every way of writing `total` as an ordered sum of `parts` whole numbers. */
function compositions(parts: number, total: number): number[][] {
  if (parts === 1) return [[total]];
  const out: number[][] = [];
  for (let i = 0; i <= total; i++)
    for (const rest of compositions(parts - 1, total - i)) out.push([i, ...rest]);
  return out;
}

function normalise(x: readonly number[]): number[] {
  const clipped = x.map((v) => Math.max(0, v));
  const sum = clipped.reduce((a, b) => a + b, 0);
  return sum > 0 ? clipped.map((v) => v / sum) : clipped.map(() => 1 / x.length);
}
