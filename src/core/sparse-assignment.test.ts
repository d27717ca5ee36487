import { describe, expect, it } from 'vitest';
import { RandomStream } from './rng.js';
import { SparseAssignment } from './sparse-assignment.js';

describe('SparseAssignment', () => {
  it('matches brute force over partial assignments with per-row miss costs', () => {
    const rng = new RandomStream(11, 12, 13, 14);
    const solver = new SparseAssignment(); // reused across problems, as in a tracker
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + rng.int(6);
      const cols = 1 + rng.int(6);
      const allowed = new Map<number, number>();
      const pairRow: number[] = [];
      const pairCol: number[] = [];
      const pairCost: number[] = [];
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
          if (rng.next() < 0.4) {
            const c = rng.uniform(-3, 6);
            allowed.set(i * cols + j, c);
            pairRow.push(i);
            pairCol.push(j);
            pairCost.push(c);
          }
      const miss = Float64Array.from({ length: rows }, () => rng.uniform(0, 4));
      let best = Infinity;
      const used = new Array<boolean>(cols).fill(false);
      const visit = (i: number, sum: number) => {
        if (i === rows) return void (best = Math.min(best, sum));
        visit(i + 1, sum + miss[i]);
        for (let j = 0; j < cols; j++) {
          const c = allowed.get(i * cols + j);
          if (c === undefined || used[j]) continue;
          used[j] = true;
          visit(i + 1, sum + c);
          used[j] = false;
        }
      };
      visit(0, 0);
      solver.solve(
        rows,
        cols,
        Int32Array.from(pairRow),
        Int32Array.from(pairCol),
        Float64Array.from(pairCost),
        pairRow.length,
        miss,
      );
      expect(solver.cost).toBeCloseTo(best, 9);
      // The reported pairing is consistent and realises the cost.
      let sum = 0;
      for (let i = 0; i < rows; i++) {
        const j = solver.rowToCol[i];
        if (j < 0) sum += miss[i];
        else {
          expect(solver.colToRow[j]).toBe(i);
          sum += allowed.get(i * cols + j)!;
        }
      }
      expect(sum).toBeCloseTo(best, 9);
    }
  });
});
