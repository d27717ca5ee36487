// Kalman filtering on the turn-rate state [x, vx, y, vy, ω] (5 values; covariance 5×5 row-major,
// 25 values), the state both models of the IMM (imm.ts) carry:
//  - nearly constant velocity: x and y move on straight lines, ω is carried along untouched
//    (kalman-cv's predictCvBlock with n = 5);
//  - nearly coordinated turn (extended Kalman filter, Bar-Shalom, Li & Kirubarajan 2001, §11.7):
//      x' = x + sin(ωT)/ω·vx − (1 − cos ωT)/ω·vy      vx' = cos(ωT)·vx − sin(ωT)·vy
//      y' = y + (1 − cos ωT)/ω·vx + sin(ωT)/ω·vy      vy' = sin(ωT)·vx + cos(ωT)·vy
//      ω' = ω
//    linearised about the current estimate (the Jacobian's ω column below), with the straight-line
//    limits for |ω| T below 1e-6.
// Process noise: white acceleration q (m²/s³) on each axis as in kalman-cv, and for the turn a
// random walk of ω with spectral density qTurn (rad²/s³). Position reports use the same late-report
// measurement model as kalman-cv: z = H x + w, H = [[1, −lag, 0, 0, 0], [0, 0, 1, −lag, 0]],
// w ~ N(0, R + q·lag³/3·I) (the lag is short next to a turn, so it is not retrodicted along the arc).

import { addAccelerationNoise, symmetrize } from './kalman-cv.js';

/** Size of the turn-rate state. */
export const N5 = 5;

const f = new Float64Array(25);
const tmp = new Float64Array(25);

/** P ← F P Fᵀ for the 5×5 block at c, with F in `f` (zeros of F skipped: it is sparse). */
function propagate(cov: Float64Array, c: number): void {
  // tmp = F P
  tmp.fill(0);
  for (let i = 0; i < 5; i++) {
    for (let m = 0; m < 5; m++) {
      const fim = f[5 * i + m];
      if (fim === 0) continue;
      const r = c + 5 * m;
      const t = 5 * i;
      for (let j = 0; j < 5; j++) tmp[t + j] += fim * cov[r + j];
    }
  }
  // P = tmp Fᵀ (upper triangle, mirrored)
  for (let i = 0; i < 5; i++) {
    for (let j = i; j < 5; j++) {
      let sum = 0;
      for (let m = 0; m < 5; m++) {
        const fjm = f[5 * j + m];
        if (fjm !== 0) sum += tmp[5 * i + m] * fjm;
      }
      cov[c + 5 * i + j] = sum;
      cov[c + 5 * j + i] = sum;
    }
  }
}

/** Coordinated-turn prediction (EKF) of the 5-state at s, dt ≥ 0. */
export function predictCt(
  state: Float64Array,
  s: number,
  cov: Float64Array,
  c: number,
  dt: number,
  q: number,
  qTurn: number,
): void {
  if (dt <= 0) return;
  const vx = state[s + 1];
  const vy = state[s + 3];
  const w = state[s + 4];
  const wt = w * dt;
  const sin = Math.sin(wt);
  const cos = Math.cos(wt);
  // a = sin(ωT)/ω, b = (1 − cos ωT)/ω and their derivatives in ω.
  let a: number, b: number, da: number, db: number;
  if (Math.abs(wt) < 1e-6) {
    a = dt;
    b = 0.5 * w * dt * dt;
    da = (-w * dt * dt * dt) / 3;
    db = 0.5 * dt * dt;
  } else {
    a = sin / w;
    b = (1 - cos) / w;
    da = (dt * cos - a) / w;
    db = (dt * sin - b) / w;
  }
  // Jacobian F (rows x, vx, y, vy, ω).
  f.fill(0);
  f[0] = 1;
  f[1] = a;
  f[3] = -b;
  f[4] = da * vx - db * vy;
  f[6] = cos;
  f[8] = -sin;
  f[9] = -dt * (sin * vx + cos * vy);
  f[11] = b;
  f[12] = 1;
  f[13] = a;
  f[14] = db * vx + da * vy;
  f[16] = sin;
  f[18] = cos;
  f[19] = dt * (cos * vx - sin * vy);
  f[24] = 1;
  state[s] += a * vx - b * vy;
  state[s + 2] += b * vx + a * vy;
  state[s + 1] = cos * vx - sin * vy;
  state[s + 3] = sin * vx + cos * vy;
  propagate(cov, c);
  addAccelerationNoise(cov, c, N5, dt, q);
  cov[c + 24] += qTurn * dt;
}

const pht = new Float64Array(10);

/**
 * Kalman update of the 5-state at s with a position report (zx, zy), covariance (rxx, rxy, ryy),
 * taken `lag` seconds before the state time. Returns the log-likelihood of the report under the
 * prediction, ln N(ν; 0, S); −Infinity (and no update) if S is not positive definite.
 */
export function updatePosition5(
  state: Float64Array,
  s: number,
  cov: Float64Array,
  c: number,
  zx: number,
  zy: number,
  rxx: number,
  rxy: number,
  ryy: number,
  lag: number,
  q: number,
): number {
  // P Hᵀ (5×2): columns 0 − lag·1 and 2 − lag·3.
  for (let i = 0; i < 5; i++) {
    const r = c + 5 * i;
    pht[2 * i] = cov[r] - lag * cov[r + 1];
    pht[2 * i + 1] = cov[r + 2] - lag * cov[r + 3];
  }
  const qr = lag === 0 ? 0 : (q * lag * lag * lag) / 3;
  const s00 = pht[0] - lag * pht[2] + rxx + qr;
  const s01 = pht[1] - lag * pht[3] + rxy;
  const s11 = pht[5] - lag * pht[7] + ryy + qr;
  const det = s00 * s11 - s01 * s01;
  if (!(det > 0) || !(s00 > 0)) return -Infinity;
  const i00 = s11 / det;
  const i01 = -s01 / det;
  const i11 = s00 / det;
  const nx = zx - (state[s] - lag * state[s + 1]);
  const ny = zy - (state[s + 2] - lag * state[s + 3]);
  const d2 = nx * (i00 * nx + i01 * ny) + ny * (i01 * nx + i11 * ny);
  for (let i = 0; i < 5; i++) {
    const p0 = pht[2 * i];
    const p1 = pht[2 * i + 1];
    const k0 = p0 * i00 + p1 * i01;
    const k1 = p0 * i01 + p1 * i11;
    state[s + i] += k0 * nx + k1 * ny;
    const r = c + 5 * i;
    for (let j = 0; j < 5; j++) cov[r + j] -= k0 * pht[2 * j] + k1 * pht[2 * j + 1];
  }
  symmetrize(cov, c, N5);
  return -0.5 * d2 - Math.log(2 * Math.PI * Math.sqrt(det));
}
