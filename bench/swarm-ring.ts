// Generator of "swarm-ring" recordings, after the recipe of ../shared/bench/tracking/README.md:
// N drones start on an 18 km ring and head for the centre (±15°) at U(40, 60) m/s, nearly constant
// velocity with process noise q per axis; arrivals staggered over the first 30% of the scans (a
// fifth present at t = 0); reports with σ per axis, detection probability pd, Poisson clutter
// uniform over a 40 × 40 km box. Used to check the tracker on swarms other than the shared files.
import { RandomStream } from '../src/core/rng.js';
import { emptyStateRows, type Recording } from '../src/model/recording.js';

export interface SwarmRingParams {
  n: number;
  steps: number;
  dt: number;
  q: number;
  sigma: number;
  pd: number;
  clutter: number;
  half: number;
  ring: number;
  seed: number;
}

export const SWARM_RING_DEFAULTS: SwarmRingParams = {
  n: 200,
  steps: 120,
  dt: 1,
  q: 0.5,
  sigma: 30,
  pd: 0.9,
  clutter: 20,
  half: 20_000,
  ring: 18_000,
  seed: 1,
};

export function generateSwarmRing(overrides: Partial<SwarmRingParams>): Recording {
  const p = { ...SWARM_RING_DEFAULTS, ...overrides };
  const rng = new RandomStream(p.seed, p.n, 0x5a, 0x77);
  const startScan = new Int32Array(p.n);
  const x = new Float64Array(p.n);
  const y = new Float64Array(p.n);
  const vx = new Float64Array(p.n);
  const vy = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    startScan[i] = i < p.n / 5 ? 0 : rng.int(Math.max(1, Math.floor(0.3 * p.steps)));
    const a = rng.uniform(0, 2 * Math.PI);
    x[i] = p.ring * Math.cos(a);
    y[i] = p.ring * Math.sin(a);
    const heading = a + Math.PI + rng.uniform(-Math.PI / 12, Math.PI / 12);
    const speed = rng.uniform(40, 60);
    vx[i] = speed * Math.cos(heading);
    vy[i] = speed * Math.sin(heading);
  }
  const truth = emptyStateRows(p.n * p.steps);
  const scanTimeS = new Float64Array(p.steps);
  const scanStart = new Int32Array(p.steps + 1);
  const detX: number[] = [];
  const detY: number[] = [];
  const detTruth: number[] = [];
  const { dt, q } = p;
  // Exact discretisation of white-noise acceleration: correlated position/velocity increments.
  const sPos = Math.sqrt((q * dt ** 3) / 3);
  const corr = Math.sqrt(3) / 2; // correlation of position and velocity noise
  const sVel = Math.sqrt(q * dt);
  for (let s = 0; s < p.steps; s++) {
    const t = s * dt;
    scanTimeS[s] = t;
    scanStart[s] = detX.length;
    for (let i = 0; i < p.n; i++) {
      if (s < startScan[i]) continue;
      if (s > startScan[i]) {
        for (const axis of [0, 1]) {
          const u = rng.normal();
          const w = rng.normal();
          const dv = sVel * u;
          const dp = sPos * (corr * u + Math.sqrt(1 - corr * corr) * w);
          if (axis === 0) {
            x[i] += vx[i] * dt + dp;
            vx[i] += dv;
          } else {
            y[i] += vy[i] * dt + dp;
            vy[i] += dv;
          }
        }
      }
      const k = truth.count++;
      truth.id[k] = i;
      truth.t[k] = t;
      truth.x[k] = x[i];
      truth.vx[k] = vx[i];
      truth.y[k] = y[i];
      truth.vy[k] = vy[i];
      if (rng.next() < p.pd) {
        detX.push(x[i] + p.sigma * rng.normal());
        detY.push(y[i] + p.sigma * rng.normal());
        detTruth.push(i);
      }
    }
    const clutter = rng.poisson(p.clutter);
    for (let c = 0; c < clutter; c++) {
      detX.push(rng.uniform(-p.half, p.half));
      detY.push(rng.uniform(-p.half, p.half));
      detTruth.push(-1);
    }
  }
  scanStart[p.steps] = detX.length;
  return {
    params: { ...p },
    sigmaM: p.sigma,
    truth,
    scanTimeS,
    scanStart,
    detX: Float64Array.from(detX),
    detY: Float64Array.from(detY),
    detTruth: Int32Array.from(detTruth),
  };
}
