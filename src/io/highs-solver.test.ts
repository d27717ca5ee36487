// The coverage MIP solved by the real HiGHS against brute force: on small random instances (seeded)
// the solver's layout scores what the best of all layouts scores.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  coverageLp,
  coverageValue,
  solveCoverage,
  LAYER_FACTORS,
  type CoverageProblem,
  type LpSolver,
} from '../analysis/siting/coverage.js';
import { streamFor } from '../core/rng.js';
import { loadHighsSolver } from './highs-solver.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function randomProblem(seed: number): CoverageProblem {
  const rng = streamFor(seed, 'test/coverage');
  const demand = 4 + rng.int(8);
  const units = 1 + rng.int(3);
  return {
    weights: Array.from({ length: demand }, () => Math.round(1 + 9 * rng.next())),
    covers: Array.from({ length: units }, () =>
      Array.from({ length: 2 + rng.int(4) }, () =>
        Array.from({ length: demand }, (_, d) => d).filter(() => rng.next() < 0.35),
      ),
    ),
    layerFactors: LAYER_FACTORS,
  };
}

function bruteForce(problem: CoverageProblem): number {
  let best = -Infinity;
  const choice = problem.covers.map(() => 0);
  const visit = (u: number) => {
    if (u === problem.covers.length) {
      best = Math.max(best, coverageValue(problem, choice));
      return;
    }
    for (let c = 0; c < problem.covers[u].length; c++) {
      choice[u] = c;
      visit(u + 1);
    }
  };
  visit(0);
  return best;
}

describe('coverage MIP by HiGHS', () => {
  it('matches brute force on 12 random instances (seeds 1..12)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const problem = randomProblem(seed);
      const choice = solveCoverage(problem, solver);
      expect(coverageValue(problem, choice), `seed ${seed}`).toBeCloseTo(bruteForce(problem), 6);
    }
  });

  it('layers covers with diminishing returns: two units split over two points rather than stack', () => {
    // Point 0 weighs 10, point 1 weighs 8; candidate 0 covers point 0, candidate 1 covers point 1.
    const problem: CoverageProblem = {
      weights: [10, 8],
      covers: [
        [[0], [1]],
        [[0], [1]],
      ],
      layerFactors: LAYER_FACTORS,
    };
    const choice = solveCoverage(problem, solver);
    expect([...choice].sort()).toEqual([0, 1]);
    expect(coverageValue(problem, choice)).toBe(18);
    expect(coverageValue(problem, [0, 0])).toBe(15);
  });

  it('writes a model HiGHS reads, with a line per constraint chunk', () => {
    const lp = coverageLp(randomProblem(3));
    expect(lp).toMatch(/^\\ weighted maximal coverage/);
    expect(lp).toMatch(/\nBinary\n x_0_0/);
    expect(lp.trimEnd().endsWith('End')).toBe(true);
  });
});
