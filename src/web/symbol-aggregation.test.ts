import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './symbol-aggregation.js';

describe('symbol aggregation', () => {
  it('groups a crowded cell into one marker and leaves sparse cells single', () => {
    // Four points in the cell (0,0), two in (1,0), one in (0,2) with 48 px cells and 3 as the minimum.
    const xs = [5, 10, 40, 47, 50, 90, 20];
    const ys = [5, 30, 2, 47, 10, 40, 100];
    const { aggregates, singles } = aggregate(xs, ys, xs.length, 48, 3);
    expect(aggregates).toHaveLength(1);
    expect(aggregates[0]).toMatchObject({ column: 0, row: 0, count: 4, members: [0, 1, 2, 3] });
    expect(aggregates[0].x).toBeCloseTo((5 + 10 + 40 + 47) / 4);
    expect(aggregates[0].y).toBeCloseTo((5 + 30 + 2 + 47) / 4);
    expect(singles).toEqual([4, 5, 6]);
  });

  it('matches a brute-force count of every cell, and places each point exactly once', () => {
    // Screen positions to a thousandth of a pixel, off the screen's edges too.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -200_000, max: 1_400_000 }).map((v) => v / 1000),
            fc.integer({ min: -200_000, max: 900_000 }).map((v) => v / 1000),
          ),
          {
            maxLength: 300,
          },
        ),
        fc.integer({ min: 8, max: 96 }),
        fc.integer({ min: 1, max: 6 }),
        (points, cell, min) => {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const { aggregates, singles } = aggregate(xs, ys, points.length, cell, min);
          const seen = [...singles, ...aggregates.flatMap((a) => a.members)].sort((a, b) => a - b);
          expect(seen).toEqual(points.map((_, k) => k));
          // Brute force: the number of points in each point's cell.
          const inCell = (k: number) =>
            points.filter(
              (p) =>
                Math.floor(p[0] / cell) === Math.floor(xs[k] / cell) &&
                Math.floor(p[1] / cell) === Math.floor(ys[k] / cell),
            ).length;
          for (const k of singles) expect(inCell(k)).toBeLessThan(min);
          for (const a of aggregates) {
            expect(a.count).toBe(a.members.length);
            expect(a.count).toBe(inCell(a.members[0]));
            expect(a.count).toBeGreaterThanOrEqual(min);
            for (const k of a.members) {
              expect(Math.floor(xs[k] / cell)).toBe(a.column);
              expect(Math.floor(ys[k] / cell)).toBe(a.row);
            }
          }
        },
      ),
    );
  });
});
