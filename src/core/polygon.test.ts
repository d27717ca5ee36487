import { describe, expect, it } from 'vitest';
import { gridInPolygon, insidePolygon, signedArea } from './polygon.js';

const square = [
  { e: 0, n: 0 },
  { e: 10, n: 0 },
  { e: 10, n: 10 },
  { e: 0, n: 10 },
];
// An L: the square less its north-east quarter.
const ell = [
  { e: 0, n: 0 },
  { e: 10, n: 0 },
  { e: 10, n: 5 },
  { e: 5, n: 5 },
  { e: 5, n: 10 },
  { e: 0, n: 10 },
];

describe('polygons', () => {
  it('measures signed area by the shoelace formula', () => {
    expect(signedArea(square)).toBe(100);
    expect(signedArea([...square].reverse())).toBe(-100);
    expect(signedArea(ell)).toBe(75);
  });

  it('tells inside from outside, concave corners included', () => {
    expect(insidePolygon({ e: 5, n: 5 }, square)).toBe(true);
    expect(insidePolygon({ e: 11, n: 5 }, square)).toBe(false);
    expect(insidePolygon({ e: 2, n: 8 }, ell)).toBe(true);
    expect(insidePolygon({ e: 8, n: 8 }, ell)).toBe(false);
    expect(insidePolygon({ e: 8, n: 2 }, ell)).toBe(true);
  });

  it('lays a grid of candidate points inside, centred on the bounds', () => {
    // Half-open edges: the west and south edges are inside, the east and north ones outside.
    const grid = gridInPolygon(square, 2.5);
    expect(grid).toHaveLength(16);
    expect(grid[0]).toEqual({ e: 0, n: 0 });
    expect(gridInPolygon(ell, 2.5).every((p) => insidePolygon(p, ell))).toBe(true);
    // Smaller than one cell: the centre only.
    expect(gridInPolygon(square, 50)).toEqual([{ e: 5, n: 5 }]);
    expect(gridInPolygon(square, 1, 10)).toHaveLength(11);
  });
});
