// Defender registry: scenario files select effector types by these names. Each type brings its
// movement, order and engagement phases.

import type { Phase } from '../engine/phase.js';
import type { World } from '../model/world.js';
import { engagementResolution } from './engagement.js';
import { interceptorFlight, interceptorOrders } from './interceptor-drone.js';

export interface DefenderPhases {
  move: Phase<World>;
  act: Phase<World>;
  engage: Phase<World>;
}

export const DEFENDER_TYPES: Record<string, DefenderPhases> = {
  'interceptor-drone': { move: interceptorFlight, act: interceptorOrders, engage: engagementResolution },
};
