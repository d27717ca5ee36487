// A uniform hash grid over points in the horizontal plane, rebuilt each step in O(n) with no
// allocation: the nearest-neighbour and coverage queries of the hot loops go through it.

export class SpatialGrid {
  private cellHead: Int32Array;
  private next: Int32Array;
  /** Cells holding points since the last rebuild: reset these, not the whole (mostly empty) grid. */
  private usedCells: Int32Array;
  private usedCount = 0;
  private cellsX: number;
  private cellsY: number;
  private cell: number;

  /** Cell size, m. */
  get cellM(): number {
    return this.cell;
  }

  /**
   * @param minX,minY lower corner of the covered area (m); points outside are clamped to the edge cells.
   * @param cellM cell size (m); pick it near the typical query radius.
   */
  constructor(
    private minX: number,
    private minY: number,
    widthM: number,
    heightM: number,
    cellM: number,
    capacity: number,
  ) {
    this.cell = cellM;
    this.cellsX = Math.max(1, Math.ceil(widthM / cellM));
    this.cellsY = Math.max(1, Math.ceil(heightM / cellM));
    this.cellHead = new Int32Array(this.cellsX * this.cellsY).fill(-1);
    this.next = new Int32Array(capacity).fill(-1);
    this.usedCells = new Int32Array(Math.max(1, capacity));
  }

  /**
   * Empties the grid and gives it a new frame (as the constructor's arguments), reusing its arrays
   * when they are large enough: a grid that follows a moving set of points allocates only to grow.
   */
  reframe(
    minX: number,
    minY: number,
    widthM: number,
    heightM: number,
    cellM: number,
    capacity: number,
  ): void {
    this.reset(capacity);
    this.minX = minX;
    this.minY = minY;
    this.cell = cellM;
    this.cellsX = Math.max(1, Math.ceil(widthM / cellM));
    this.cellsY = Math.max(1, Math.ceil(heightM / cellM));
    const cells = this.cellsX * this.cellsY;
    if (this.cellHead.length < cells)
      this.cellHead = new Int32Array(Math.max(cells, 2 * this.cellHead.length)).fill(-1);
  }

  private cellX(x: number): number {
    const c = Math.floor((x - this.minX) / this.cell);
    return c < 0 ? 0 : c >= this.cellsX ? this.cellsX - 1 : c;
  }

  private cellY(y: number): number {
    const c = Math.floor((y - this.minY) / this.cell);
    return c < 0 ? 0 : c >= this.cellsY ? this.cellsY - 1 : c;
  }

  /** Empties the grid, touching only the cells that held points. */
  reset(capacity: number): void {
    for (let k = 0; k < this.usedCount; k++) this.cellHead[this.usedCells[k]] = -1;
    this.usedCount = 0;
    if (this.next.length < capacity) {
      this.next = new Int32Array(capacity);
      this.usedCells = new Int32Array(capacity);
    }
  }

  /** Adds point i at (x, y); points are listed per cell in reverse order of insertion. */
  insert(i: number, x: number, y: number): void {
    const cell = this.cellY(y) * this.cellsX + this.cellX(x);
    if (this.cellHead[cell] === -1) this.usedCells[this.usedCount++] = cell;
    this.next[i] = this.cellHead[cell];
    this.cellHead[cell] = i;
  }

  /** Rebuilds from the points whose `include(i)` holds. */
  rebuild(
    count: number,
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    include: (i: number) => boolean,
  ): void {
    this.reset(count);
    // Insert in reverse so each cell lists its points in ascending index order.
    for (let i = count - 1; i >= 0; i--) if (include(i)) this.insert(i, xs[i], ys[i]);
  }

  /** How many cells forEachNear(x, y, radiusM) visits. */
  cellsNear(x: number, y: number, radiusM: number): number {
    return (
      (this.cellX(x + radiusM) - this.cellX(x - radiusM) + 1) *
      (this.cellY(y + radiusM) - this.cellY(y - radiusM) + 1)
    );
  }

  /** Calls visit(i) for every indexed point whose cell lies within radius of (x, y); the caller tests distance. */
  forEachNear(x: number, y: number, radiusM: number, visit: (i: number) => void): void {
    const x0 = this.cellX(x - radiusM);
    const x1 = this.cellX(x + radiusM);
    const y0 = this.cellY(y - radiusM);
    const y1 = this.cellY(y + radiusM);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        for (let i = this.cellHead[cy * this.cellsX + cx]; i !== -1; i = this.next[i]) visit(i);
      }
    }
  }
}
