// GOSPA, the generalised optimal sub-pattern assignment metric with α = 2 (Rahmathullah,
// García-Fernández & Svensson 2017), on horizontal positions:
//   GOSPA = ( min_γ Σ_{(i,j)∈γ} d(xᵢ, yⱼ)^p + c^p/2 · (|X| − |γ|) + c^p/2 · (|Y| − |γ|) )^(1/p)
// over partial assignments γ of truths X to estimates Y with d < c. Its parts: localisation
// (Σ d^p over γ), missed truths and false estimates. Pairs closer than c are found through a
// spatial grid and the assignment splits into independent clusters (same optimum as a dense solve).

import { hypot2 } from '../core/hypot.js';
import { SparseAssignment } from '../core/sparse-assignment.js';
import { cellSizeFor, SnappedGrid } from '../core/snapped-grid.js';
import { grown } from '../core/typed-arrays.js';

export interface GospaParams {
  /** Cut-off distance c, m. */
  cutoffM: number;
  /** Order p ≥ 1. */
  p: number;
}

export interface GospaScan {
  /** GOSPA of the scan, m. */
  gospa: number;
  /** Σ d^p over assigned pairs, m^p. */
  localisation: number;
  missed: number;
  falseTracks: number;
}

/** Reusable GOSPA evaluator; `truthToEstimate` holds the last scan's assignment (-1 = missed). */
export class Gospa {
  truthToEstimate = new Int32Array(0);
  private readonly assignment = new SparseAssignment();
  private readonly snapped = new SnappedGrid();
  private pairRow = new Int32Array(256);
  private pairCol = new Int32Array(256);
  private pairCost = new Float64Array(256);
  private pairDist = new Float64Array(256);

  // State shared with the grid visitor (no closure per truth).
  private pairs = 0;
  private visitTruth = 0;
  private visitX = 0;
  private visitY = 0;
  private visitEstX: ArrayLike<number> = NO_POINTS;
  private visitEstY: ArrayLike<number> = NO_POINTS;
  private readonly visit = (j: number): void => {
    const { cutoffM: c, p } = this.params;
    const cp = this.cp;
    const d = hypot2(this.visitEstX[j] - this.visitX, this.visitEstY[j] - this.visitY);
    if (!(d < c)) return;
    const q = this.pairs++;
    if (q === this.pairRow.length) {
      this.pairRow = grown(this.pairRow, 2 * q);
      this.pairCol = grown(this.pairCol, 2 * q);
      this.pairCost = grown(this.pairCost, 2 * q);
      this.pairDist = grown(this.pairDist, 2 * q);
    }
    this.pairRow[q] = this.visitTruth;
    this.pairCol[q] = j;
    this.pairDist[q] = d;
    // Pairing a truth with an estimate replaces one miss and one false track (c^p in all).
    this.pairCost[q] = d ** p - cp;
  };

  /** c^p: the cost of a miss plus a false track, against which a pairing is priced. */
  private readonly cp: number;

  constructor(readonly params: GospaParams) {
    if (!(params.cutoffM > 0) || !(params.p >= 1)) throw new RangeError('GOSPA needs c > 0 and p ≥ 1');
    this.cp = params.cutoffM ** params.p;
  }

  scan(
    truthX: ArrayLike<number>,
    truthY: ArrayLike<number>,
    truths: number,
    estX: ArrayLike<number>,
    estY: ArrayLike<number>,
    estimates: number,
  ): GospaScan {
    const { cutoffM: c, p } = this.params;
    const cp = this.cp;
    let pairs = 0;
    if (truths > 0 && estimates > 0) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let j = 0; j < estimates; j++) {
        minX = Math.min(minX, estX[j]);
        maxX = Math.max(maxX, estX[j]);
        minY = Math.min(minY, estY[j]);
        maxY = Math.max(maxY, estY[j]);
      }
      const cell = cellSizeFor(c, Math.max(maxX - minX, maxY - minY), c);
      const grid = this.snapped.cover(minX, minY, maxX, maxY, cell, estimates);
      grid.rebuild(estimates, estX, estY, EVERY);
      this.visitEstX = estX;
      this.visitEstY = estY;
      this.pairs = 0;
      for (let i = 0; i < truths; i++) {
        this.visitTruth = i;
        this.visitX = truthX[i];
        this.visitY = truthY[i];
        grid.forEachNear(this.visitX, this.visitY, c, this.visit);
      }
      pairs = this.pairs;
      this.visitEstX = this.visitEstY = NO_POINTS;
    }
    this.assignment.solve(truths, estimates, this.pairRow, this.pairCol, this.pairCost, pairs, 0);
    if (this.truthToEstimate.length < truths) this.truthToEstimate = new Int32Array(Math.max(truths, 16));
    this.truthToEstimate.fill(-1, 0, truths);
    let localisation = 0;
    let assigned = 0;
    const rowToCol = this.assignment.rowToCol;
    for (let q = 0; q < pairs; q++) {
      const i = this.pairRow[q];
      if (rowToCol[i] === this.pairCol[q] && this.truthToEstimate[i] < 0) {
        this.truthToEstimate[i] = rowToCol[i];
        localisation += this.pairDist[q] ** p;
        assigned++;
      }
    }
    const missed = truths - assigned;
    const falseTracks = estimates - assigned;
    const total = localisation + (cp / 2) * (missed + falseTracks);
    return { gospa: total ** (1 / p), localisation, missed, falseTracks };
  }
}

const NO_POINTS = new Float64Array(0);

/** Indexes every estimate. */
const EVERY = (): boolean => true;
