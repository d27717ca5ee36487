// Rectangular linear assignment (Jonker & Volgenant 1987, "A shortest augmenting path algorithm for
// dense and sparse linear assignment problems", extended to rectangular matrices).
//
// The solver works on an internal matrix with rows ≤ cols (the caller's matrix, or its transpose).
// Square problems start with JV's column reduction and reduction transfer; all problems then run two
// passes of augmenting row reduction and finish with Dijkstra shortest augmenting paths on reduced
// costs. For rows < cols the column prices only ever decrease from 0 and unassigned columns keep
// price 0, which is exactly the optimality condition of the rectangular problem.
//
// Forbidden pairs (Infinity) are never crossed: their reduced costs stay infinite. When no
// full-size assignment avoids them, the problem is solved again with each replaced by a penalty
// larger than any difference between two assignments' finite costs, so the optimum first minimises
// the number of forbidden pairs used (feasible = false) and those pairs are dropped.

export interface LinearAssignment {
  rowToCol: Int32Array;
  colToRow: Int32Array;
  cost: number;
  feasible: boolean;
}

// Scratch buffers shared by all calls (the solver is synchronous and never re-entered).
let work = new Float64Array(0);
let colPrice = new Float64Array(0);
let dist = new Float64Array(0);
let rowSol = new Int32Array(0);
let colSol = new Int32Array(0);
let pred = new Int32Array(0);
let colList = new Int32Array(0);
let freeRows = new Int32Array(0);
let matches = new Int32Array(0);

function reserve(rows: number, cols: number, needsWork: boolean): void {
  if (needsWork && work.length < rows * cols) work = new Float64Array(rows * cols);
  if (colPrice.length < cols) {
    colPrice = new Float64Array(cols);
    dist = new Float64Array(cols);
    colSol = new Int32Array(cols);
    pred = new Int32Array(cols);
    colList = new Int32Array(cols);
  }
  if (rowSol.length < rows) {
    rowSol = new Int32Array(rows);
    freeRows = new Int32Array(rows);
    matches = new Int32Array(rows);
  }
}

/** Minimum-cost assignment of size min(rows, cols) on a row-major rows×cols cost matrix; Infinity forbids a pair.
 *  feasible=false when no assignment of that size avoids forbidden pairs. Unassigned entries are -1.
 *  When infeasible, the result pairs as many rows as possible through allowed pairs (minimum cost
 *  among such pairings) and `cost` sums those pairs. */
export function solveLinearAssignment(cost: Float64Array, rows: number, cols: number): LinearAssignment {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`solveLinearAssignment: bad shape ${rows}×${cols}`);
  }
  if (cost.length < rows * cols) {
    throw new RangeError(`solveLinearAssignment: ${cost.length} costs for a ${rows}×${cols} matrix`);
  }
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  if (rows === 0 || cols === 0) return { rowToCol, colToRow, cost: 0, feasible: true };

  const transposed = rows > cols;
  const n = transposed ? cols : rows; // internal rows
  const m = transposed ? rows : cols; // internal cols, m ≥ n

  // One pass over the costs checks them and, for a tall matrix, writes the transpose (the solver
  // augments from the smaller side). Forbidden pairs stay Infinity: the solver steps around them, and
  // only if it finds no full-size assignment does it solve again with penalties (below).
  reserve(n, m, transposed);
  let bad = 0;
  if (transposed) {
    // Blocked transpose keeps both sides in cache.
    for (let i0 = 0; i0 < rows; i0 += 32) {
      const i1 = Math.min(rows, i0 + 32);
      for (let j0 = 0; j0 < cols; j0 += 32) {
        const j1 = Math.min(cols, j0 + 32);
        for (let i = i0; i < i1; i++) {
          const base = i * cols;
          for (let j = j0; j < j1; j++) {
            const x = cost[base + j];
            work[j * rows + i] = x;
            if (!(x > -Infinity)) bad++;
          }
        }
      }
    }
  } else {
    const total = rows * cols;
    for (let k = 0; k < total; k++) if (!(cost[k] > -Infinity)) bad++;
  }
  if (bad > 0) throwBadCost(cost, rows, cols);

  const c: Float64Array = transposed ? work : cost;
  if (!solveInternal(c, n, m)) solveInternal(withPenalties(cost, rows, cols, transposed), n, m);

  let sum = 0;
  let feasible = true;
  for (let i = 0; i < n; i++) {
    const j = rowSol[i];
    const r = transposed ? j : i;
    const q = transposed ? i : j;
    const x = cost[r * cols + q];
    if (x === Infinity) {
      feasible = false;
      continue;
    }
    rowToCol[r] = q;
    colToRow[q] = r;
    sum += x;
  }
  return { rowToCol, colToRow, cost: sum, feasible };
}

/** Names the first NaN or −∞ cost (a caller's bug, not a forbidden pair). */
function throwBadCost(cost: Float64Array, rows: number, cols: number): never {
  let k = 0;
  while (cost[k] > -Infinity) k++;
  const row = Math.floor(k / cols);
  throw new RangeError(
    `solveLinearAssignment: cost ${cost[k]} at row ${row}, column ${k % cols} of ${rows}×${cols}`,
  );
}

/** The internal matrix with each forbidden pair replaced by a penalty larger than any difference
 *  between two assignments' finite costs, so that the optimum first minimises forbidden pairs used. */
function withPenalties(cost: Float64Array, rows: number, cols: number, transposed: boolean): Float64Array {
  const total = rows * cols;
  reserve(Math.min(rows, cols), Math.max(rows, cols), true);
  let finiteMin = Infinity;
  let finiteMax = -Infinity;
  for (let k = 0; k < total; k++) {
    const x = cost[k];
    if (x < Infinity) {
      if (x < finiteMin) finiteMin = x;
      if (x > finiteMax) finiteMax = x;
    }
  }
  const n = Math.min(rows, cols);
  const penalty =
    finiteMin === Infinity
      ? 1
      : (n + 1) * (finiteMax - finiteMin) + Math.abs(finiteMax) + Math.abs(finiteMin) + 1;
  // A tall matrix's transpose is already in `work`.
  const source = transposed ? work : cost;
  for (let k = 0; k < total; k++) {
    const x = source[k];
    work[k] = x === Infinity ? penalty : x;
  }
  return work;
}

/** Row scans allowed in augmenting row reduction, per row (measured best on dense random costs). */
const ARR_BUDGET = 4;

/** Solves the n×m problem (n ≤ m; costs finite or Infinity) into rowSol/colSol. Returns false, leaving
 *  the solution incomplete, when no full-size assignment avoids the forbidden (Infinity) pairs. */
function solveInternal(c: Float64Array, n: number, m: number): boolean {
  const v = colPrice;
  colSol.fill(-1, 0, m);
  rowSol.fill(-1, 0, n);
  v.fill(0, 0, m);

  if (m === 1) {
    // n = 1: the single pair.
    rowSol[0] = 0;
    colSol[0] = 0;
    return c[0] < Infinity;
  }

  let numFree = 0;
  if (n === m) {
    // Column reduction: v[j] = min over rows, computed row by row for cache-friendly access.
    v.fill(Infinity, 0, m);
    const argMin = pred; // scratch: row of each column's minimum
    for (let i = 0; i < n; i++) {
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const x = c[base + j];
        if (x < v[j]) {
          v[j] = x;
          argMin[j] = i;
        }
      }
    }
    for (let j = 0; j < m; j++) if (v[j] === Infinity) return false; // a column no row may take
    matches.fill(0, 0, n);
    for (let j = m - 1; j >= 0; j--) {
      const iMin = argMin[j];
      if (++matches[iMin] === 1) {
        rowSol[iMin] = j;
        colSol[j] = iMin;
      } else if (v[j] < v[rowSol[iMin]]) {
        const j1 = rowSol[iMin];
        rowSol[iMin] = j;
        colSol[j] = iMin;
        colSol[j1] = -1;
      } else {
        colSol[j] = -1;
      }
    }
    // Reduction transfer from rows assigned once; collect free rows.
    for (let i = 0; i < n; i++) {
      if (matches[i] === 0) {
        freeRows[numFree++] = i;
      } else if (matches[i] === 1) {
        const j1 = rowSol[i];
        const base = i * m;
        let min = Infinity;
        for (let j = 0; j < m; j++) {
          if (j === j1) continue;
          const h = c[base + j] - v[j];
          if (h < min) min = h;
        }
        if (min < Infinity) v[j1] -= min; // a row with one allowed column transfers nothing
      }
    }
  } else {
    for (let i = 0; i < n; i++) freeRows[i] = i;
    numFree = n;
  }

  // Augmenting row reduction, two passes. On dense real-valued costs it turns into an auction with
  // tiny price steps, so its row scans are capped; rows left over go to the augmenting-path phase.
  let budget = Math.ceil(ARR_BUDGET * n);
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let k = 0;
    const previous = numFree;
    numFree = 0;
    while (k < previous) {
      if (budget-- <= 0) {
        freeRows.copyWithin(numFree, k, previous);
        numFree += previous - k;
        break;
      }
      const i = freeRows[k++];
      const base = i * m;
      let uMin = c[base] - v[0];
      let j1 = 0;
      let uSubMin = Infinity;
      let j2 = -1;
      for (let j = 1; j < m; j++) {
        const h = c[base + j] - v[j];
        if (h < uSubMin) {
          if (h >= uMin) {
            uSubMin = h;
            j2 = j;
          } else {
            uSubMin = uMin;
            uMin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      if (uSubMin === Infinity) {
        if (uMin === Infinity) return false; // a row with no allowed column
        if (colSol[j1] >= 0) {
          // Its only column is taken: leave the row to the augmenting paths.
          freeRows[numFree++] = i;
          continue;
        }
      }
      let i0 = colSol[j1];
      const strict = uMin < uSubMin;
      if (strict && uSubMin < Infinity) v[j1] -= uSubMin - uMin;
      else if (i0 >= 0) {
        j1 = j2;
        i0 = colSol[j2];
      }
      rowSol[i] = j1;
      colSol[j1] = i;
      if (i0 >= 0) {
        rowSol[i0] = -1;
        if (strict) freeRows[--k] = i0;
        else freeRows[numFree++] = i0;
      }
    }
  }

  // Shortest augmenting paths for the remaining free rows.
  const d = dist;
  const list = colList;
  for (let f = 0; f < numFree; f++) {
    const freeRow = freeRows[f];
    const base = freeRow * m;
    for (let j = 0; j < m; j++) {
      d[j] = c[base + j] - v[j];
      pred[j] = freeRow;
      list[j] = j;
    }
    let low = 0; // list[0, low): scanned; [low, up): at the current minimum; [up, m): to do
    let up = 0;
    let last = 0;
    let min = 0;
    let endOfPath = -1;
    while (endOfPath < 0) {
      if (up === low) {
        last = low - 1;
        min = d[list[up++]];
        for (let k = up; k < m; k++) {
          const j = list[k];
          const h = d[j];
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            list[k] = list[up];
            list[up++] = j;
          }
        }
        if (min === Infinity) return false; // no allowed path reaches a free column
        for (let k = low; k < up; k++) {
          if (colSol[list[k]] < 0) {
            endOfPath = list[k];
            break;
          }
        }
      }
      if (endOfPath < 0) {
        const j1 = list[low++];
        const i = colSol[j1];
        const rowBase = i * m;
        const h = c[rowBase + j1] - v[j1] - min;
        for (let k = up; k < m; k++) {
          const j = list[k];
          const v2 = c[rowBase + j] - v[j] - h;
          if (v2 < d[j]) {
            pred[j] = i;
            if (v2 === min) {
              if (colSol[j] < 0) {
                endOfPath = j;
                break;
              }
              list[k] = list[up];
              list[up++] = j;
            }
            d[j] = v2;
          }
        }
      }
    }
    // Update the prices of the scanned columns.
    for (let k = 0; k <= last; k++) {
      const j = list[k];
      v[j] += d[j] - min;
    }
    // Augment along the path.
    let j = endOfPath;
    for (;;) {
      const i = pred[j];
      colSol[j] = i;
      const next = rowSol[i];
      rowSol[i] = j;
      if (i === freeRow) break;
      j = next;
    }
  }
  return true;
}
