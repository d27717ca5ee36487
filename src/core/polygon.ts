// Plane polygons in local metres: the allowed areas and no-go zones of siting. Point-in-polygon by
// ray crossing, signed area by the shoelace formula, and the grid of candidate positions inside.

export interface PlanePoint {
  e: number;
  n: number;
}

/** The shoelace area, positive when the vertices run counter-clockwise. */
export function signedArea(polygon: readonly PlanePoint[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i];
    const b = polygon[(i + 1) % polygon.length];
    twice += a.e * b.n - b.e * a.n;
  }
  return twice / 2;
}

/**
 * Whether p lies inside the polygon (even-odd rule; the polygon closes itself). Edges are
 * half-open, as ray crossing makes them: for a rectangle, its west and south edges are inside.
 */
export function insidePolygon(p: PlanePoint, polygon: readonly PlanePoint[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a.n > p.n !== b.n > p.n && p.e < ((b.e - a.e) * (p.n - a.n)) / (b.n - a.n) + a.e) inside = !inside;
  }
  return inside;
}

/** The axis-aligned bounds of a polygon. */
export function bounds(polygon: readonly PlanePoint[]): {
  minE: number;
  maxE: number;
  minN: number;
  maxN: number;
} {
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (const p of polygon) {
    minE = Math.min(minE, p.e);
    maxE = Math.max(maxE, p.e);
    minN = Math.min(minN, p.n);
    maxN = Math.max(maxN, p.n);
  }
  return { minE, maxE, minN, maxN };
}

/**
 * Grid points `spacingM` apart inside the polygon, the grid centred on the polygon's bounds so a
 * polygon smaller than one cell still holds its centre when the centre is inside. Row by row, west
 * to east, south to north; at most `limit` points are produced (the caller reports more as an error).
 */
export function gridInPolygon(
  polygon: readonly PlanePoint[],
  spacingM: number,
  limit = Infinity,
): PlanePoint[] {
  const b = bounds(polygon);
  const columns = Math.floor((b.maxE - b.minE) / spacingM);
  const rows = Math.floor((b.maxN - b.minN) / spacingM);
  const e0 = (b.minE + b.maxE) / 2 - (columns * spacingM) / 2;
  const n0 = (b.minN + b.maxN) / 2 - (rows * spacingM) / 2;
  const points: PlanePoint[] = [];
  for (let r = 0; r <= rows; r++)
    for (let c = 0; c <= columns; c++) {
      const p = { e: e0 + c * spacingM, n: n0 + r * spacingM };
      if (insidePolygon(p, polygon)) {
        points.push(p);
        if (points.length > limit) return points;
      }
    }
  return points;
}
