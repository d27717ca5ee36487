// A surveillance radar at a site: scans every scanPeriod; a target is in view when it is inside
// the instrumented range and above the 4/3-Earth radar horizon; it is detected with the Swerling-1
// probability Pd = Pfa^(1/(1+SNR)), SNR = SNR_ref · (σ/σ_ref) · (R_ref/R)⁴; the plot carries range,
// bearing and elevation errors (Gaussian), converted to a position with its covariance. Clutter
// plots arrive as a Poisson number per scan, uniform over the covered disc. Reports reach the
// tracker `latency` after the scan. Equations in docs/sensing-and-tracking.md.

import { hypot2 } from '../core/hypot.js';
import type { RandomStream } from '../core/rng.js';
import type { DetectionBatch } from '../model/detection.js';
import type { RadarSpec, SensorSpec } from '../model/scenario.js';
import { ThreatStatus, type ThreatState } from '../model/world.js';
import { guessDecoy } from './class-guess.js';
import { ReportQueue } from './report-queue.js';
import { ScanClock } from './scan-clock.js';
import type { Sensor } from './types.js';

/** Effective Earth radius for radio propagation (4/3 of 6,371 km), m. */
export const EFFECTIVE_EARTH_RADIUS_M = (4 / 3) * 6_371_000;

/** The share of the radar horizon distance that a height h above the ground gives, m. */
function horizonShareM(h: number): number {
  return Math.sqrt(2 * EFFECTIVE_EARTH_RADIUS_M * Math.max(0, h));
}

/** Distance to the radar horizon between heights h1 and h2 above the ground, m. */
export function radarHorizonM(h1: number, h2: number): number {
  return horizonShareM(h1) + horizonShareM(h2);
}

/** Swerling-1 single-look detection probability at a linear SNR. */
export function swerling1Pd(snr: number, pfa: number): number {
  return Math.pow(pfa, 1 / (1 + snr));
}

export function radarSnr(spec: RadarSpec, rangeM: number, rcsM2: number): number {
  const ratio = spec.referenceRangeM / Math.max(rangeM, 1);
  return spec.referenceSnr * (rcsM2 / spec.referenceRcsM2) * ratio * ratio * ratio * ratio;
}

export function createRadar(spec: SensorSpec, index: number, rng: RandomStream): Sensor {
  if (spec.type !== 'radar') throw new TypeError(`radar sensor given a ${spec.type} spec`);
  const s = spec;
  const clock = new ScanClock(s.scanPeriodS);
  const queue = new ReportQueue();
  const rx = s.position.e;
  const ry = s.position.n;
  const hr = s.position.u + s.antennaHeightM;
  // The radar's own share of the horizon distance, and the range test squared (a little wide).
  const radarHorizon = horizonShareM(hr);
  const range2 = s.rangeM * s.rangeM * (1 + 1e-9);
  const rcsByType = Float64Array.from(s.rcsM2ByThreatType);

  const plot = (
    scanS: number,
    range: number,
    bearing: number,
    elevation: number,
    truth: number,
    pDecoy: number,
  ) => {
    const b = queue.batch;
    const k = queue.add(scanS + s.latencyS);
    const r = range + s.rangeSigmaM * rng.normal();
    const th = bearing + s.bearingSigmaRad * rng.normal();
    const el = elevation + s.elevationSigmaRad * rng.normal();
    const ground = Math.max(0, r) * Math.cos(el);
    const sin = Math.sin(th);
    const cos = Math.cos(th);
    // Covariance of (r sinθ, r cosθ): J diag(σr², σθ²) Jᵀ with J = [[sinθ, r cosθ], [cosθ, −r sinθ]].
    const sr2 = s.rangeSigmaM * s.rangeSigmaM;
    const st2 = ground * ground * s.bearingSigmaRad * s.bearingSigmaRad;
    b.setPlot(
      k,
      index,
      scanS,
      rx + ground * sin,
      ry + ground * cos,
      hr + Math.max(0, r) * Math.sin(el) + (ground * ground) / (2 * EFFECTIVE_EARTH_RADIUS_M),
      sin * sin * sr2 + cos * cos * st2,
      sin * cos * (sr2 - st2),
      cos * cos * sr2 + sin * sin * st2,
      Math.max(1, r * s.elevationSigmaRad),
      pDecoy,
      truth,
    );
  };

  return {
    spec,
    countsMisses: true,
    sense(t: number, dt: number, threats: ThreatState, out: DetectionBatch): void {
      const scanS = clock.due(t, dt);
      if (!Number.isNaN(scanS)) {
        const { status, x: xs, y: ys, z: zs, type, decoy } = threats;
        for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
          const st = status[i];
          if (st !== ThreatStatus.Flying && st !== ThreatStatus.Arrived) continue;
          const dx = xs[i] - rx;
          const dy = ys[i] - ry;
          const ground2 = dx * dx + dy * dy;
          // Out of instrumented range (squared, before any root); the exact test follows.
          if (ground2 > range2) continue;
          const ground = hypot2(dx, dy);
          if (ground > s.rangeM) continue;
          const z = zs[i];
          if (ground > radarHorizon + horizonShareM(z)) continue;
          const dz = z - hr - (ground * ground) / (2 * EFFECTIVE_EARTH_RADIUS_M);
          const range = hypot2(ground, dz);
          const pd = swerling1Pd(radarSnr(s, range, rcsByType[type[i]]), s.pfa);
          if (rng.next() >= pd) continue;
          const pDecoy = guessDecoy(s.classify, decoy[i] === 1, rng);
          plot(scanS, range, Math.atan2(dx, dy), Math.atan2(dz, ground), i, pDecoy);
        }
        const clutter = rng.poisson(s.clutterPerScan);
        for (let c = 0; c < clutter; c++) {
          const range = s.rangeM * Math.sqrt(rng.next());
          const bearing = rng.uniform(0, 2 * Math.PI);
          const elevation = rng.uniform(0, 0.05);
          plot(scanS, range, bearing, elevation, -1, guessDecoy(s.classify, rng.next() < 0.5, rng));
        }
      }
      queue.deliver(t + dt, out);
    },
  };
}
