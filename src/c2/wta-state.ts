// A WTA assignment kept with its per-target survival products, so that the change in cost of
// moving or swapping weapons is known in O(1). Shared by the constructive and improving solvers.
//
// A weapon with pk = 1 would make a survival product 0 and a division by (1 - pk) impossible,
// so such weapons are counted apart: survival(j) = certain[j] > 0 ? 0 : product[j].

import { HOLD, reachOf, type Reach, type WtaProblem } from './wta-problem.js';

export class WtaState {
  readonly assign: Int32Array;
  readonly count: Int32Array;
  readonly certain: Int32Array;
  readonly product: Float64Array;
  readonly reach: Reach;
  /** The weapons on each target as doubly linked lists: first[j], then next[i] … (-1 ends). */
  readonly first: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  cost = 0;
  /** Bumped by every change of the assignment, so that derived orders know when they are stale. */
  version = 0;

  constructor(
    readonly problem: WtaProblem,
    reach: Reach = reachOf(problem),
  ) {
    this.reach = reach;
    this.assign = new Int32Array(problem.weapons).fill(HOLD);
    this.count = new Int32Array(problem.targets);
    this.certain = new Int32Array(problem.targets);
    this.product = new Float64Array(problem.targets);
    this.first = new Int32Array(problem.targets).fill(-1);
    this.next = new Int32Array(problem.weapons).fill(-1);
    this.prev = new Int32Array(problem.weapons).fill(-1);
    this.load(this.assign);
  }

  /** Set the whole assignment and recompute everything from scratch. */
  load(assignment: Int32Array): void {
    const { weapons, targets, values, pk, shotCost, incumbent, switchCost } = this.problem;
    if (assignment !== this.assign) this.assign.set(assignment);
    this.version++;
    this.count.fill(0);
    this.certain.fill(0);
    this.product.fill(1);
    this.first.fill(-1);
    let cost = 0;
    for (let i = 0; i < weapons; i++) {
      const j = this.assign[i];
      if (incumbent && switchCost && j !== incumbent[i]) cost += switchCost[i];
      this.next[i] = this.prev[i] = -1;
      if (j === HOLD) continue;
      this.link(i, j);
      cost += shotCost[i];
      this.count[j]++;
      const p = pk[i * targets + j];
      if (p >= 1) this.certain[j]++;
      else this.product[j] *= 1 - p;
    }
    for (let j = 0; j < targets; j++) cost += values[j] * this.survival(j);
    this.cost = cost;
  }

  private link(i: number, j: number): void {
    const head = this.first[j];
    this.next[i] = head;
    this.prev[i] = -1;
    if (head >= 0) this.prev[head] = i;
    this.first[j] = i;
  }

  private unlink(i: number, j: number): void {
    const n = this.next[i];
    const p = this.prev[i];
    if (p >= 0) this.next[p] = n;
    else this.first[j] = n;
    if (n >= 0) this.prev[n] = p;
    this.next[i] = this.prev[i] = -1;
  }

  survival(j: number): number {
    return this.certain[j] > 0 ? 0 : this.product[j];
  }

  /** Survival of target j with weapon `out` taken off it and weapon `into` added (-1: none). */
  survivalAfter(j: number, out: number, into: number): number {
    const { pk, targets } = this.problem;
    let certain = this.certain[j];
    let product = this.product[j];
    if (out >= 0) {
      const p = pk[out * targets + j];
      if (p >= 1) certain--;
      else product /= 1 - p;
    }
    if (into >= 0) {
      const p = pk[into * targets + j];
      if (p >= 1) certain++;
      else product *= 1 - p;
    }
    return certain > 0 ? 0 : product;
  }

  private switchTerm(i: number, j: number): number {
    const { incumbent, switchCost } = this.problem;
    return incumbent && switchCost && j !== incumbent[i] ? switchCost[i] : 0;
  }

  /** Change in cost if weapon i moved to target b (HOLD allowed). */
  moveDelta(i: number, b: number): number {
    const a = this.assign[i];
    if (a === b) return 0;
    const { values, shotCost } = this.problem;
    let d = this.switchTerm(i, b) - this.switchTerm(i, a);
    if (a !== HOLD) d += values[a] * (this.survivalAfter(a, i, -1) - this.survival(a)) - shotCost[i];
    if (b !== HOLD) d += values[b] * (this.survivalAfter(b, -1, i) - this.survival(b)) + shotCost[i];
    return d;
  }

  /** Change in cost if weapons i and k exchanged their targets. */
  swapDelta(i: number, k: number): number {
    const a = this.assign[i];
    const b = this.assign[k];
    if (a === b) return 0;
    const { values, shotCost } = this.problem;
    let d = this.switchTerm(i, b) + this.switchTerm(k, a) - this.switchTerm(i, a) - this.switchTerm(k, b);
    if (a !== HOLD)
      d += values[a] * (this.survivalAfter(a, i, k) - this.survival(a)) + shotCost[k] - shotCost[i];
    if (b !== HOLD)
      d += values[b] * (this.survivalAfter(b, k, i) - this.survival(b)) + shotCost[i] - shotCost[k];
    return d;
  }

  canTake(j: number): boolean {
    const cap = this.problem.capacity;
    return j === HOLD || cap === null || this.count[j] < cap[j];
  }

  move(i: number, b: number): void {
    const a = this.assign[i];
    if (a === b) return;
    this.version++;
    this.cost += this.moveDelta(i, b);
    const { pk, targets } = this.problem;
    if (a !== HOLD) {
      const p = pk[i * targets + a];
      if (p >= 1) this.certain[a]--;
      else this.product[a] /= 1 - p;
      this.count[a]--;
      this.unlink(i, a);
      // Dividing out many factors drifts; a target left empty is exact again.
      if (this.count[a] === 0) this.product[a] = 1;
    }
    if (b !== HOLD) {
      const p = pk[i * targets + b];
      if (p >= 1) this.certain[b]++;
      else this.product[b] *= 1 - p;
      this.count[b]++;
      this.link(i, b);
    }
    this.assign[i] = b;
  }

  swap(i: number, k: number): void {
    const a = this.assign[i];
    const b = this.assign[k];
    // Through HOLD so that capacity never sees the intermediate state.
    this.move(i, HOLD);
    this.move(k, a);
    this.move(i, b);
  }
}
