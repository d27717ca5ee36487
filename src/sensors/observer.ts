// Human observers at posts: a threat within sighting range of a post is reported at a rate of
// λ sightings per second (probability 1 − e^(−λ·period) per scan), with a large Gaussian position
// error and a delay uniform in [delayMin, delayMax] (minutes, as reports go by phone or app and
// are entered by hand). The report is stamped with the time of the sighting, so the tracker folds
// it in as a late measurement. No altitude.

import type { RandomStream } from '../core/rng.js';
import type { DetectionBatch } from '../model/detection.js';
import type { ObserverSpec, SensorSpec } from '../model/scenario.js';
import { ThreatStatus, type ThreatState } from '../model/world.js';
import { guessDecoy } from './class-guess.js';
import { indexPoints } from './point-index.js';
import { ReportQueue } from './report-queue.js';
import { ScanClock } from './scan-clock.js';
import type { Sensor } from './types.js';

export function createObservers(spec: SensorSpec, index: number, rng: RandomStream): Sensor {
  if (spec.type !== 'observer') throw new TypeError(`observer sensor given a ${spec.type} spec`);
  const s: ObserverSpec = spec;
  const { x: postX, y: postY, grid } = indexPoints(s.postE, s.postN, s.sightingRangeM);
  const clock = new ScanClock(s.scanPeriodS);
  const queue = new ReportQueue();
  const pSight = 1 - Math.exp(-s.sightingRatePerS * s.scanPeriodS);
  const range2 = s.sightingRangeM * s.sightingRangeM;

  let threat = 0;
  let scanS = 0;
  let threatsRef: ThreatState | undefined;
  const visit = (k: number): void => {
    const th = threatsRef!;
    const dx = th.x[threat] - postX[k];
    const dy = th.y[threat] - postY[k];
    if (dx * dx + dy * dy > range2 || rng.next() >= pSight) return;
    const delay = rng.uniform(s.delayMinS, s.delayMaxS);
    const b = queue.batch;
    const r = queue.add(scanS + delay);
    const sigma = s.positionSigmaM;
    const x = th.x[threat] + sigma * rng.normal();
    const y = th.y[threat] + sigma * rng.normal();
    const pDecoy = guessDecoy(s.classify, th.decoy[threat] === 1, rng);
    b.setPlot(r, index, scanS, x, y, 0, sigma * sigma, 0, sigma * sigma, NaN, pDecoy, threat);
  };

  return {
    spec,
    // Sightings are sparse: a post that says nothing has not seen that nothing is there.
    countsMisses: false,
    sense(t: number, dt: number, threats: ThreatState, out: DetectionBatch): void {
      const due = clock.due(t, dt);
      if (!Number.isNaN(due)) {
        scanS = due;
        threatsRef = threats;
        for (let i = 0; i < threats.launchedCount; i++) {
          const status = threats.status[i];
          if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) continue;
          threat = i;
          grid.forEachNear(threats.x[i], threats.y[i], s.sightingRangeM, visit);
        }
      }
      queue.deliver(t + dt, out);
    },
  };
}
