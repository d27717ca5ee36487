// Tracker registry, and the tracking phase of the tick loop.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import type { World } from '../model/world.js';
import { createGnnTracker } from './gnn.js';
import { createPassThroughTracker } from './pass-through.js';
import type { Tracker, TrackerFactory } from './types.js';

export const TRACKER_TYPES: Record<string, TrackerFactory> = {
  'pass-through': createPassThroughTracker,
  gnn: createGnnTracker,
};

/** Phase 4: the step's detections update the track picture. */
export function trackingPhase(tracker: Tracker): Phase<World> {
  return {
    name: 'tracking',
    step(world: World, clock: Clock): void {
      tracker.update(clock.end, world.detections, world.tracks);
    },
  };
}

export { GnnTracker } from './gnn.js';
export { GNN_DEFAULTS, type GnnOptions } from './gnn-options.js';
export type { Tracker, TrackerFactory, TrackerOptions } from './types.js';
