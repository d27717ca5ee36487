import { describe, expect, it } from 'vitest';
import { solveLinearAssignment } from './linear-assignment.js';
import { RandomStream } from './rng.js';

/** Exhaustive optimum: over every full-size injective pairing, most allowed pairs first, then least cost. */
function bruteForce(cost: Float64Array, rows: number, cols: number): { allowed: number; cost: number } {
  const k = Math.min(rows, cols);
  const used = new Uint8Array(Math.max(rows, cols));
  let best = { allowed: -1, cost: Infinity };
  const at = (small: number, large: number): number =>
    rows <= cols ? cost[small * cols + large] : cost[large * cols + small];
  const visit = (s: number, allowed: number, sum: number): void => {
    if (s === k) {
      if (allowed > best.allowed || (allowed === best.allowed && sum < best.cost))
        best = { allowed, cost: sum };
      return;
    }
    for (let l = 0; l < Math.max(rows, cols); l++) {
      if (used[l]) continue;
      used[l] = 1;
      const x = at(s, l);
      if (x === Infinity) visit(s + 1, allowed, sum);
      else visit(s + 1, allowed + 1, sum + x);
      used[l] = 0;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomMatrix(
  rng: RandomStream,
  rows: number,
  cols: number,
  forbidP: number,
  integer: boolean,
): Float64Array {
  const m = new Float64Array(rows * cols);
  for (let k = 0; k < m.length; k++) {
    if (rng.next() < forbidP) m[k] = Infinity;
    else m[k] = integer ? rng.int(10) - 3 : rng.uniform(-5, 20);
  }
  return m;
}

function checkConsistent(
  r: ReturnType<typeof solveLinearAssignment>,
  cost: Float64Array,
  rows: number,
  cols: number,
) {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < rows; i++) {
    const j = r.rowToCol[i];
    if (j < 0) continue;
    expect(r.colToRow[j]).toBe(i);
    expect(cost[i * cols + j]).not.toBe(Infinity);
    sum += cost[i * cols + j];
    pairs++;
  }
  let back = 0;
  for (let j = 0; j < cols; j++) if (r.colToRow[j] >= 0) back++;
  expect(back).toBe(pairs);
  expect(r.cost).toBeCloseTo(sum, 9);
  return pairs;
}

describe('solveLinearAssignment', () => {
  const shapes: [number, number][] = [
    [1, 1],
    [1, 5],
    [5, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [2, 5],
    [3, 7],
    [4, 6],
    [5, 7],
    [6, 2],
    [7, 3],
    [6, 4],
    [8, 3],
    [9, 2],
  ];

  for (const [rows, cols] of shapes) {
    it(`matches brute force on random ${rows}×${cols} matrices`, () => {
      const rng = new RandomStream(rows, cols, 7, 11);
      for (let trial = 0; trial < 60; trial++) {
        const forbidP = trial % 3 === 0 ? 0 : trial % 3 === 1 ? 0.25 : 0.6;
        const m = randomMatrix(rng, rows, cols, forbidP, trial % 2 === 0);
        const expected = bruteForce(m, rows, cols);
        const r = solveLinearAssignment(m, rows, cols);
        const pairs = checkConsistent(r, m, rows, cols);
        expect(r.feasible).toBe(expected.allowed === Math.min(rows, cols));
        expect(pairs).toBe(expected.allowed);
        expect(r.cost).toBeCloseTo(expected.cost, 9);
      }
    });
  }

  it('handles empty shapes', () => {
    const r = solveLinearAssignment(new Float64Array(0), 0, 4);
    expect(r.feasible).toBe(true);
    expect(Array.from(r.colToRow)).toEqual([-1, -1, -1, -1]);
    expect(r.rowToCol.length).toBe(0);
  });

  it('reports infeasibility when a row has only forbidden pairs', () => {
    const I = Infinity;
    const m = new Float64Array([1, 2, 3, I, I, I, 4, 5, 6]);
    const r = solveLinearAssignment(m, 3, 3);
    expect(r.feasible).toBe(false);
    expect(r.rowToCol[1]).toBe(-1);
    // Best pairing of the two other rows: 1 + 5 or 2 + 4 → 6.
    expect(r.cost).toBe(6);
  });

  it('reports infeasibility when all pairs are forbidden', () => {
    const m = new Float64Array(6).fill(Infinity);
    const r = solveLinearAssignment(m, 2, 3);
    expect(r.feasible).toBe(false);
    expect(Array.from(r.rowToCol)).toEqual([-1, -1]);
    expect(r.cost).toBe(0);
  });

  it('solves a hand-worked 3×3 problem', () => {
    // Classic example: optimum 5 (0→1, 1→0, 2→2).
    const m = new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const r = solveLinearAssignment(m, 3, 3);
    expect(r.cost).toBe(5);
    expect(Array.from(r.rowToCol)).toEqual([1, 0, 2]);
  });

  it('agrees with itself on the transposed matrix for larger random sizes', () => {
    const rng = new RandomStream(1, 2, 3, 4);
    for (const [rows, cols] of [
      [40, 40],
      [30, 90],
      [90, 30],
      [120, 120],
    ]) {
      const m = randomMatrix(rng, rows, cols, 0.1, false);
      const t = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
      const a = solveLinearAssignment(m, rows, cols);
      const b = solveLinearAssignment(t, cols, rows);
      checkConsistent(a, m, rows, cols);
      expect(a.feasible).toBe(b.feasible);
      expect(a.cost).toBeCloseTo(b.cost, 9);
    }
  });

  it('steps around forbidden pairs as a finite big-M penalty would, on larger matrices', () => {
    // Cross-check of the native Infinity handling: with a penalty beyond any assignment's finite
    // spread, every optimum that avoids forbidden pairs is also the big-M optimum.
    const rng = new RandomStream(5, 6, 7, 8);
    let feasibleCases = 0;
    let infeasibleCases = 0;
    for (const [rows, cols, forbidP] of [
      [50, 50, 0.5],
      [60, 60, 0.8],
      [40, 120, 0.7],
      [120, 40, 0.7],
      [80, 80, 0.93],
      [30, 200, 0.95],
      [70, 70, 0.97],
    ]) {
      for (let trial = 0; trial < 4; trial++) {
        const m = randomMatrix(rng, rows, cols, forbidP, trial % 2 === 0);
        const bigM = m.map((x) => (x === Infinity ? 1e7 : x));
        const a = solveLinearAssignment(m, rows, cols);
        const b = solveLinearAssignment(bigM, rows, cols);
        const pairs = checkConsistent(a, m, rows, cols);
        let forbiddenUsed = 0;
        for (let i = 0; i < rows; i++) {
          const j = b.rowToCol[i];
          if (j >= 0 && m[i * cols + j] === Infinity) forbiddenUsed++;
        }
        expect(pairs).toBe(Math.min(rows, cols) - forbiddenUsed);
        expect(a.feasible).toBe(forbiddenUsed === 0);
        if (a.feasible) {
          feasibleCases++;
          expect(a.cost).toBeCloseTo(b.cost, 6);
        } else {
          infeasibleCases++;
          expect(a.cost).toBeCloseTo(b.cost - forbiddenUsed * 1e7, 6);
        }
      }
    }
    // Both paths (native and the penalty re-solve) are exercised.
    expect(feasibleCases).toBeGreaterThan(4);
    expect(infeasibleCases).toBeGreaterThan(4);
  });

  it('solves tall matrices (more rows than columns) through the transpose, across its blocks', () => {
    const rng = new RandomStream(9, 8, 7, 6);
    for (const [rows, cols, forbidP] of [
      [70, 33, 0],
      [70, 33, 0.3],
      [100, 31, 0],
      [257, 64, 0.05],
    ]) {
      const m = randomMatrix(rng, rows, cols, forbidP, false);
      const t = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
      const tall = solveLinearAssignment(m, rows, cols);
      const wide = solveLinearAssignment(t, cols, rows);
      expect(checkConsistent(tall, m, rows, cols)).toBe(checkConsistent(wide, t, cols, rows));
      expect(tall.feasible).toBe(wide.feasible);
      expect(tall.cost).toBeCloseTo(wide.cost, 9);
      // Every column is assigned, each to the row the wide solve gives it.
      for (let j = 0; j < cols; j++) expect(tall.colToRow[j]).toBe(wide.rowToCol[j]);
    }
  });

  it('names the row and column of a bad cost in a tall matrix', () => {
    const m = new Float64Array(40 * 3).fill(1);
    m[37 * 3 + 2] = NaN;
    expect(() => solveLinearAssignment(m, 40, 3)).toThrow('row 37, column 2');
  });

  it('rejects NaN and -Infinity costs and bad shapes', () => {
    expect(() => solveLinearAssignment(new Float64Array([1, NaN]), 1, 2)).toThrow(RangeError);
    expect(() => solveLinearAssignment(new Float64Array([1, -Infinity]), 1, 2)).toThrow(RangeError);
    expect(() => solveLinearAssignment(new Float64Array(3), 2, 2)).toThrow(RangeError);
  });
});
