// The flagship anytime solver: large neighbourhood search over a strong start.
//
// 0. Problems of up to EXACT_WEAPONS weapons are proven optimal by branch and bound from the
//    construction below (c2/exact-search.ts) when a small node budget allows; the search runs
//    only when it does not.
// 1. Construct: the caller's warm start (last cycle's plan) when given, else rounds of linear
//    assignment; then greedy maximum marginal return. Each is descended to a local optimum of
//    single moves, exchanges and ejection chains (cyclic and path exchanges of up to six weapons,
//    four on problems of up to QUICK_WEAPONS weapons, c2/ejection-chain.ts), the best kept. On
//    those problems chains descend by a work queue: after a chain, only the weapons on the targets
//    it changed are searched again, then one full pass confirms the local optimum.
// 2. Repeat until the budget ends: ruin a neighbourhood (every weapon on a few related targets,
//    plus a few weapons that could reach them, plus a few at random) and recreate it by greedy
//    insertion with a little noise or a slot-expanded linear assignment, or re-seat a random set
//    of weapons by linear assignment; descend over the touched weapons (moves, exchanges, chains)
//    and keep the result by late acceptance (a full descent follows every new best on problems
//    of up to FULL_DESCENT_WEAPONS weapons).
// The best assignment found is returned whenever the budget says stop: an iteration count in the
// simulation (deterministic), a deadline from the caller elsewhere.

import { RandomStreams } from '../core/rng.js';
import { assignmentRounds, permutationMove, slotRecreate } from './assignment-rounds.js';
import { chainDescent, chainSearch, EjectionChains } from './ejection-chain.js';
import { greedyInsert } from './greedy-mmr.js';
import { searchExactly } from './exact-search.js';
import { localSearch } from './local-search.js';
import { HOLD, assignmentProblem, evaluateAssignment, reachOf, type WtaProblem } from './wta-problem.js';
import { outOfBudget, type SolveOptions, type WtaSolution, type WtaSolver } from './wta-solver.js';
import { WtaState } from './wta-state.js';

/** Iterations when the caller gives no budget at all. */
const DEFAULT_ITERATIONS = 2000;
const LATE_ACCEPTANCE = 50;
/** Iterations without progress before the search restarts from a kicked best (iterated local search). */
const STALL = 5;
/** Largest problem (in weapons) that gets a full descent after kicks and new bests. */
const FULL_DESCENT_WEAPONS = 200;
/** Share of iterations that re-seat a random set of weapons by linear assignment, and its size. */
const PERMUTATION_SHARE = 0.3;
const PERMUTATION_MIN = 8;
const PERMUTATION_SPAN = 56;
/**
 * Ejection chains (weapons, arcs followed per weapon): in the search on large problems (unless
 * their weapons mostly scan candidate lists, below), …
 */
const CHAIN_DEPTH = 4;
const CHAIN_BREADTH = 3;
/** … in the search on problems of up to FULL_DESCENT_WEAPONS weapons or listed, and in construction, … */
const DEEP_CHAIN_DEPTH = 6;
const DEEP_CHAIN_BREADTH = 4;
/**
 * … in the construction of problems of up to QUICK_WEAPONS weapons (the search's kicks then
 * descend deep), which also descend by work queue (measured better there, worse on larger ones), …
 */
const QUICK_WEAPONS = 100;
const SMALL_START_DEPTH = 4;
const SMALL_START_BREADTH = 3;
/** … and when re-planning from a warm start, where the decision cycle is short. */
const WARM_CHAIN_DEPTH = 3;
const WARM_CHAIN_BREADTH = 2;
/**
 * Chains on cold problems of over QUICK_WEAPONS weapons scan, from each weapon, only its candidate
 * targets (half by the best ejection there, half by joining, c2/ejection-chain.ts), the lists
 * rebuilt after this many moves: a chain search node then costs a few dozen targets, not all.
 */
const CANDIDATE_TARGETS = 16;
const CANDIDATE_REFRESH = 1000;
/** Problems of up to this many weapons are solved exactly first, within EXACT_NODES tree nodes. */
const EXACT_WEAPONS = 10;
const EXACT_NODES = 50_000;

export function solveLns(problem: WtaProblem, options: SolveOptions = {}): WtaSolution {
  const { weapons, targets, values, shotCost } = problem;
  const budget =
    options.maxIterations === undefined && options.shouldStop === undefined
      ? { ...options, maxIterations: DEFAULT_ITERATIONS }
      : options;
  const random = new RandomStreams(options.seed ?? 1).get('c2/lns');
  const next = () => random.next();
  const reach = reachOf(problem);
  let scale = 1;
  for (let j = 0; j < targets; j++) scale += Math.abs(values[j]);
  for (let i = 0; i < weapons; i++) scale += Math.abs(shotCost[i]);
  const tolerance = 1e-12 * scale;

  // Construction, best of: the warm start, greedy MMR and rounds of linear assignment, each
  // descended. A deadline may cut it short; one complete assignment is always kept.
  const stop = options.shouldStop;
  const stopped = () => stop !== undefined && stop();
  const state = new WtaState(problem, reach);
  const other = new WtaState(problem, reach);
  const keepBetter = () => {
    if (other.cost < state.cost) state.load(other.assign);
  };
  // Descent: single moves and exchanges, then ejection chains (cyclic and path exchanges of up
  // to CHAIN_DEPTH weapons) until neither improves.
  const small = weapons <= FULL_DESCENT_WEAPONS;
  // Construction descends with deep chains, shorter ones on quick problems (where a 10 ms budget
  // matters; the search's kicks descend deep); the search then with deep chains on small problems
  // and with shorter ones (over the weapons just moved) on large ones.
  const warm = options.start !== undefined && assignmentProblem(problem, options.start) === null;
  const quick = weapons <= QUICK_WEAPONS;
  const startDepth = warm ? WARM_CHAIN_DEPTH : quick ? SMALL_START_DEPTH : DEEP_CHAIN_DEPTH;
  const startBreadth = warm ? WARM_CHAIN_BREADTH : quick ? SMALL_START_BREADTH : DEEP_CHAIN_BREADTH;
  // Chains descend by work queue on quick problems, by full passes on the others.
  const chainPass = (c: EjectionChains, over?: ArrayLike<number>, until = stop) =>
    quick ? chainDescent(c, tolerance, over, until) : chainSearch(c, tolerance, over, 1, until);
  // Above QUICK_WEAPONS weapons (cold), chains scan each weapon's candidate targets only.
  const candidates = quick || warm ? 0 : CANDIDATE_TARGETS;
  const startChains = new EjectionChains(state, startDepth, startBreadth, candidates, CANDIDATE_REFRESH);
  const otherChains = new EjectionChains(other, startDepth, startBreadth, candidates, CANDIDATE_REFRESH);
  // Most weapons listed: chains are cheap enough for the search to descend deep on large problems too.
  const chains = warm
    ? startChains
    : small
      ? new EjectionChains(state, DEEP_CHAIN_DEPTH, DEEP_CHAIN_BREADTH)
      : startChains.mostlyListed
        ? new EjectionChains(state, DEEP_CHAIN_DEPTH, DEEP_CHAIN_BREADTH, candidates, CANDIDATE_REFRESH)
        : new EjectionChains(state, CHAIN_DEPTH, CHAIN_BREADTH, candidates, CANDIDATE_REFRESH);
  const descend = (s: WtaState, c: EjectionChains, over?: ArrayLike<number>, passes = 50) => {
    for (let round = 0; round < passes; round++) {
      localSearch(s, tolerance, over, passes, stop);
      if (stopped() || !chainPass(c, over)) return;
    }
  };
  const all = new Int32Array(weapons);
  for (let i = 0; i < weapons; i++) all[i] = i;
  // The warm start, else rounds of linear assignment (the better start on large problems, and the
  // quicker to descend); then greedy MMR. Re-planning skips the rounds: a full linear assignment of
  // a live picture costs more than a decision cycle affords.
  if (warm) state.load(options.start!);
  else assignmentRounds(state);
  descend(state, startChains);
  if (!stopped()) {
    greedyInsert(other, all);
    descend(other, otherChains);
    keepBetter();
  }
  state.load(state.assign);
  // Tiny problems: proving the optimum from the construction costs less than searching, and
  // the search alone can miss it under tight capacities and commitments.
  if (weapons <= EXACT_WEAPONS && targets > 0 && !stopped()) {
    const exact = searchExactly(problem, state.assign, EXACT_NODES, stop);
    if (exact.proven) return exact;
    state.load(exact.assignment);
  }

  const best = state.assign.slice();
  let bestCost = state.cost;
  const current = state.assign.slice();
  let currentCost = state.cost;
  // Late acceptance: a candidate is also kept when no worse than the current cost of
  // LATE_ACCEPTANCE iterations ago, which lets the search walk out of local optima.
  const history = new Float64Array(LATE_ACCEPTANCE).fill(currentCost);
  let lastCost = currentCost;
  let stall = 0;

  // Weapons by target, rebuilt lazily, to ruin whole targets.
  const marked = new Uint8Array(weapons);
  const targetMark = new Uint8Array(targets);
  const removed: number[] = [];
  const held: number[] = [];
  const chosenTargets: number[] = [];
  // Small problems afford a full descent after each kick and each new best; large ones (a pass
  // is O(W^2)) descend over the weapons just moved.
  const wide = weapons <= FULL_DESCENT_WEAPONS;
  let iterations = 0;
  while (weapons > 0 && targets > 0 && !outOfBudget(budget, iterations)) {
    iterations++;
    removed.length = 0;
    if (next() < PERMUTATION_SHARE) {
      // Cyclic exchanges among many weapons at once, by linear assignment.
      // At most one weapon per target, so that the exchanges are priced exactly.
      const size = PERMUTATION_MIN + Math.floor(next() * PERMUTATION_SPAN);
      const offset = Math.floor(next() * weapons);
      for (let k = 0; k < weapons && removed.length < size; k++) {
        const i = (offset + k) % weapons;
        const j = state.assign[i];
        if (j !== HOLD && targetMark[j]) continue;
        if (j !== HOLD) targetMark[j] = 1;
        removed.push(i);
      }
      for (const i of removed) if (state.assign[i] !== HOLD) targetMark[state.assign[i]] = 0;
      permutationMove(state, removed);
    } else {
      chosenTargets.length = 0;
      // A seed target and targets related to it: those that the seed's weapons could also reach.
      const seedTarget = Math.floor(next() * targets);
      chosenTargets.push(seedTarget);
      targetMark[seedTarget] = 1;
      const wanted = 1 + Math.floor(next() * Math.min(3, targets));
      for (let tries = 0; chosenTargets.length < wanted && tries < 8; tries++) {
        const i = Math.floor(next() * weapons);
        const r0 = reach.start[i];
        const deg = reach.start[i + 1] - r0;
        if (deg === 0) continue;
        // Only weapons that reach a chosen target tie targets together.
        if (state.assign[i] !== HOLD && !targetMark[state.assign[i]]) {
          const j = state.assign[i];
          chosenTargets.push(j);
          targetMark[j] = 1;
        } else {
          const j = reach.target[r0 + Math.floor(next() * deg)];
          if (!targetMark[j]) {
            chosenTargets.push(j);
            targetMark[j] = 1;
          }
        }
      }
      for (let i = 0; i < weapons; i++) {
        const j = state.assign[i];
        if (j !== HOLD && targetMark[j]) {
          marked[i] = 1;
          removed.push(i);
        }
      }
      const extra = 1 + Math.floor(next() * Math.min(6, weapons));
      for (let e = 0; e < extra; e++) {
        const i = Math.floor(next() * weapons);
        if (!marked[i]) {
          marked[i] = 1;
          removed.push(i);
        }
      }
      for (const j of chosenTargets) targetMark[j] = 0;
      for (const i of removed) {
        marked[i] = 0;
        state.move(i, HOLD);
      }
      if (next() < 0.5) slotRecreate(state, removed, targetMark);
      // Whatever the assignment left held (or all, on the other half of the iterations).
      held.length = 0;
      for (const i of removed) if (state.assign[i] === HOLD) held.push(i);
      greedyInsert(state, held, 0.3, next);
    }
    localSearch(state, tolerance, removed, 4);
    chainPass(chains, removed, undefined);

    const slot = iterations % LATE_ACCEPTANCE;
    if (state.cost <= currentCost + tolerance || state.cost <= history[slot]) {
      if (state.cost < bestCost - tolerance) {
        descend(state, chains, wide ? undefined : removed);
        state.load(state.assign);
        best.set(state.assign);
        bestCost = state.cost;
      }
      current.set(state.assign);
      currentCost = state.cost;
    } else {
      state.load(current);
    }
    if (currentCost < history[slot]) history[slot] = currentCost;
    if (currentCost < lastCost - tolerance) {
      lastCost = currentCost;
      stall = 0;
    } else if (++stall >= (wide ? STALL : STALL * 10)) {
      // Stuck: kick the best assignment (random moves of a tenth of the weapons, at most 12) and descend.
      state.load(best);
      const kicks = 2 + Math.floor(Math.min(weapons, FULL_DESCENT_WEAPONS) / 10);
      removed.length = 0;
      for (let k = 0; k < kicks; k++) {
        const i = Math.floor(next() * weapons);
        const deg = reach.start[i + 1] - reach.start[i];
        if (deg === 0) continue;
        const j = reach.target[reach.start[i] + Math.floor(next() * deg)];
        if (state.canTake(j)) {
          state.move(i, j);
          removed.push(i);
        }
      }
      descend(state, chains, wide ? undefined : removed);
      state.load(state.assign);
      current.set(state.assign);
      currentCost = lastCost = state.cost;
      history.fill(currentCost);
      stall = 0;
    }
  }
  const cost = evaluateAssignment(problem, best);
  return { assignment: best, cost, proven: false, iterations };
}

export const lnsSolver: WtaSolver = {
  name: 'lns',
  description: 'anytime large neighbourhood search (greedy start, ruin and recreate, descent)',
  solve: solveLns,
};
