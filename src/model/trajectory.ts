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
  /**
   * The track picture C2 acted on, for runs with a real tracker (absent with perfect sensing,
   * where the tracks are the threats): [track, e, n, sigma, pDecoy] per confirmed track, sigma
   * the one-sigma horizontal position error in metres (rounded up to 1 m), pDecoy the tracker's
   * decoy probability in percent (0–100, rounded).
   */
  tracks?: number[];
  /**
   * Defender units away from their base (jets in the air, fire groups on the road or at another
   * patrol point): [unit index, e, n, u, mode] per unit, mode as in UnitState (JetMode,
   * FireGroupMode). A unit not listed is at its base.
   */
  units?: number[];
}

export const THREAT_STRIDE = 4;
export const FLIGHT_STRIDE = 5;
export const TRACK_STRIDE = 5;
export const UNIT_STRIDE = 5;
