// Ejection chains: the very large-scale neighbourhood of Ahuja, Kumar, Jha and Orlin (2007, "Exact
// and heuristic algorithms for the weapon-target assignment problem"), searched depth first.
//
// The improvement graph has a node per weapon; an arc x → k (k on target t) means "x takes k's
// place on t and k is ejected", costing the change of t's value with k out and x in, plus x's own
// change of shot and switch terms. A chain starts with weapon x1 leaving its target a0 (or from
// HOLD) and follows arcs x1 → x2 → … → xm; it ends
//   - as a cyclic exchange: xm takes x1's place on a0 (every target keeps its number of weapons),
//   - or as a path exchange: xm joins a target t without ejecting anyone, or holds.
// A move of one weapon is a path of length 1, an exchange of two a cycle of length 2; longer chains
// are the moves that single moves and exchanges miss (A gives its place to B and takes C's, …).
// While every target of a chain is distinct, the sum of its arc costs is exactly its change in
// cost, so the search marks targets as used and computes every delta in O(1) from the cached
// survival products of WtaState.
//
// Search: from x1, each level scans the floating weapon's reachable targets once, prices every end
// (join or close the cycle) and keeps the `breadth` cheapest arcs whose running sum is negative
// (by the rotation property, a negative cycle has a starting point from which every partial sum is
// negative, so that pruning loses no cycle when every weapon is tried as a start). The first
// improving chain found is applied.
//
// Candidate lists (large problems): with `candidates` > 0 a weapon that reaches most targets scans
// only its own list instead of every target: half the targets where it would eject a weapon at the
// largest saving (without[k] × (pk[x][t] - pk[k][t]), best over t's weapons k, whatever its sign,
// since deeper arcs may cost as long as the running sum stays negative), half those it would join
// at the largest gain (remaining value × pk). The lists are rebuilt after every `refresh` moves;
// between rebuilds only the choice of targets is stale, every delta is priced on the present state.

import { HOLD } from './wta-problem.js';
import type { WtaState } from './wta-state.js';

export class EjectionChains {
  /** Targets already in the chain. */
  private readonly used: Uint8Array;
  /** Chain weapons x1 … xm by level, and the target each one moves to. */
  private readonly weapon: Int32Array;
  private readonly place: Int32Array;
  /** Per level, the kept arcs: the ejected weapon, its target, the arc's cost. */
  private readonly arcWeapon: Int32Array;
  private readonly arcTarget: Int32Array;
  private readonly arcCost: Float64Array;
  /** The targets the last applied chain changed (HOLD included), for chainDescent's work queue. */
  readonly touched: Int32Array;
  touchedCount = 0;
  /** chainDescent's work queue of start weapons (circular, each weapon at most once). */
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private start = 0;
  private a0 = HOLD;
  private tolerance = 0;
  /** Chains applied since construction (for tests and statistics). */
  applied = 0;
  nodes = 0;
  /** The change in cost the last applied chain was priced at. */
  lastDelta = 0;

  /** Targets by remaining value (values × survival), largest first, as of `sortedAt`. */
  private readonly order: Int32Array;
  private readonly key: Float64Array;
  /** Each weapon's target's remaining value without it (values × survival with it taken off). */
  private readonly without: Float64Array;
  private sortedAt = -1;
  /** Weapons that reach most targets scan them in that order and stop early (see extend). */
  private readonly dense: Uint8Array;

  /** Candidate targets per weapon (0: all), by remaining value × pk, rebuilt every `refresh` moves. */
  private cand = new Int32Array(0);
  private candKey = new Float64Array(0);
  private candAt = -Infinity;
  private listedMark = new Uint8Array(0);
  /** Candidate lists on, and some weapon dense enough to use them. */
  private readonly listing: boolean;
  /** Candidate lists on, and most weapons dense enough to use them (their chain search is cheap). */
  readonly mostlyListed: boolean;

  constructor(
    readonly state: WtaState,
    readonly depth = 4,
    readonly breadth = 3,
    readonly candidates = 0,
    readonly refresh = 200,
  ) {
    const { reach, problem } = state;
    const { weapons, targets } = problem;
    this.order = new Int32Array(targets);
    for (let j = 0; j < targets; j++) this.order[j] = j;
    this.key = new Float64Array(targets);
    this.without = new Float64Array(weapons);
    this.dense = new Uint8Array(weapons);
    let dense = 0;
    for (let i = 0; i < weapons; i++) {
      this.dense[i] = reach.start[i + 1] - reach.start[i] > targets / 4 ? 1 : 0;
      dense += this.dense[i];
    }
    this.listing = candidates > 0 && dense > 0;
    this.mostlyListed = candidates > 0 && 2 * dense > weapons;
    this.used = new Uint8Array(state.problem.targets);
    this.weapon = new Int32Array(depth + 1);
    this.place = new Int32Array(depth + 1);
    this.arcWeapon = new Int32Array((depth + 1) * breadth);
    this.arcTarget = new Int32Array((depth + 1) * breadth);
    this.arcCost = new Float64Array((depth + 1) * breadth);
    this.touched = new Int32Array(depth + 2);
    this.queue = new Int32Array(weapons);
    this.queued = new Uint8Array(weapons);
  }

  /** Shot and switch terms of weapon x going from its present target to t. */
  private personal(x: number, t: number): number {
    const { shotCost, incumbent, switchCost } = this.state.problem;
    const o = this.state.assign[x];
    let d = 0;
    if (t !== HOLD) d += shotCost[x];
    if (o !== HOLD) d -= shotCost[x];
    if (incumbent && switchCost) {
      if (t !== incumbent[x]) d += switchCost[x];
      if (o !== incumbent[x]) d -= switchCost[x];
    }
    return d;
  }

  /** Re-sort the targets by remaining value when the assignment changed (insertion sort: few move). */
  private sortTargets(): void {
    const state = this.state;
    if (this.sortedAt === state.version) return;
    this.sortedAt = state.version;
    const { order, key } = this;
    const { values } = state.problem;
    for (let j = 0; j < order.length; j++) key[j] = values[j] * state.survival(j);
    const { assign } = state;
    for (let i = 0; i < assign.length; i++) {
      const j = assign[i];
      this.without[i] = j === HOLD ? 0 : values[j] * state.survivalAfter(j, i, -1);
    }
    for (let a = 1; a < order.length; a++) {
      const t = order[a];
      const v = key[t];
      let b = a - 1;
      while (b >= 0 && (key[order[b]] < v || (key[order[b]] === v && order[b] > t))) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = t;
    }
  }

  /**
   * Each weapon's candidate targets: half those where it would eject a weapon at the largest gain
   * (without[k] × (pk[x][t] - pk[k][t]), the arc's saving), half those it would join at the largest
   * gain (remaining value × pk), best first; -1 fills what is left.
   */
  private buildCandidates(): void {
    const state = this.state;
    if (state.version - this.candAt < this.refresh) return;
    this.candAt = state.version;
    const { weapons, targets, pk } = state.problem;
    const c = this.candidates;
    const half = c >> 1;
    if (this.cand.length === 0) {
      this.cand = new Int32Array(weapons * c);
      this.candKey = new Float64Array(weapons * c);
      this.listedMark = new Uint8Array(targets);
    }
    const { cand, candKey, key, without, listedMark } = this;
    const { first, next } = state;
    const insert = (lo: number, hi: number, n: number, g: number, t: number): number => {
      if (n === hi - lo && g <= candKey[hi - 1]) return n;
      let at = n < hi - lo ? lo + n++ : hi - 1;
      while (at > lo && candKey[at - 1] < g) {
        candKey[at] = candKey[at - 1];
        cand[at] = cand[at - 1];
        at--;
      }
      candKey[at] = g;
      cand[at] = t;
      return n;
    };
    for (let i = 0; i < weapons; i++) {
      // Weapons of sparse reach scan their reach (see extend).
      if (this.dense[i] === 0) continue;
      const row = i * targets;
      const out = i * c;
      let n = 0;
      for (let t = 0; t < targets; t++) {
        const p = pk[row + t];
        if (first[t] < 0 || p <= 0) continue;
        let g = -Infinity;
        for (let k = first[t]; k >= 0; k = next[k]) {
          const e = without[k] * (p - pk[k * targets + t]);
          if (e > g) g = e;
        }
        n = insert(out, out + half, n, g, t);
      }
      for (let k = n; k < half; k++) cand[out + k] = -1;
      for (let k = 0; k < n; k++) listedMark[cand[out + k]] = 1;
      let m = 0;
      for (let t = 0; t < targets; t++) {
        const g = key[t] * pk[row + t];
        if (g > 0 && listedMark[t] === 0) m = insert(out + half, out + c, m, g, t);
      }
      for (let k = half + m; k < c; k++) cand[out + k] = -1;
      for (let k = 0; k < n; k++) listedMark[cand[out + k]] = 0;
    }
  }

  /** Look for an improving chain starting with weapon i1; apply the first found. */
  improve(i1: number, tolerance: number): boolean {
    const state = this.state;
    const a0 = state.assign[i1];
    const { values } = state.problem;
    this.sortTargets();
    if (this.listing) this.buildCandidates();
    this.a0 = a0;
    this.tolerance = tolerance;
    this.start = a0 === HOLD ? 0 : values[a0] * (state.survivalAfter(a0, i1, -1) - state.survival(a0));
    this.weapon[0] = i1;
    if (a0 !== HOLD) this.used[a0] = 1;
    const found = this.extend(0, 0);
    if (a0 !== HOLD) this.used[a0] = 0;
    return found;
  }

  /** Extend the chain whose floating weapon is weapon[level], its arcs summing to q. */
  private extend(level: number, q: number): boolean {
    const state = this.state;
    const { reach, problem } = state;
    const { values, pk, targets, incumbent } = problem;
    const x = this.weapon[level];
    this.nodes++;
    const a0 = this.a0;
    const i1 = this.weapon[0];
    const base = this.start + q;
    let bestTotal = -this.tolerance;
    let bestEnd = -2;
    // Hold the floating weapon (a path ending in HOLD); from HOLD itself it would change nothing.
    if (problem.mayHold && !(level === 0 && a0 === HOLD)) {
      const total = base + this.personal(x, HOLD);
      if (total < bestTotal) {
        bestTotal = total;
        bestEnd = HOLD;
      }
    }
    // Close the cycle: x takes x1's place on a0.
    if (
      level > 0 &&
      a0 !== HOLD &&
      (pk[x * targets + a0] > 0 || (incumbent !== null && incumbent[x] === a0))
    ) {
      const total =
        q + values[a0] * (state.survivalAfter(a0, i1, x) - state.survival(a0)) + this.personal(x, a0);
      if (total < bestTotal) {
        bestTotal = total;
        bestEnd = a0;
      }
    }
    const deeper = level + 1 < this.depth;
    const slot0 = level * this.breadth;
    const last = slot0 + this.breadth - 1;
    let kept = 0;
    // A dense weapon scans targets by remaining value R = values × survival, largest first. An arc
    // into t costs at least -R(t) and so does joining t, so once R(t) can beat neither the kept
    // arcs nor the best end, no later target can either: the scan stops.
    // (Shot and switch terms shift every arc by at least `least`, the cheapest of them.)
    const listed = this.listing && this.dense[x] === 1;
    const dense = !listed && this.dense[x] === 1;
    const n = listed ? this.candidates : dense ? targets : reach.start[x + 1] - reach.start[x];
    const r0 = reach.start[x];
    // Without commitment the shot and switch terms are the same on every target.
    const fast = incumbent === null;
    const least = this.personal(x, incumbent !== null && incumbent[x] >= 0 ? incumbent[x] : 0);
    const { key, without, used, order, arcCost, arcWeapon, arcTarget } = this;
    const { first, next } = state;
    const capacity = problem.capacity;
    const tolerance = this.tolerance;
    const row = x * targets;
    for (let r = 0; r < n; r++) {
      let t: number;
      if (dense) {
        t = order[r];
        const floor = least - key[t];
        if (
          base + floor >= bestTotal &&
          (!deeper || q + floor >= -tolerance || (kept === this.breadth && floor >= arcCost[last]))
        )
          break;
        if (pk[row + t] <= 0 && (fast || incumbent[x] !== t)) continue;
      } else if (listed) {
        t = this.cand[x * this.candidates + r];
        if (t < 0) continue;
      } else t = reach.target[r0 + r];
      if (t === a0 || used[t] === 1) continue;
      const p = pk[row + t];
      const now = key[t];
      const own = fast ? least : this.personal(x, t);
      if (capacity === null || state.count[t] < capacity[t]) {
        const total = base - now * p + own;
        if (total < bestTotal) {
          bestTotal = total;
          bestEnd = t;
        }
      }
      if (!deeper) continue;
      for (let k = first[t]; k >= 0; k = next[k]) {
        const c = without[k] * (1 - p) - now + own;
        if (q + c >= -tolerance) continue;
        // Keep the `breadth` cheapest arcs, sorted by cost.
        let at = kept < this.breadth ? kept++ : this.breadth;
        if (at === this.breadth) {
          if (c >= arcCost[last]) continue;
          at = this.breadth - 1;
        }
        while (at > 0 && arcCost[slot0 + at - 1] > c) {
          arcCost[slot0 + at] = arcCost[slot0 + at - 1];
          arcWeapon[slot0 + at] = arcWeapon[slot0 + at - 1];
          arcTarget[slot0 + at] = arcTarget[slot0 + at - 1];
          at--;
        }
        arcCost[slot0 + at] = c;
        arcWeapon[slot0 + at] = k;
        arcTarget[slot0 + at] = t;
      }
    }
    if (bestEnd !== -2) {
      this.lastDelta = bestTotal;
      this.apply(level, bestEnd);
      return true;
    }
    for (let a = 0; a < kept; a++) {
      const t = this.arcTarget[slot0 + a];
      this.place[level] = t;
      this.weapon[level + 1] = this.arcWeapon[slot0 + a];
      this.used[t] = 1;
      const found = this.extend(level + 1, q + this.arcCost[slot0 + a]);
      this.used[t] = 0;
      if (found) return true;
    }
    return false;
  }

  /** See chainDescent. */
  descend(tolerance: number, weapons?: ArrayLike<number>, stop?: () => boolean): boolean {
    const { queue, queued, touched } = this;
    const { first, next } = this.state;
    const size = queue.length;
    const n = weapons ? weapons.length : size;
    let head = 0;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const i = weapons ? weapons[k] : k;
      if (queued[i] === 1) continue;
      queued[i] = 1;
      queue[(head + count++) % size] = i;
    }
    let any = false;
    let searched = 0;
    while (count > 0) {
      const x = queue[head];
      head = (head + 1) % size;
      count--;
      queued[x] = 0;
      if (this.improve(x, tolerance)) {
        any = true;
        for (let c = 0; c < this.touchedCount; c++) {
          const t = touched[c];
          if (t === HOLD) continue;
          for (let k = first[t]; k >= 0; k = next[k])
            if (queued[k] === 0) {
              queued[k] = 1;
              queue[(head + count++) % size] = k;
            }
        }
      }
      if (stop && (++searched & 15) === 0 && stop()) break;
    }
    // Leave the queue empty for the next call.
    while (count > 0) {
      queued[queue[head]] = 0;
      head = (head + 1) % size;
      count--;
    }
    return any;
  }

  /** Carry out the chain weapon[0..level] with the last weapon going to `end`. */
  private apply(level: number, end: number): void {
    const state = this.state;
    this.touched[0] = state.assign[this.weapon[0]];
    for (let l = 0; l < level; l++) this.touched[l + 1] = this.place[l];
    this.touched[level + 1] = end;
    this.touchedCount = level + 2;
    // Through HOLD, so that no target's capacity sees a half-done chain.
    for (let l = 0; l <= level; l++) state.move(this.weapon[l], HOLD);
    for (let l = 0; l < level; l++) state.move(this.weapon[l], this.place[l]);
    state.move(this.weapon[level], end);
    this.applied++;
  }
}

/** Descend by ejection chains from every given weapon (all when omitted) until none improves. */
export function chainSearch(
  chains: EjectionChains,
  tolerance: number,
  weapons?: ArrayLike<number>,
  maxPasses = 50,
  stop?: () => boolean,
): boolean {
  const n = weapons ? weapons.length : chains.state.problem.weapons;
  let any = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let k = 0; k < n; k++) {
      if (chains.improve(weapons ? weapons[k] : k, tolerance)) improved = true;
      if (stop && stop()) return any || improved;
    }
    if (!improved) break;
    any = true;
  }
  return any;
}

/**
 * Descend by ejection chains from the given weapons (all when omitted) with a work queue: a start
 * that finds no improving chain leaves the queue, and every chain applied puts back the weapons
 * on the targets it changed (whose chains it may have opened). Each start is searched as in
 * chainSearch; unlike repeated full passes, starts far from every change are not searched again
 * (callers that need a certified local optimum end with one chainSearch pass). True if any chain
 * improved.
 */
export function chainDescent(
  chains: EjectionChains,
  tolerance: number,
  weapons?: ArrayLike<number>,
  stop?: () => boolean,
): boolean {
  return chains.descend(tolerance, weapons, stop);
}
