// Scan epochs of a sensor: k·period from the run's start, one scan per step at most. The scan
// sees the state at the end of the step in which its epoch falls, and is stamped with that time.

export class ScanClock {
  private next = 0;

  constructor(private readonly periodS: number) {}

  /** t + dt if a scan epoch falls in the step (t, t+dt] (or at 0 for the first), else NaN. */
  due(t: number, dt: number): number {
    if (t + dt + 1e-9 < this.next) return NaN;
    const steps = Math.max(1, Math.ceil((t + dt - this.next) / this.periodS + 1e-9));
    this.next += this.periodS * steps;
    return t + dt;
  }
}
