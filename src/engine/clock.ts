// Simulation time: a fixed step, counted in ticks so that time never drifts by summing floats.
// Phases act at the end of the tick (`end`); what repeats does so on a cadence of whole ticks
// (`Every`), so no phase keeps its own next-time arithmetic.

export class Clock {
  tick = 0;

  constructor(readonly dt: number) {}

  /** Seconds after scenario start at the beginning of the current tick. */
  get t(): number {
    return this.tick * this.dt;
  }

  /** Seconds after scenario start at the end of the current tick: when this tick's effects happen. */
  get end(): number {
    return this.t + this.dt;
  }
}

/**
 * Whole ticks in a period: the fewest whose span reaches it (a period short of a tick by at most a
 * nanosecond counts as reached), at least one.
 */
export function ticksIn(periodS: number, dt: number): number {
  return Math.max(1, Math.ceil((periodS - 1e-9) / dt));
}

/**
 * A cadence in whole ticks: due on the first tick it is asked, then every `ticksIn(periodS, dt)`
 * ticks (C2 decision cycles, track scoring). Sensors keep their scan epochs on the grid of their
 * period (sensors/scan-clock.ts), which need not fall on whole ticks.
 */
export class Every {
  private nextTick = Number.NEGATIVE_INFINITY;

  constructor(readonly periodS: number) {}

  due(clock: Clock): boolean {
    if (clock.tick < this.nextTick) return false;
    this.nextTick = clock.tick + ticksIn(this.periodS, clock.dt);
    return true;
  }
}

export function every(periodS: number): Every {
  return new Every(periodS);
}
