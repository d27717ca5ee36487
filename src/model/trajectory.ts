// Sampled positions of everything in the air, for replaying a run smoothly on a map. Optional
// in a RunLog: the event log alone is the record of a run; samples are a view of it over time.

export interface TrajectorySamples {
  /** Seconds between frames. */
  everyS: number;
  frames: TrajectoryFrame[];
}

/** Positions at one instant, local ENU metres rounded to 1 m, sorted by id. */
export interface TrajectoryFrame {
  t: number;
  /** Threats in the air, flattened: [threat, e, n, u] per threat. */
  threats: number[];
  /** Interceptor flights in the air, flattened: [flight, unit index, e, n, u] per flight. */
  flights: number[];
}

export const THREAT_STRIDE = 4;
export const FLIGHT_STRIDE = 5;
