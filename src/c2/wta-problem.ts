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
 * incumbent target, where staying saves the switch cost even when it can no longer hit.
 */
export interface Reach {
  start: Int32Array;
  target: Int32Array;
}

export function reachOf(problem: WtaProblem): Reach {
  const { weapons, targets, pk, incumbent } = problem;
  const useful = (i: number, j: number) =>
    pk[i * targets + j] > 0 || (incumbent !== null && incumbent[i] === j);
  const start = new Int32Array(weapons + 1);
  let n = 0;
  for (let i = 0; i < weapons; i++) for (let j = 0; j < targets; j++) if (useful(i, j)) n++;
  const target = new Int32Array(n);
  n = 0;
  for (let i = 0; i < weapons; i++) {
    start[i] = n;
    for (let j = 0; j < targets; j++) if (useful(i, j)) target[n++] = j;
  }
  start[weapons] = n;
  return { start, target };
}
