// Sensor registry: scenario files select sensors by these type names.

import type { World } from '../model/world.js';
import type { Phase } from '../engine/phase.js';
import type { Clock } from '../engine/clock.js';
import { createAcousticNetwork } from './acoustic.js';
import { createIdealSensor } from './ideal.js';
import { createObservers } from './observer.js';
import { createRadar } from './radar.js';
import type { Sensor, SensorFactory } from './types.js';

export const SENSOR_TYPES: Record<string, SensorFactory> = {
  ideal: createIdealSensor,
  radar: createRadar,
  acoustic: createAcousticNetwork,
  observer: createObservers,
};

/** Phase 3: every sensor reports into the step's detection batch, in scenario order. */
export function sensingPhase(sensors: readonly Sensor[]): Phase<World> {
  return {
    name: 'sensors',
    step(world: World, clock: Clock): void {
      world.detections.clear();
      for (const sensor of sensors) sensor.sense(clock.t, clock.dt, world.threats, world.detections);
    },
  };
}

export type { Sensor, SensorFactory } from './types.js';
// Where a radar can see (the console's coverage layer draws it).
export { radarHorizonM } from './radar.js';
