// The compass search on losses known in closed form: it finds the minimum of a bowl over a grid of
// candidates, never spends more than its budget, and never evaluates a layout twice.

import { describe, expect, it } from 'vitest';
import { compassNeighbours, compassSearch } from './search.js';

const grid = (size: number, spacing: number) => {
  const points: { e: number; n: number }[] = [];
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) points.push({ e: i * spacing, n: j * spacing });
  return points;
};

describe('compass search', () => {
  it('finds the bottom of a bowl for two units from a far corner', () => {
    const candidates = grid(21, 1000);
    const targets = [
      { e: 13_000, n: 4000 },
      { e: 2000, n: 17_000 },
    ];
    const loss = (choice: readonly number[]) =>
      choice.reduce(
        (s, c, u) => s + Math.hypot(candidates[c].e - targets[u].e, candidates[c].n - targets[u].n),
        0,
      );
    const evaluated: string[] = [];
    const result = compassSearch(
      [{ candidates }, { candidates }],
      (choice) => {
        evaluated.push(choice.join());
        return loss(choice);
      },
      { budgetRuns: 10_000, runsPerLayout: 4, starts: [[0, 440]], stepM: 8000, minStepM: 1000 },
    );
    expect(result.best.map((c) => candidates[c])).toEqual(targets);
    expect(result.bestLoss).toBe(0);
    expect(new Set(evaluated).size).toBe(evaluated.length);
    expect(result.runsSpent).toBe(4 * evaluated.length);
    expect(result.history.filter((h) => h.accepted).at(-1)!.loss).toBe(0);
  });

  it('keeps the better start and stops within its budget', () => {
    const candidates = grid(11, 1000);
    const loss = (choice: readonly number[]) =>
      Math.abs(candidates[choice[0]].e - 7000) + candidates[choice[0]].n;
    const result = compassSearch([{ candidates }], loss, {
      budgetRuns: 50,
      runsPerLayout: 10,
      starts: [[0], [77]],
      stepM: 4000,
      minStepM: 1000,
    });
    expect(result.runsSpent).toBeLessThanOrEqual(50);
    expect(result.history).toHaveLength(5);
    expect(result.history[1].accepted).toBe(true);
    expect(result.bestLoss).toBeLessThanOrEqual(loss([77]));
  });

  it('treats a NaN loss as worse than any', () => {
    const candidates = grid(3, 1000);
    const result = compassSearch([{ candidates }], (c) => (c[0] === 4 ? NaN : c[0]), {
      budgetRuns: 100,
      runsPerLayout: 1,
      starts: [[4]],
      stepM: 1000,
      minStepM: 1000,
    });
    expect(result.best).toEqual([0]);
  });

  it('offers one neighbour per 45° sector near the step', () => {
    const candidates = grid(5, 1000);
    const centre = 12; // (2000, 2000)
    const near = compassNeighbours(candidates, centre, 1000).map((i) => candidates[i]);
    expect(near).toHaveLength(8);
    expect(near).toContainEqual({ e: 3000, n: 2000 });
    expect(near).toContainEqual({ e: 3000, n: 3000 });
    expect(compassNeighbours(candidates, centre, 10_000)).toEqual([]);
  });
});
