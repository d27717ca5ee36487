// A fixed set of ground points (microphone nodes, observer posts) indexed once in a static grid,
// so "which points are near this threat" costs the points nearby, not all of them.
//
// The grid is stored compressed by cell (CSR): the points of cell c are positions
// cellStart[c]..cellStart[c+1] of one array, in ascending point index, and cells are numbered row
// by row, so the cells of one grid row that a query disc spans are one contiguous run of positions.
// A query walks those runs over coordinate arrays laid out in the same order (no callback, no
// allocation) and lists the points within the radius, in the order row → column → index. A disc
// that misses the points' bounding box costs nothing.

export class PointIndex {
  /** Coordinates by point index, m. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly count: number;
  /** Points found by the last `within` query, in visiting order, and their squared distances (m²). */
  readonly hits: Int32Array;
  readonly hitD2: Float64Array;

  private readonly cellM: number;
  private readonly originX: number;
  private readonly originY: number;
  private readonly cellsX: number;
  private readonly cellsY: number;
  private readonly cellStart: Int32Array;
  /** Point index, x and y by position in cell order. */
  private readonly ids: Int32Array;
  private readonly sx: Float64Array;
  private readonly sy: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly maxX: number;
  private readonly maxY: number;

  /** Indexes the points (east[i], north[i]) in cells of about `cellM` (at most 1,024 across). */
  constructor(east: readonly number[], north: readonly number[], cellM: number) {
    const n = east.length;
    this.count = n;
    const x = (this.x = Float64Array.from(east));
    const y = (this.y = Float64Array.from(north));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < n; k++) {
      minX = Math.min(minX, x[k]);
      maxX = Math.max(maxX, x[k]);
      minY = Math.min(minY, y[k]);
      maxY = Math.max(maxY, y[k]);
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const cell = Math.max(cellM, Math.max(maxX - minX, maxY - minY) / 1024, 1);
    this.cellM = cell;
    // One empty cell of margin on every side.
    this.originX = minX - cell;
    this.originY = minY - cell;
    this.cellsX = Math.max(1, Math.ceil((maxX - minX + 2 * cell) / cell));
    this.cellsY = Math.max(1, Math.ceil((maxY - minY + 2 * cell) / cell));

    // Counting sort of the points by cell; stable, so ascending index within a cell.
    const cells = this.cellsX * this.cellsY;
    const cellOf = new Int32Array(n);
    const start = new Int32Array(cells + 1);
    for (let k = 0; k < n; k++) {
      cellOf[k] = this.cellY(y[k]) * this.cellsX + this.cellX(x[k]);
      start[cellOf[k] + 1]++;
    }
    for (let c = 0; c < cells; c++) start[c + 1] += start[c];
    this.cellStart = start;
    const fill = start.slice(0, cells);
    this.ids = new Int32Array(n);
    this.sx = new Float64Array(n);
    this.sy = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const p = fill[cellOf[k]]++;
      this.ids[p] = k;
      this.sx[p] = x[k];
      this.sy[p] = y[k];
    }
    this.hits = new Int32Array(n);
    this.hitD2 = new Float64Array(n);
  }

  private cellX(x: number): number {
    const c = Math.floor((x - this.originX) / this.cellM);
    return c < 0 ? 0 : c >= this.cellsX ? this.cellsX - 1 : c;
  }

  private cellY(y: number): number {
    const c = Math.floor((y - this.originY) / this.cellM);
    return c < 0 ? 0 : c >= this.cellsY ? this.cellsY - 1 : c;
  }

  /**
   * Lists in `hits` (and their squared distances in `hitD2`) the points p with
   * (x − pₓ)² + (y − p_y)² ≤ radius2, by cell row, then cell column, then point index; returns
   * how many. The lists are overwritten by the next query.
   */
  within(x: number, y: number, radius2: number): number {
    if (!(radius2 >= 0) || this.count === 0) return 0;
    // A hair wider than the radius, so rounding never leaves out a cell holding a point in range.
    const r = Math.sqrt(radius2) * (1 + 1e-12) + 1e-9;
    if (x + r < this.minX || x - r > this.maxX || y + r < this.minY || y - r > this.maxY) return 0;
    const x0 = this.cellX(x - r);
    const x1 = this.cellX(x + r);
    const y0 = this.cellY(y - r);
    const y1 = this.cellY(y + r);
    const { cellStart, ids, sx, sy, hits, hitD2 } = this;
    let m = 0;
    for (let cy = y0; cy <= y1; cy++) {
      const row = cy * this.cellsX;
      const end = cellStart[row + x1 + 1];
      for (let p = cellStart[row + x0]; p < end; p++) {
        const dx = x - sx[p];
        const dy = y - sy[p];
        const d2 = dx * dx + dy * dy;
        if (d2 > radius2) continue;
        hits[m] = ids[p];
        hitD2[m] = d2;
        m++;
      }
    }
    return m;
  }
}
