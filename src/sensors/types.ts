// A sensor turns the true state of the threats into reports (detections) at its own rate.

import type { RandomStream } from '../core/rng.js';
import type { DetectionBatch } from '../model/detection.js';
import type { SensorSpec } from '../model/scenario.js';
import type { ThreatState } from '../model/world.js';

export interface Sensor {
  readonly spec: SensorSpec;
  /** Whether a scan without a report on a track the sensor has been updating counts as a miss
   *  for the tracker (false for sparse sources such as observers); default true. */
  readonly countsMisses?: boolean;
  /** Appends this sensor's reports for time t to `out` if a scan completes in this step. */
  sense(t: number, dt: number, threats: ThreatState, out: DetectionBatch): void;
}

export type SensorFactory = (spec: SensorSpec, index: number, rng: RandomStream) => Sensor;
