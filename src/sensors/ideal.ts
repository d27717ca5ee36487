// The perfect-knowledge baseline: every airborne threat reported exactly, class included, each
// scan. A real component, so runs with it measure what better sensing could at best be worth.

import type { DetectionBatch } from '../model/detection.js';
import type { SensorSpec } from '../model/scenario.js';
import { ThreatStatus, type ThreatState } from '../model/world.js';
import type { Sensor } from './types.js';

export function createIdealSensor(spec: SensorSpec, index: number): Sensor {
  let nextScanS = 0;
  return {
    spec,
    sense(t: number, dt: number, threats: ThreatState, out: DetectionBatch): void {
      if (t + dt < nextScanS) return;
      nextScanS += spec.scanPeriodS * Math.max(1, Math.ceil((t + dt - nextScanS) / spec.scanPeriodS));
      for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
        const status = threats.status[i];
        if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) continue;
        const k = out.add();
        out.sensor[k] = index;
        out.timeS[k] = t + dt;
        out.x[k] = threats.x[i];
        out.y[k] = threats.y[i];
        out.z[k] = threats.z[i];
        out.vx[k] = threats.vx[i];
        out.vy[k] = threats.vy[i];
        out.vz[k] = threats.vz[i];
        out.sigmaM[k] = 0;
        out.covXX[k] = 0;
        out.covXY[k] = 0;
        out.covYY[k] = 0;
        out.sigmaZM[k] = 0;
        out.pDecoy[k] = threats.decoy[i];
        out.truth[k] = i;
      }
    },
  };
}
