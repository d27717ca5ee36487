// Association: one global-nearest-neighbour assignment of the scan's reports to the rows of a
// gating pass, over the gated pairs only; each row may instead be "missed" at a fixed cost. The
// sparse solver splits it into independent gated clusters (core/sparse-assignment).

import { SparseAssignment } from '../core/sparse-assignment.js';
import { sortAscending } from '../core/typed-arrays.js';
import type { Gating } from './gating.js';

export class Association {
  /** Per track row: the report (index into the scan) it was given, or −1. */
  assigned = new Int32Array(64);

  private readonly assignment = new SparseAssignment();
  // Rows of the pass that have pairs (slotRow), the slot of each such row, the pairs' slots.
  private rowSlot = new Int32Array(64);
  private slotRow = new Int32Array(64);
  private rowStamp = new Int32Array(64);
  private stamp = 0;
  private pairSlot = new Int32Array(256);

  /** Assigns the scan's `n` reports to the rows of the gating pass; `tracks` rows in the store. */
  solve(gating: Gating, n: number, tracks: number, capacity: number, missCost: number): void {
    if (this.assigned.length < tracks) {
      this.assigned = new Int32Array(capacity);
      this.rowSlot = new Int32Array(capacity);
      this.slotRow = new Int32Array(capacity);
      this.rowStamp = new Int32Array(capacity);
    }
    this.assigned.fill(-1, 0, tracks);
    const pairs = gating.pairCount;
    if (pairs === 0) return; // every row missed
    const { pairRow, pairCol, pairCost, rowTrack } = gating;
    // Solve over the rows that have a gated pair only, in their order: the solver's components,
    // their numbering and local order are the same as over all rows, so is the assignment.
    if (this.pairSlot.length < pairRow.length) this.pairSlot = new Int32Array(pairRow.length);
    const { rowSlot, slotRow, rowStamp, pairSlot } = this;
    let used = 0;
    let ordered = true;
    const stamp = ++this.stamp;
    for (let p = 0; p < pairs; p++) {
      const row = pairRow[p];
      if (rowStamp[row] === stamp) continue;
      rowStamp[row] = stamp;
      if (used > 0 && row < slotRow[used - 1]) ordered = false;
      slotRow[used++] = row;
    }
    if (!ordered) sortAscending(slotRow, used);
    for (let r = 0; r < used; r++) rowSlot[slotRow[r]] = r;
    for (let p = 0; p < pairs; p++) pairSlot[p] = rowSlot[pairRow[p]];
    this.assignment.solve(used, n, pairSlot, pairCol, pairCost, pairs, missCost);
    const rowToCol = this.assignment.rowToCol;
    for (let r = 0; r < used; r++) this.assigned[rowTrack[slotRow[r]]] = rowToCol[r];
  }
}
