import { describe, expect, it } from 'vitest';
import { deriveSeed, RandomStreams, streamFor } from './rng.js';

describe('random streams', () => {
  it('repeat exactly for the same seed and name', () => {
    const a = streamFor(42, 'threats/north');
    const b = streamFor(42, 'threats/north');
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('differ between names and seeds', () => {
    const draws = (seed: number, name: string) =>
      Array.from(
        { length: 8 },
        (
          (s) => () =>
            s.next()
        )(streamFor(seed, name)),
      );
    expect(draws(42, 'a')).not.toEqual(draws(42, 'b'));
    expect(draws(42, 'a')).not.toEqual(draws(43, 'a'));
    expect(draws(2 ** 40, 'a')).not.toEqual(draws(2 ** 40 + 2 ** 33, 'a'));
  });

  it('are independent of the order in which other streams are drawn', () => {
    const one = new RandomStreams(7);
    one.get('sensors/radar-1').next();
    const x = one.get('threats/wave').next();
    const two = new RandomStreams(7);
    expect(two.get('threats/wave').next()).toBe(x);
  });

  it('draw uniform, normal and Poisson numbers with the right moments', () => {
    const s = streamFor(1, 'moments');
    const n = 200_000;
    let sum = 0;
    let sumNormal = 0;
    let sumNormalSq = 0;
    let sumPoisson = 0;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = s.normal();
      sumNormal += z;
      sumNormalSq += z * z;
      sumPoisson += s.poisson(3.5);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumNormal / n).toBeCloseTo(0, 2);
    expect(sumNormalSq / n).toBeCloseTo(1, 1);
    expect(sumPoisson / n).toBeCloseTo(3.5, 1);
  });

  it('picks weighted indices in proportion', () => {
    const s = streamFor(3, 'weights');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[s.weightedIndex([2, 1, 0])]++;
    expect(counts[2]).toBe(0);
    expect(counts[0] / counts[1]).toBeGreaterThan(1.85);
    expect(counts[0] / counts[1]).toBeLessThan(2.15);
  });

  it('derives distinct, stable, JSON-safe run seeds', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const seed = deriveSeed(12345, i);
      expect(Number.isSafeInteger(seed)).toBe(true);
      seeds.add(seed);
    }
    expect(seeds.size).toBe(10_000);
    expect(deriveSeed(12345, 17)).toBe(deriveSeed(12345, 17));
  });
});
