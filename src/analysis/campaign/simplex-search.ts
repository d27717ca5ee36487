// Derivative-free minimisation over the probability simplex (shares that sum to 1): a generalised
// pattern search whose moves transfer a step of share from one category to another, the step
// halved when no move improves, restarted from several points (the caller's starts, the centre and
// seeded random Dirichlet draws) so that one poor basin does not decide the answer.

import type { RandomStream } from '../../core/rng.js';

export interface SimplexSearchOptions {
  /** Extra random restarts after the given starts and the centre. */
  restarts: number;
  rng: RandomStream;
  starts?: number[][];
  initialStep?: number;
  /** The search stops when the step falls below this share. */
  minStep?: number;
  /** Evaluations allowed in all (a deterministic budget). */
  maxEvaluations?: number;
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
  const minStep = options.minStep ?? 0.005;
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
      for (let i = 0; i < k; i++) {
        if (x[i] <= 0) continue;
        for (let j = 0; j < k; j++) {
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

function normalise(x: readonly number[]): number[] {
  const clipped = x.map((v) => Math.max(0, v));
  const sum = clipped.reduce((a, b) => a + b, 0);
  return sum > 0 ? clipped.map((v) => v / sum) : clipped.map(() => 1 / x.length);
}
