// Kalman filter for a nearly-constant-velocity target in the horizontal plane.
// State per track (4 values): [x, vx, y, vy]; covariance: the full 4×4, row-major (16 values).
// Process noise: white acceleration of spectral density q (m²/s³) on each axis,
// Q = q·[[dt³/3, dt²/2], [dt²/2, dt]] per axis.
//
// Measurements are positions taken `lag` seconds before the state time (lag = 0 for a current
// report): z = H x + w with H = [[1, −lag, 0, 0], [0, 0, 1, −lag]], i.e. the state retrodicted to the
// report's time, and w ~ N(0, R + q·lag³/3·I). The update is then the ordinary Kalman update with
// this H (P⁺ = P⁻ − K S Kᵀ), which folds late reports (observers, latency) into the current state.

/** Predicts state and covariance of track k forward by dt ≥ 0 seconds, in place. */
export function predictCv(state: Float64Array, cov: Float64Array, k: number, dt: number, q: number): void {
  predictCvBlock(state, 4 * k, cov, 16 * k, 4, dt, q);
}

/**
 * The same prediction for a state of n ≥ 4 values at s whose first four are [x, vx, y, vy] (the
 * others carried along unchanged), with its n×n covariance at c.
 */
export function predictCvBlock(
  state: Float64Array,
  s: number,
  cov: Float64Array,
  c: number,
  n: number,
  dt: number,
  q: number,
): void {
  if (dt <= 0) return;
  state[s] += dt * state[s + 1];
  state[s + 2] += dt * state[s + 3];
  // P ← F P Fᵀ with F = I + dt·E, E moving velocity rows into position rows (0←1, 2←3).
  // Rows first: row 0 += dt·row 1, row 2 += dt·row 3.
  for (let j = 0; j < n; j++) {
    cov[c + j] += dt * cov[c + n + j];
    cov[c + 2 * n + j] += dt * cov[c + 3 * n + j];
  }
  // Then columns: column 0 += dt·column 1, column 2 += dt·column 3.
  for (let i = 0; i < n; i++) {
    const r = c + n * i;
    cov[r] += dt * cov[r + 1];
    cov[r + 2] += dt * cov[r + 3];
  }
  addAccelerationNoise(cov, c, n, dt, q);
}

/** Adds the white-acceleration noise of a step dt to the [x, vx, y, vy] blocks of an n×n covariance. */
export function addAccelerationNoise(cov: Float64Array, c: number, n: number, dt: number, q: number): void {
  const q3 = (q * dt * dt * dt) / 3;
  const q2 = (q * dt * dt) / 2;
  const q1 = q * dt;
  cov[c] += q3;
  cov[c + 1] += q2;
  cov[c + n] += q2;
  cov[c + n + 1] += q1;
  const y = c + 2 * n + 2;
  cov[y] += q3;
  cov[y + 1] += q2;
  cov[y + n] += q2;
  cov[y + n + 1] += q1;
}

/** Innovation of a position report against track k: filled by `innovate`, used by `applyUpdate`. */
export class Innovation {
  /** ν = z − H x. */
  nx = 0;
  ny = 0;
  /** S⁻¹ (symmetric). */
  i00 = 0;
  i01 = 0;
  i11 = 0;
  /** Squared Mahalanobis distance νᵀ S⁻¹ ν. */
  d2 = 0;
  lag = 0;
}

/**
 * Innovation of the report (zx, zy) with covariance (rxx, rxy, ryy), taken `lag` seconds before the
 * state time, against track k. Returns false if S is not positive definite.
 */
export function innovate(
  state: Float64Array,
  cov: Float64Array,
  k: number,
  zx: number,
  zy: number,
  rxx: number,
  rxy: number,
  ryy: number,
  lag: number,
  q: number,
  out: Innovation,
): boolean {
  const s = 4 * k;
  const c = 16 * k;
  out.nx = zx - (state[s] - lag * state[s + 1]);
  out.ny = zy - (state[s + 2] - lag * state[s + 3]);
  let s00: number;
  let s01: number;
  let s11: number;
  if (lag === 0) {
    s00 = cov[c] + rxx;
    s01 = cov[c + 2] + rxy;
    s11 = cov[c + 10] + ryy;
  } else {
    // H P Hᵀ with H rows (1, −lag, 0, 0) and (0, 0, 1, −lag).
    const l2 = lag * lag;
    const qr = (q * l2 * lag) / 3;
    s00 = cov[c] - 2 * lag * cov[c + 1] + l2 * cov[c + 5] + rxx + qr;
    s01 = cov[c + 2] - lag * (cov[c + 3] + cov[c + 6]) + l2 * cov[c + 7] + rxy;
    s11 = cov[c + 10] - 2 * lag * cov[c + 11] + l2 * cov[c + 15] + ryy + qr;
  }
  const det = s00 * s11 - s01 * s01;
  if (!(det > 0) || !(s00 > 0)) return false;
  out.i00 = s11 / det;
  out.i01 = -s01 / det;
  out.i11 = s00 / det;
  out.d2 = out.nx * (out.i00 * out.nx + out.i01 * out.ny) + out.ny * (out.i01 * out.nx + out.i11 * out.ny);
  out.lag = lag;
  return true;
}

const pht = new Float64Array(8);
const gain = new Float64Array(8);

/** Kalman update of track k with an innovation from `innovate` (same track, same report). */
export function applyUpdate(state: Float64Array, cov: Float64Array, k: number, inn: Innovation): void {
  const s = 4 * k;
  const c = 16 * k;
  const lag = inn.lag;
  // P Hᵀ (4×2).
  for (let i = 0; i < 4; i++) {
    const r = c + 4 * i;
    pht[2 * i] = cov[r] - lag * cov[r + 1];
    pht[2 * i + 1] = cov[r + 2] - lag * cov[r + 3];
  }
  // K = P Hᵀ S⁻¹.
  for (let i = 0; i < 4; i++) {
    const a = pht[2 * i];
    const b = pht[2 * i + 1];
    gain[2 * i] = a * inn.i00 + b * inn.i01;
    gain[2 * i + 1] = a * inn.i01 + b * inn.i11;
  }
  for (let i = 0; i < 4; i++) state[s + i] += gain[2 * i] * inn.nx + gain[2 * i + 1] * inn.ny;
  // P ← P − K S Kᵀ = P − K (P Hᵀ)ᵀ.
  for (let i = 0; i < 4; i++) {
    const k0 = gain[2 * i];
    const k1 = gain[2 * i + 1];
    const r = c + 4 * i;
    for (let j = 0; j < 4; j++) cov[r + j] -= k0 * pht[2 * j] + k1 * pht[2 * j + 1];
  }
  symmetrize(cov, c, 4);
}

/** Keeps the n×n covariance at c symmetric against rounding: both halves take their mean. */
export function symmetrize(cov: Float64Array, c: number, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (cov[c + n * i + j] + cov[c + n * j + i]);
      cov[c + n * i + j] = m;
      cov[c + n * j + i] = m;
    }
  }
}

/** Starts track k at a position report: zero velocity with σv per axis. */
export function initCv(
  state: Float64Array,
  cov: Float64Array,
  k: number,
  zx: number,
  zy: number,
  rxx: number,
  rxy: number,
  ryy: number,
  sigmaV: number,
): void {
  const s = 4 * k;
  state[s] = zx;
  state[s + 1] = 0;
  state[s + 2] = zy;
  state[s + 3] = 0;
  const c = 16 * k;
  cov.fill(0, c, c + 16);
  const v2 = sigmaV * sigmaV;
  cov[c] = rxx;
  cov[c + 2] = rxy;
  cov[c + 8] = rxy;
  cov[c + 10] = ryy;
  cov[c + 5] = v2;
  cov[c + 15] = v2;
}
