// The static weapon-target assignment problem every solver works on, and its objective.
//
// W weapons, T targets. Target j is worth values[j] (value at risk times the probability that it
// is real); weapon i kills target j with probability pk[i*T + j] (0 where it cannot reach it). An
// assignment gives each weapon a target, or HOLD (-1) when holding is allowed. The cost of an
// assignment is
//
//   sum_j values[j] * prod_{i -> j} (1 - pk[i][j])          expected value that survives the defense's shots
// + sum_{i assigned} shotCost[i]                           the price of each shot, reserve value included
// + sum_{i: target != incumbent[i]} switchCost[i]          commitment to engagements under way
//
// and solvers minimise it. With no costs and holding not allowed it is the classic static WTA of
// the literature (and of the benchmark instances).

/** Assignment value of a weapon that is not used. */
export const HOLD = -1;

export interface WtaProblem {
  weapons: number;
  targets: number;
  values: Float64Array;
  /** Row-major W x T kill probabilities. */
  pk: Float64Array;
  /** Cost of using each weapon; all zero for the classic problem. */
  shotCost: Float64Array;
  /** Whether a weapon may be held back (assignment HOLD). */
  mayHold: boolean;
  /** Most weapons a target may take (doctrine), or null for no limit. */
  capacity: Int32Array | null;
  /** The target each weapon is committed to now (HOLD for none), and the price of leaving it. */
  incumbent: Int32Array | null;
  switchCost: Float64Array | null;
}

/** A problem with only values and pk: every weapon must shoot, no costs, no limits. */
export function classicProblem(
  values: ArrayLike<number>,
  pk: ArrayLike<number>,
  weapons: number,
): WtaProblem {
  const targets = values.length;
  if (pk.length !== weapons * targets)
    throw new Error(`pk has ${pk.length} entries, expected ${weapons * targets}`);
  return {
    weapons,
    targets,
    values: Float64Array.from(values),
    pk: Float64Array.from(pk),
    shotCost: new Float64Array(weapons),
    mayHold: false,
    capacity: null,
    incumbent: null,
    switchCost: null,
  };
}

/** The cost of an assignment (lower is better): surviving value plus shot and switch costs. */
export function evaluateAssignment(problem: WtaProblem, assignment: Int32Array): number {
  const { weapons, targets, values, pk, shotCost, incumbent, switchCost } = problem;
  const survive = new Float64Array(targets).fill(1);
  let cost = 0;
  for (let i = 0; i < weapons; i++) {
    const j = assignment[i];
    if (j !== HOLD) {
      survive[j] *= 1 - pk[i * targets + j];
      cost += shotCost[i];
    }
    if (incumbent && switchCost && j !== incumbent[i]) cost += switchCost[i];
  }
  let surviving = 0;
  for (let j = 0; j < targets; j++) surviving += values[j] * survive[j];
  return surviving + cost;
}

/** Why an assignment is invalid, or null: range of targets, holding and doctrine capacity. */
export function assignmentProblem(problem: WtaProblem, assignment: Int32Array): string | null {
  if (assignment.length !== problem.weapons) return `assignment has ${assignment.length} weapons`;
  const count = new Int32Array(problem.targets);
  for (let i = 0; i < problem.weapons; i++) {
    const j = assignment[i];
    if (j === HOLD) {
      if (!problem.mayHold) return `weapon ${i} is held but every weapon must shoot`;
      continue;
    }
    if (!Number.isInteger(j) || j < 0 || j >= problem.targets) return `weapon ${i} has target ${j}`;
    count[j]++;
  }
  if (problem.capacity) {
    for (let j = 0; j < problem.targets; j++)
      if (count[j] > problem.capacity[j])
        return `target ${j} takes ${count[j]} > ${problem.capacity[j]} weapons`;
  }
  return null;
}

/**
 * The targets worth considering for each weapon (CSR): those it can hit (pk > 0), and its
 * incumbent target, where staying saves the switch cost even when it can no longer hit. A weapon
 * that can hit more targets than there are weapons keeps only its `weapons` best by single-shot
 * value (values[j] · pk, among targets that may take a weapon), and its incumbent: some optimal
 * assignment uses no other. (If weapon i sits on a target outside its list, the other W − 1
 * weapons leave one of its W best free; moving i there gains at least that target's single-shot
 * value, which is no less than all i could save where it was, and shot and switch costs do not
 * change.) Large live pictures, with many more tracks than weapons, shrink to a few dozen
 * targets per weapon.
 */
export interface Reach {
  start: Int32Array;
  target: Int32Array;
}

export function reachOf(problem: WtaProblem): Reach {
  const { weapons, targets, pk, incumbent } = problem;
  const start = new Int32Array(weapons + 1);
  const lists: Int32Array[] = [];
  const hit = new Int32Array(targets);
  // Scratch for the single-shot values of one weapon.
  const score = new Float64Array(targets);
  let n = 0;
  for (let i = 0; i < weapons; i++) {
    const row = i * targets;
    const kept = incumbent === null ? HOLD : incumbent[i];
    let m = 0;
    for (let j = 0; j < targets; j++) if (pk[row + j] > 0 || j === kept) hit[m++] = j;
    const all = hit.subarray(0, m);
    const list = m > weapons ? bestByShot(all, problem, i, kept, score) : all.slice();
    start[i] = n;
    lists.push(list);
    n += list.length;
  }
  start[weapons] = n;
  const target = new Int32Array(n);
  for (let i = 0; i < weapons; i++) target.set(lists[i], start[i]);
  return { start, target };
}

/** The `weapons` targets of `hit` with the best single-shot value for weapon i, and its
 *  incumbent, ascending; ties at the cut go to the lower target index. */
function bestByShot(
  hit: Int32Array<ArrayBufferLike>,
  problem: WtaProblem,
  i: number,
  kept: number,
  score: Float64Array,
): Int32Array {
  const { weapons, targets, pk, values, capacity } = problem;
  const row = i * targets;
  // Targets that can take no weapon cannot be the free target of the argument above.
  let m = 0;
  for (let q = 0; q < hit.length; q++) {
    const j = hit[q];
    if (capacity !== null && capacity[j] <= 0) continue;
    if (!(pk[row + j] > 0)) continue;
    score[m++] = values[j] * pk[row + j];
  }
  if (m <= weapons) return hit.slice();
  const cut = kthLargest(score.subarray(0, m), weapons);
  // Everything above the cut, then ties at the cut in target order until `weapons` are kept.
  let above = 0;
  for (let q = 0; q < m; q++) if (score[q] > cut) above++;
  let ties = weapons - above;
  const out = new Int32Array(weapons + 1);
  let o = 0;
  for (let q = 0; q < hit.length; q++) {
    const j = hit[q];
    const usable = (capacity === null || capacity[j] > 0) && pk[row + j] > 0;
    const s = usable ? values[j] * pk[row + j] : -Infinity;
    if (s > cut || (s === cut && usable && ties-- > 0) || j === kept) out[o++] = j;
  }
  return out.subarray(0, o);
}

/** The k-th largest of a (1-based; a is reordered). */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let l = lo;
    let h = hi;
    while (l <= h) {
      while (a[l] > pivot) l++;
      while (a[h] < pivot) h--;
      if (l <= h) {
        const t = a[l];
        a[l] = a[h];
        a[h] = t;
        l++;
        h--;
      }
    }
    if (want <= h) hi = h;
    else if (want >= l) lo = l;
    else return a[want];
  }
  return a[want];
}
