// The tracks of a multi-target tracker, as columns (struct of arrays): the filter state and
// covariance of each row, its id, lifecycle status and counters, class and altitude. Rows are in
// order of creation; a deleted track stays as a DEAD row until enough of them pile up to be worth
// one compaction, so each deletion costs O(1) row moves on average. The other roles (gating,
// association, fusion, initiation, deletion) read and write these columns; a column may be
// replaced when the store grows, so they read it through the store each time.

import { grown } from '../core/typed-arrays.js';
import { ImmBank, IMM_DEFAULTS, type ImmSettings } from './imm.js';

export const TENTATIVE = 0;
export const CONFIRMED = 1;
/** A deleted track's row, skipped by every pass until the next compaction. */
export const DEAD = 2;

const INITIAL_ROWS = 64;

export class TrackStore {
  /** Rows 0..count-1 hold the tracks (tentative, confirmed and DEAD). */
  count = 0;
  /** DEAD rows among rows 0..count-1. */
  dead = 0;
  /** Rows the columns have room for. */
  capacity = INITIAL_ROWS;
  /** Constant-velocity state [x, vx, y, vy] per row (the IMM's combined state with motion 'imm'). */
  state = new Float64Array(4 * INITIAL_ROWS);
  cov = new Float64Array(16 * INITIAL_ROWS);
  id = new Int32Array(INITIAL_ROWS);
  status = new Uint8Array(INITIAL_ROWS);
  /** Hit/miss history of a tentative track, newest in bit 0. */
  history = new Uint32Array(INITIAL_ROWS);
  scans = new Int32Array(INITIAL_ROWS);
  misses = new Int32Array(INITIAL_ROWS);
  lastSensor = new Int32Array(INITIAL_ROWS);
  lastUpdateS = new Float64Array(INITIAL_ROWS);
  bornS = new Float64Array(INITIAL_ROWS);
  confirmedS = new Float64Array(INITIAL_ROWS);
  decoyLogit = new Float64Array(INITIAL_ROWS);
  z = new Float64Array(INITIAL_ROWS);
  zVar = new Float64Array(INITIAL_ROWS);
  /** Time of every track's state, s. */
  timeS = -Infinity;
  /** The IMM filters behind each row's state when motion is 'imm'. */
  readonly imm: ImmBank | undefined;
  /** Bumped whenever rows are renumbered (a compaction): indexes of rows must be rebuilt. */
  renumbered = 0;
  private nextId = 1;
  /** Row of each kept track, ascending (scratch of the row compactions). */
  private keepFrom = new Int32Array(INITIAL_ROWS);

  constructor(imm?: Partial<ImmSettings>) {
    if (imm) this.imm = new ImmBank({ ...IMM_DEFAULTS, ...imm });
  }

  /** Live (not DEAD) tracks. */
  get live(): number {
    return this.count - this.dead;
  }

  /** A new row with a fresh id (the caller fills in the rest). */
  add(): number {
    if (this.count === this.capacity) {
      if (4 * this.dead >= this.count) this.compactLive();
      else this.grow();
    }
    const k = this.count++;
    this.id[k] = this.nextId++;
    return k;
  }

  /** Deletes track k: its row stays, DEAD, until compactLive (rows keep their order either way). */
  drop(k: number): void {
    this.status[k] = DEAD;
    this.dead++;
  }

  /** Squeezes the DEAD rows out, keeping the live ones in order. */
  compactLive(): void {
    let kept = 0;
    for (let k = 0; k < this.count; k++) if (this.status[k] !== DEAD) this.keepFrom[kept++] = k;
    this.compact(kept);
    this.dead = 0;
  }

  private grow(): void {
    const n = this.capacity * 2;
    this.state = grown(this.state, 4 * n);
    this.cov = grown(this.cov, 16 * n);
    this.id = grown(this.id, n);
    this.status = grown(this.status, n);
    this.history = grown(this.history, n);
    this.scans = grown(this.scans, n);
    this.misses = grown(this.misses, n);
    this.lastSensor = grown(this.lastSensor, n);
    this.lastUpdateS = grown(this.lastUpdateS, n);
    this.bornS = grown(this.bornS, n);
    this.confirmedS = grown(this.confirmedS, n);
    this.decoyLogit = grown(this.decoyLogit, n);
    this.z = grown(this.z, n);
    this.zVar = grown(this.zVar, n);
    this.keepFrom = grown(this.keepFrom, n);
    this.imm?.grow(n);
    this.capacity = n;
  }

  /** Keeps rows keepFrom[0..kept) as rows 0..kept-1, in order: one pass per column. */
  private compact(kept: number): void {
    const from = this.keepFrom;
    let first = 0;
    while (first < kept && from[first] === first) first++;
    this.count = kept;
    if (first === kept) return;
    this.renumbered++;
    const state = this.state;
    const cov = this.cov;
    for (let i = first; i < kept; i++) {
      const a = 4 * i;
      const b = 4 * from[i];
      state[a] = state[b];
      state[a + 1] = state[b + 1];
      state[a + 2] = state[b + 2];
      state[a + 3] = state[b + 3];
    }
    for (let i = first; i < kept; i++) {
      const a = 16 * i;
      const b = 16 * from[i];
      for (let j = 0; j < 16; j++) cov[a + j] = cov[b + j];
    }
    compactColumn(this.id, from, first, kept);
    compactColumn(this.status, from, first, kept);
    compactColumn(this.history, from, first, kept);
    compactColumn(this.scans, from, first, kept);
    compactColumn(this.misses, from, first, kept);
    compactColumn(this.lastSensor, from, first, kept);
    compactColumn(this.lastUpdateS, from, first, kept);
    compactColumn(this.bornS, from, first, kept);
    compactColumn(this.confirmedS, from, first, kept);
    compactColumn(this.decoyLogit, from, first, kept);
    compactColumn(this.z, from, first, kept);
    compactColumn(this.zVar, from, first, kept);
    const imm = this.imm;
    if (imm) for (let i = first; i < kept; i++) imm.move(from[i], i);
  }
}

/** a[i] = a[from[i]] for i in [first, kept); from ascends with from[i] ≥ i. */
function compactColumn<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  a: T,
  from: Int32Array,
  first: number,
  kept: number,
): void {
  for (let i = first; i < kept; i++) a[i] = a[from[i]];
}
