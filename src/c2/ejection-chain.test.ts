import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStream } from '../core/rng.js';
import { chainDescent, chainSearch, EjectionChains } from './ejection-chain.js';
import { localSearch } from './local-search.js';
import { HOLD, assignmentProblem, classicProblem, evaluateAssignment } from './wta-problem.js';
import { WtaState } from './wta-state.js';

/** Best single move or exchange from the state's assignment (brute force); negative improves. */
function bestSimpleDelta(state: WtaState): number {
  const { weapons, targets } = state.problem;
  let best = 0;
  for (let i = 0; i < weapons; i++) {
    for (let j = 0; j < targets; j++) if (state.canTake(j)) best = Math.min(best, state.moveDelta(i, j));
    if (state.problem.mayHold) best = Math.min(best, state.moveDelta(i, HOLD));
    for (let k = 0; k < weapons; k++) best = Math.min(best, state.swapDelta(i, k));
  }
  return best;
}

/** A random problem: pk 0 with probability `zero`, else 1 (rarely) or U(0, 1); with `hold`, shot and switch costs. */
function randomProblem(rng: RandomStream, weapons: number, targets: number, zero: number, hold: boolean) {
  const values = Array.from({ length: targets }, () => 1 + rng.int(99));
  const pk = Array.from({ length: weapons * targets }, () =>
    rng.next() < zero ? 0 : rng.next() < 0.05 ? 1 : rng.next(),
  );
  const p = classicProblem(values, pk, weapons);
  if (hold) {
    p.mayHold = true;
    for (let i = 0; i < weapons; i++) p.shotCost[i] = rng.uniform(0, 20);
    p.incumbent = Int32Array.from({ length: weapons }, () => (rng.next() < 0.5 ? HOLD : rng.int(targets)));
    p.switchCost = Float64Array.from({ length: weapons }, () => rng.uniform(0, 10));
  }
  return p;
}

describe('ejection chains', () => {
  it('find the cyclic exchange of three weapons that moves and exchanges miss', () => {
    // Weapon i sits on target i (pk .5) and would do far better on target i+1 (pk .9), but no
    // weapon can hit target i-1: every exchange leaves a target bare, and one weapon per target
    // (doctrine) forbids every single move.
    const pk = [0.5, 0.9, 0, 0, 0.5, 0.9, 0.9, 0, 0.5];
    const p = classicProblem([1, 1, 1], pk, 3);
    p.capacity = Int32Array.from([1, 1, 1]);
    const state = new WtaState(p);
    state.load(Int32Array.from([0, 1, 2]));
    expect(state.cost).toBeCloseTo(1.5, 12);
    expect(bestSimpleDelta(state)).toBeGreaterThanOrEqual(0);
    localSearch(state, 1e-12);
    expect(Array.from(state.assign)).toEqual([0, 1, 2]);
    const chains = new EjectionChains(state);
    expect(chains.improve(0, 1e-12)).toBe(true);
    expect(Array.from(state.assign)).toEqual([1, 2, 0]);
    expect(state.cost).toBeCloseTo(0.3, 12);
    expect(evaluateAssignment(p, state.assign)).toBeCloseTo(0.3, 12);
  });

  it('find the path exchange (A takes B’s place, B joins a third target) that single moves miss', () => {
    // Weapons A, B, C on targets 0, 1, 2 with pk .5; A hits target 1 at .9, B target 2 at .9.
    const pk = [0.5, 0.9, 0, 0, 0.5, 0.9, 0, 0, 0.5];
    const p = classicProblem([1, 1, 1], pk, 3);
    const state = new WtaState(p);
    state.load(Int32Array.from([0, 1, 2]));
    expect(bestSimpleDelta(state)).toBeGreaterThanOrEqual(0);
    const chains = new EjectionChains(state);
    expect(chainSearch(chains, 1e-12)).toBe(true);
    expect(state.cost).toBeCloseTo(1.15, 12);
    expect(Array.from(state.assign)).toEqual([1, 2, 2]);
  });

  it('apply exactly the change they price, with costs, holds, capacities and commitment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.boolean(),
        fc.boolean(),
        (weapons, targets, seed, hold, capacity) => {
          const rng = new RandomStreams(seed).get('test/chains');
          const p = randomProblem(rng, weapons, targets, 0.3, hold);
          if (capacity) p.capacity = Int32Array.from({ length: targets }, () => 2 + rng.int(2));
          const state = new WtaState(p);
          const start = new Int32Array(weapons);
          const room = new Int32Array(targets);
          for (let i = 0; i < weapons; i++) {
            let j = rng.int(targets);
            for (let k = 0; k < targets && p.capacity && room[j] >= p.capacity[j]; k++) j = (j + 1) % targets;
            if (p.capacity && room[j] >= p.capacity[j]) j = HOLD;
            if (j === HOLD && !p.mayHold) return;
            if (j !== HOLD) room[j]++;
            start[i] = j;
          }
          state.load(start);
          const chains = new EjectionChains(state, 5, 3);
          for (let round = 0; round < 20; round++) {
            const before = state.cost;
            const improved = chains.improve(round % weapons, 1e-12);
            expect(assignmentProblem(p, state.assign)).toBeNull();
            expect(state.cost).toBeCloseTo(evaluateAssignment(p, state.assign), 9);
            if (improved) expect(state.cost).toBeLessThan(before);
            else expect(state.cost).toBe(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('descend by work queue to a state no full pass can improve, pricing every step exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.boolean(),
        (weapons, targets, seed, hold) => {
          const rng = new RandomStreams(seed).get('test/chain-descent');
          const values = Array.from({ length: targets }, () => 1 + rng.int(99));
          const pk = Array.from({ length: weapons * targets }, () => (rng.next() < 0.3 ? 0 : rng.next()));
          const p = classicProblem(values, pk, weapons);
          if (hold) {
            p.mayHold = true;
            for (let i = 0; i < weapons; i++) p.shotCost[i] = rng.uniform(0, 20);
          }
          const state = new WtaState(p);
          state.load(Int32Array.from({ length: weapons }, () => rng.int(targets)));
          const chains = new EjectionChains(state, 4, 3);
          // From a few weapons first (the search's use), then from all until nothing improves.
          const some = [0, weapons - 1];
          let before = state.cost;
          if (chainDescent(chains, 1e-12, some)) expect(state.cost).toBeLessThan(before);
          else expect(state.cost).toBe(before);
          for (let round = 0; round < 100; round++) {
            before = state.cost;
            const improved = chainDescent(chains, 1e-12);
            expect(assignmentProblem(p, state.assign)).toBeNull();
            expect(state.cost).toBeCloseTo(evaluateAssignment(p, state.assign), 9);
            if (!improved) break;
            expect(state.cost).toBeLessThan(before);
          }
          // A call that found nothing searched every start: a full pass agrees.
          const applied = chains.applied;
          expect(chainSearch(chains, 1e-12, undefined, 1)).toBe(false);
          expect(chains.applied).toBe(applied);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with candidate target lists, still find the cyclic exchange of three weapons', () => {
    const pk = [0.5, 0.9, 0, 0, 0.5, 0.9, 0.9, 0, 0.5];
    const p = classicProblem([1, 1, 1], pk, 3);
    p.capacity = Int32Array.from([1, 1, 1]);
    const state = new WtaState(p);
    state.load(Int32Array.from([0, 1, 2]));
    const chains = new EjectionChains(state, 4, 3, 2, 1);
    expect(chains.improve(0, 1e-12)).toBe(true);
    expect(Array.from(state.assign)).toEqual([1, 2, 0]);
    expect(chains.lastDelta).toBeCloseTo(0.3 - 1.5, 12);
  });

  it('with candidate target lists, lower the cost by exactly the delta they price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 30 }),
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        (weapons, targets, seed, candidates, refresh, hold, capacity) => {
          const rng = new RandomStreams(seed).get('test/chain-candidates');
          // Dense reach (the lists apply to weapons that reach over a quarter of the targets).
          const p = randomProblem(rng, weapons, targets, 0.1, hold);
          const start = new Int32Array(weapons);
          if (capacity) {
            p.capacity = Int32Array.from(
              { length: targets },
              () => 1 + Math.ceil(weapons / targets) + rng.int(2),
            );
            const room = new Int32Array(targets);
            for (let i = 0; i < weapons; i++) {
              let j = rng.int(targets);
              while (room[j] >= p.capacity[j]) j = (j + 1) % targets;
              room[j]++;
              start[i] = j;
            }
          } else for (let i = 0; i < weapons; i++) start[i] = rng.int(targets);
          const run = () => {
            const state = new WtaState(p);
            state.load(start);
            const chains = new EjectionChains(state, 5, 3, candidates, refresh);
            for (let round = 0; round < 3 * weapons; round++) {
              const before = evaluateAssignment(p, state.assign);
              const applied = chains.applied;
              const improved = chains.improve(round % weapons, 1e-12);
              expect(assignmentProblem(p, state.assign)).toBeNull();
              const after = evaluateAssignment(p, state.assign);
              expect(state.cost).toBeCloseTo(after, 9);
              if (improved) {
                expect(chains.applied).toBe(applied + 1);
                expect(chains.lastDelta).toBeLessThan(0);
                expect(after - before).toBeCloseTo(chains.lastDelta, 9);
              } else expect(after).toBe(before);
            }
            return state.assign;
          };
          // Deterministic: the same start and lists give the same result.
          expect(Array.from(run())).toEqual(Array.from(run()));
        },
      ),
      { numRuns: 120 },
    );
  });
});
