// A uniform hash grid over points in the horizontal plane, rebuilt each step in O(n) with no
// allocation: the nearest-neighbour and coverage queries of the hot loops go through it.

export class SpatialGrid {
  private cellHead: Int32Array;
  private next: Int32Array;
  private readonly cellsX: number;
  private readonly cellsY: number;

  /**
   * @param minX,minY lower corner of the covered area (m); points outside are clamped to the edge cells.
   * @param cellM cell size (m); pick it near the typical query radius.
   */
  constructor(
    private readonly minX: number,
    private readonly minY: number,
    widthM: number,
    heightM: number,
    readonly cellM: number,
    capacity: number,
  ) {
    this.cellsX = Math.max(1, Math.ceil(widthM / cellM));
    this.cellsY = Math.max(1, Math.ceil(heightM / cellM));
    this.cellHead = new Int32Array(this.cellsX * this.cellsY).fill(-1);
    this.next = new Int32Array(capacity).fill(-1);
  }

  private cellX(x: number): number {
    const c = Math.floor((x - this.minX) / this.cellM);
    return c < 0 ? 0 : c >= this.cellsX ? this.cellsX - 1 : c;
  }

  private cellY(y: number): number {
    const c = Math.floor((y - this.minY) / this.cellM);
    return c < 0 ? 0 : c >= this.cellsY ? this.cellsY - 1 : c;
  }

  /** Rebuilds from the points whose `include(i)` holds. */
  rebuild(
    count: number,
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    include: (i: number) => boolean,
  ): void {
    this.cellHead.fill(-1);
    if (this.next.length < count) this.next = new Int32Array(count);
    // Insert in reverse so each cell lists its points in ascending index order: stable queries.
    for (let i = count - 1; i >= 0; i--) {
      if (!include(i)) continue;
      const cell = this.cellY(ys[i]) * this.cellsX + this.cellX(xs[i]);
      this.next[i] = this.cellHead[cell];
      this.cellHead[cell] = i;
    }
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
