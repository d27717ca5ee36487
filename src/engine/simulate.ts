// The tick loop: fixed dt, ordered phases, stopping at the duration or when the world is done.

import { Clock } from './clock.js';
import type { Phase } from './phase.js';

export interface SimulateOptions<W> {
  stepS: number;
  durationS: number;
  /** Checked after each tick: ends the run early, e.g. once every threat is resolved. */
  finished?: (world: W, clock: Clock) => boolean;
}

export interface SimulateResult {
  ticks: number;
  endS: number;
}

export function simulate<W>(
  world: W,
  phases: readonly Phase<W>[],
  options: SimulateOptions<W>,
): SimulateResult {
  const clock = new Clock(options.stepS);
  const maxTicks = Math.ceil(options.durationS / options.stepS - 1e-9);
  while (clock.tick < maxTicks) {
    for (const phase of phases) phase.step(world, clock);
    clock.tick++;
    if (options.finished?.(world, clock)) break;
  }
  return { ticks: clock.tick, endS: clock.t };
}
