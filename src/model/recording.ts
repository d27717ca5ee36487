// Recorded detections with ground truth (the shared "swarm-ring" tracking format): scans of 2-D
// position reports in local metres, truth states for scoring, and the tracker's output rows.

export interface Recording {
  /** The recorder's parameters as written (n, steps, dt, q, sigma, pd, clutter, ...). */
  params: Record<string, unknown>;
  /** Position error per axis of every report, m (params.sigma, or given by the user). */
  sigmaM: number | undefined;
  truth: StateRows;
  scanTimeS: Float64Array;
  /** Reports of scan s are rows scanStart[s] .. scanStart[s+1]-1. */
  scanStart: Int32Array;
  detX: Float64Array;
  detY: Float64Array;
  /** Truth id behind each report (-1 for clutter); for scoring only, never read by a tracker. */
  detTruth: Int32Array;
}

/** Rows of {id, t, x, vx, y, vy}: truth states, or the confirmed tracks a tracker wrote. */
export interface StateRows {
  count: number;
  id: Int32Array;
  t: Float64Array;
  x: Float64Array;
  vx: Float64Array;
  y: Float64Array;
  vy: Float64Array;
}

export function emptyStateRows(capacity = 0): StateRows {
  return {
    count: 0,
    id: new Int32Array(capacity),
    t: new Float64Array(capacity),
    x: new Float64Array(capacity),
    vx: new Float64Array(capacity),
    y: new Float64Array(capacity),
    vy: new Float64Array(capacity),
  };
}
