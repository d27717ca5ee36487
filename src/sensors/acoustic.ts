// A network of cheap microphone nodes on the ground. A node hears a threat within the slant
// hearing range of its engine-noise class (horizontal radius √(R² − h²) at altitude h), with
// probability pdNode per scan. The network's fusion centre turns the nodes that hear one threat
// into one coarse report:
//  - 'position': the centroid of those nodes, σ = r_h / (2√k) per axis for k nodes of radius r_h;
//  - 'bearing': each node measures a bearing (σ_b); two or more bearings are triangulated by
//    weighted least squares (covariance (Σ wᵢ nᵢnᵢᵀ)⁻¹), a single bearing gives a point at half the
//    hearing radius along it with an error ellipse long in range and narrow across.
// Nodes sit in a static grid (point-index), so a scan costs about (threats × nodes per hearing
// disc), not threats × nodes, and a threat outside the network costs a bounding-box test:
// networks of thousands of nodes stay fast.

import type { RandomStream } from '../core/rng.js';
import type { DetectionBatch } from '../model/detection.js';
import type { AcousticSpec, SensorSpec } from '../model/scenario.js';
import { ThreatStatus, type ThreatState } from '../model/world.js';
import { guessDecoy } from './class-guess.js';
import { PointIndex } from './point-index.js';
import { ReportQueue } from './report-queue.js';
import { ScanClock } from './scan-clock.js';
import type { Sensor } from './types.js';

export function createAcousticNetwork(spec: SensorSpec, index: number, rng: RandomStream): Sensor {
  if (spec.type !== 'acoustic') throw new TypeError(`acoustic sensor given a ${spec.type} spec`);
  const s: AcousticSpec = spec;
  const maxRange = Math.max(...s.hearingRangeMByThreatType, 1);
  const nodes = new PointIndex(s.nodeE, s.nodeN, maxRange / 2);
  const { x: nodeX, y: nodeY, hits, hitD2 } = nodes;
  const clock = new ScanClock(s.scanPeriodS);
  const queue = new ReportQueue();
  const bearingMode = s.report === 'bearing';
  const sb = s.bearingSigmaRad;
  const pdNode = s.pdNode;
  const rangeByType = Float64Array.from(s.hearingRangeMByThreatType);

  return {
    spec,
    countsMisses: true,
    sense(t: number, dt: number, threats: ThreatState, out: DetectionBatch): void {
      const scanS = clock.due(t, dt);
      if (!Number.isNaN(scanS)) {
        const b = queue.batch;
        for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
          const status = threats.status[i];
          if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) continue;
          const range = rangeByType[threats.type[i]];
          const h = Math.max(0, threats.z[i]);
          if (h >= range) continue;
          const radius2 = range * range - h * h;
          const rh = Math.sqrt(radius2);
          const tx = threats.x[i];
          const ty = threats.y[i];
          // The nodes in the hearing disc, each hearing with probability pdNode; fused below.
          const near = nodes.within(tx, ty, radius2);
          let heard = 0;
          let sumX = 0;
          let sumY = 0;
          // Bearing least squares: A = Σ w n nᵀ, b = Σ w n nᵀ p.
          let a00 = 0;
          let a01 = 0;
          let a11 = 0;
          let b0 = 0;
          let b1 = 0;
          let firstNode = -1;
          let firstBearing = 0;
          for (let q = 0; q < near; q++) {
            if (rng.next() >= pdNode) continue;
            const k = hits[q];
            heard++;
            sumX += nodeX[k];
            sumY += nodeY[k];
            if (!bearingMode) continue;
            const bearing = Math.atan2(tx - nodeX[k], ty - nodeY[k]) + sb * rng.normal();
            if (firstNode < 0) {
              firstNode = k;
              firstBearing = bearing;
            }
            // Normal to the bearing line (sinθ, cosθ) is (cosθ, −sinθ); weight 1/(d σ_b)², d ≈ distance.
            const nx = Math.cos(bearing);
            const ny = -Math.sin(bearing);
            const dist = Math.max(Math.sqrt(hitD2[q]), 50);
            const w = 1 / (dist * dist * sb * sb);
            a00 += w * nx * nx;
            a01 += w * nx * ny;
            a11 += w * ny * ny;
            const proj = nx * nodeX[k] + ny * nodeY[k];
            b0 += w * nx * proj;
            b1 += w * ny * proj;
          }
          if (heard === 0) continue;
          const pDecoy = guessDecoy(s.classify, threats.decoy[i] === 1, rng);
          const det = a00 * a11 - a01 * a01;
          let x: number, y: number, cxx: number, cxy: number, cyy: number;
          if (bearingMode && heard >= 2 && det > 1e-12 * (a00 + a11) * (a00 + a11)) {
            x = (a11 * b0 - a01 * b1) / det;
            y = (a00 * b1 - a01 * b0) / det;
            cxx = a11 / det;
            cxy = -a01 / det;
            cyy = a00 / det;
          } else if (bearingMode) {
            // One bearing: half-way out along it; σ along = r_h/3, across = (r_h/2)·σ_b.
            const sin = Math.sin(firstBearing);
            const cos = Math.cos(firstBearing);
            const along = (rh / 3) ** 2;
            const across = ((rh / 2) * sb) ** 2;
            x = nodeX[firstNode] + (rh / 2) * sin;
            y = nodeY[firstNode] + (rh / 2) * cos;
            cxx = sin * sin * along + cos * cos * across;
            cxy = sin * cos * (along - across);
            cyy = cos * cos * along + sin * sin * across;
          } else {
            const sigma = rh / (2 * Math.sqrt(heard));
            x = sumX / heard;
            y = sumY / heard;
            cxx = cyy = sigma * sigma;
            cxy = 0;
          }
          b.setPlot(queue.add(scanS + s.latencyS), index, scanS, x, y, 0, cxx, cxy, cyy, NaN, pDecoy, i);
        }
      }
      queue.deliver(t + dt, out);
    },
  };
}
