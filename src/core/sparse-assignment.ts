// Minimum-cost partial assignment on a sparse set of allowed pairs: each row is either paired with
// one column through an allowed pair or left unpaired at its own "miss" cost; columns left over
// cost nothing. The pairs split into connected components that are solved independently by the
// dense solver (rows × (columns + one miss column per row)), so a picture of thousands of
// well-separated objects costs thousands of tiny problems, not one huge one.

import { solveLinearAssignment } from './linear-assignment.js';

export class SparseAssignment {
  /** Column of each row, or -1 (valid up to the last solve's row count). */
  rowToCol = new Int32Array(0);
  /** Row of each column, or -1. */
  colToRow = new Int32Array(0);
  /** Total cost of the last solve: pairs plus misses. */
  cost = 0;
  /** Rows and columns in the largest component of the last solve. */
  largestComponent = 0;

  private parent = new Int32Array(0);
  private component = new Int32Array(0);
  private compOf = new Int32Array(0);
  private start = new Int32Array(0);
  private members = new Int32Array(0);
  private pairOrder = new Int32Array(0);
  private pairStart = new Int32Array(0);
  private localIndex = new Int32Array(0);
  private matrix = new Float64Array(0);

  /**
   * @param pairRow,pairCol,pairCost the allowed pairs (pairCount of them); cost may be negative.
   * @param missCost cost of leaving a row unpaired (one value for all rows, or one per row).
   */
  solve(
    rows: number,
    cols: number,
    pairRow: Int32Array,
    pairCol: Int32Array,
    pairCost: Float64Array,
    pairCount: number,
    missCost: number | Float64Array,
  ): void {
    const nodes = rows + cols;
    this.reserve(rows, cols, pairCount);
    const { parent, rowToCol, colToRow } = this;
    rowToCol.fill(-1, 0, rows);
    colToRow.fill(-1, 0, cols);
    for (let v = 0; v < nodes; v++) parent[v] = v;
    for (let p = 0; p < pairCount; p++) this.union(pairRow[p], rows + pairCol[p]);

    // Number the components that hold at least one pair, in order of their smallest row.
    const component = this.component;
    component.fill(-1, 0, nodes);
    let components = 0;
    const start = this.start;
    for (let p = 0; p < pairCount; p++) {
      const root = this.find(pairRow[p]);
      if (component[root] < 0) component[root] = components++;
    }
    // Each node's component (−1: no pair), found once.
    const compOf = this.compOf;
    for (let v = 0; v < nodes; v++) compOf[v] = component[this.find(v)];
    // Bucket rows and columns of each component (counting sort), then the pairs.
    start.fill(0, 0, components + 1);
    for (let v = 0; v < nodes; v++) {
      const c = compOf[v];
      if (c >= 0) start[c + 1]++;
    }
    for (let c = 0; c < components; c++) start[c + 1] += start[c];
    const fill = this.localIndex; // scratch cursor per component, reset below
    for (let c = 0; c < components; c++) fill[c] = start[c];
    const members = this.members;
    for (let v = 0; v < nodes; v++) {
      const c = compOf[v];
      if (c >= 0) members[fill[c]++] = v;
    }
    const pairStart = this.pairStart;
    pairStart.fill(0, 0, components + 1);
    for (let p = 0; p < pairCount; p++) pairStart[compOf[pairRow[p]] + 1]++;
    for (let c = 0; c < components; c++) pairStart[c + 1] += pairStart[c];
    for (let c = 0; c < components; c++) fill[c] = pairStart[c];
    const order = this.pairOrder;
    for (let p = 0; p < pairCount; p++) order[fill[compOf[pairRow[p]]]++] = p;

    // Local index of each node inside its component: rows first, then columns.
    const local = this.localIndex;
    let total = 0;
    for (let v = 0; v < rows; v++) if (compOf[v] < 0) total += missOf(missCost, v);
    this.largestComponent = 0;
    for (let c = 0; c < components; c++) {
      let nr = 0;
      let nc = 0;
      for (let k = start[c]; k < start[c + 1]; k++) {
        const v = members[k];
        if (v < rows) local[v] = nr++;
        else local[v] = nc++;
      }
      if (nr + nc > this.largestComponent) this.largestComponent = nr + nc;
      if (nr === 1) {
        // One row: its cheapest pair if that beats the miss (the common case of a clean picture).
        const row = members[start[c]];
        let best = missOf(missCost, row);
        let bestCol = -1;
        for (let k = pairStart[c]; k < pairStart[c + 1]; k++) {
          const p = order[k];
          if (pairCost[p] < best) {
            best = pairCost[p];
            bestCol = pairCol[p];
          }
        }
        total += best;
        if (bestCol >= 0) {
          rowToCol[row] = bestCol;
          colToRow[bestCol] = row;
        }
        continue;
      }
      const width = nc + nr;
      const size = nr * width;
      if (this.matrix.length < size) this.matrix = new Float64Array(Math.max(size, 2 * this.matrix.length));
      const m = this.matrix;
      m.fill(Infinity, 0, size);
      for (let k = start[c]; k < start[c + 1]; k++) {
        const v = members[k];
        if (v >= rows) break; // rows come first among members (ascending node index)
        const i = local[v];
        m[i * width + nc + i] = missOf(missCost, v);
      }
      for (let k = pairStart[c]; k < pairStart[c + 1]; k++) {
        const p = order[k];
        const at = local[pairRow[p]] * width + local[rows + pairCol[p]];
        if (pairCost[p] < m[at]) m[at] = pairCost[p];
      }
      const result = solveLinearAssignment(m.subarray(0, size), nr, width);
      total += result.cost;
      // Map back: member rows in order, member columns in order.
      let r = 0;
      const colBase = start[c] + nr;
      for (let k = start[c]; k < colBase; k++, r++) {
        const j = result.rowToCol[r];
        if (j < nc) {
          const row = members[k];
          const col = members[colBase + j] - rows;
          rowToCol[row] = col;
          colToRow[col] = row;
        }
      }
    }
    this.cost = total;
  }

  private find(v: number): number {
    const parent = this.parent;
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller index becomes the root, so component numbering does not depend on pair order.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }

  private reserve(rows: number, cols: number, pairs: number): void {
    const nodes = rows + cols;
    if (this.parent.length < nodes) {
      const n = Math.max(nodes, 2 * this.parent.length);
      this.parent = new Int32Array(n);
      this.component = new Int32Array(n);
      this.compOf = new Int32Array(n);
      this.start = new Int32Array(n + 1);
      this.members = new Int32Array(n);
      this.pairStart = new Int32Array(n + 1);
      this.localIndex = new Int32Array(n);
    }
    if (this.rowToCol.length < rows) this.rowToCol = new Int32Array(Math.max(rows, 2 * this.rowToCol.length));
    if (this.colToRow.length < cols) this.colToRow = new Int32Array(Math.max(cols, 2 * this.colToRow.length));
    if (this.pairOrder.length < pairs)
      this.pairOrder = new Int32Array(Math.max(pairs, 2 * this.pairOrder.length));
  }
}

function missOf(missCost: number | Float64Array, row: number): number {
  return typeof missCost === 'number' ? missCost : missCost[row];
}
