// Intercept geometry shared by the stages that chase and the C2 that plans the chase.

/**
 * Time for a pursuer at the origin moving at `speed` to meet a target at relative position
 * (dx, dy, dz) moving with constant velocity (vx, vy, vz). Returns Infinity when it never can.
 */
export function interceptTime(
  dx: number,
  dy: number,
  dz: number,
  vx: number,
  vy: number,
  vz: number,
  speed: number,
): number {
  // |d + v t| = s t  →  (v·v − s²) t² + 2 (d·v) t + d·d = 0
  const a = vx * vx + vy * vy + vz * vz - speed * speed;
  const b = 2 * (dx * vx + dy * vy + dz * vz);
  const c = dx * dx + dy * dy + dz * dz;
  if (c === 0) return 0;
  if (Math.abs(a) < 1e-9) {
    if (b >= 0) return Infinity;
    return -c / b;
  }
  const disc = b * b - 4 * a * c;
  if (disc < 0) return Infinity;
  const root = Math.sqrt(disc);
  const t1 = (-b - root) / (2 * a);
  const t2 = (-b + root) / (2 * a);
  const lo = Math.min(t1, t2);
  const hi = Math.max(t1, t2);
  if (lo > 0) return lo;
  if (hi > 0) return hi;
  return Infinity;
}

/**
 * Smallest distance between two points moving linearly over one step, given their relative
 * position at the start (dx, dy, dz) and at the end (ex, ey, ez) of the step. Catches the pass
 * that a check at the step's end alone would miss when closing speeds are high.
 */
export function closestApproach(
  dx: number,
  dy: number,
  dz: number,
  ex: number,
  ey: number,
  ez: number,
): number {
  const wx = ex - dx;
  const wy = ey - dy;
  const wz = ez - dz;
  const ww = wx * wx + wy * wy + wz * wz;
  let s = 0;
  if (ww > 0) s = Math.min(1, Math.max(0, -(dx * wx + dy * wy + dz * wz) / ww));
  const px = dx + s * wx;
  const py = dy + s * wy;
  const pz = dz + s * wz;
  return Math.sqrt(px * px + py * py + pz * pz);
}
