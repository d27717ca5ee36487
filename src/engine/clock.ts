// Simulation time: a fixed step, counted in ticks so that time never drifts by summing floats.

export class Clock {
  tick = 0;

  constructor(readonly dt: number) {}

  /** Seconds after scenario start at the beginning of the current tick. */
  get t(): number {
    return this.tick * this.dt;
  }
}
