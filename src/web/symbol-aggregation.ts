// Many symbols on one spot at low zoom (a raid of hundreds seen from a whole country away) are
// drawn as one count marker per grid cell instead of a smear of overlapping symbols.

/** Below this zoom level threats and tracks are aggregated. */
export const AGGREGATE_BELOW_ZOOM = 8;
/** Grid cell, CSS pixels. */
export const AGGREGATE_CELL_PX = 48;
/** A cell with at least this many symbols becomes one count marker. */
export const AGGREGATE_MIN = 3;

export interface Aggregate {
  /** The cell (column, row) on the screen grid. */
  column: number;
  row: number;
  /** Where the marker is drawn: the mean of its members' positions. */
  x: number;
  y: number;
  count: number;
  /** Indices of the members in the arrays given. */
  members: number[];
}

export interface Aggregation {
  aggregates: Aggregate[];
  /** Indices of the points drawn on their own. */
  singles: number[];
}

/**
 * Bins n points (screen pixels) into square cells of `cell` pixels; a cell holding at least `min`
 * points becomes one aggregate, the points of the other cells stay single. Every point ends up in
 * exactly one of the two. Cells are ordered by row, then column.
 */
export function aggregate(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  n: number,
  cell = AGGREGATE_CELL_PX,
  min = AGGREGATE_MIN,
): Aggregation {
  const cells = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const key = `${Math.floor(ys[k] / cell)} ${Math.floor(xs[k] / cell)}`;
    const members = cells.get(key);
    if (members) members.push(k);
    else cells.set(key, [k]);
  }
  const aggregates: Aggregate[] = [];
  const singles: number[] = [];
  for (const members of cells.values()) {
    if (members.length < min) {
      singles.push(...members);
      continue;
    }
    let x = 0;
    let y = 0;
    for (const k of members) {
      x += xs[k];
      y += ys[k];
    }
    aggregates.push({
      column: Math.floor(xs[members[0]] / cell),
      row: Math.floor(ys[members[0]] / cell),
      x: x / members.length,
      y: y / members.length,
      count: members.length,
      members,
    });
  }
  aggregates.sort((a, b) => a.row - b.row || a.column - b.column);
  singles.sort((a, b) => a - b);
  return { aggregates, singles };
}

/** A round count marker: red when any member is hostile, yellow when all are unknown. */
export function drawAggregate(ctx: CanvasRenderingContext2D, a: Aggregate, hostile: boolean): void {
  const r = Math.min(18, 9 + 2.2 * Math.log2(a.count));
  ctx.beginPath();
  ctx.arc(a.x, a.y, r, 0, 2 * Math.PI);
  ctx.fillStyle = hostile ? 'rgba(200,45,35,0.88)' : 'rgba(190,160,30,0.88)';
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = hostile ? '#ffb3a8' : '#fff0a8';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(a.count), a.x, a.y + 0.5);
  ctx.textAlign = 'start';
}
