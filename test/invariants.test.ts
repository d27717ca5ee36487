// Property tests over generated nights: any valid scenario runs without error, and every threat
// launched is accounted for exactly once.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOutcome } from '../src/metrics/outcome.js';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenario } from '../src/scenario/index.js';

const night = fc.record({
  count: fc.integer({ min: 1, max: 40 }),
  decoys: fc.integer({ min: 1, max: 20 }),
  type: fc.constantFrom('shahed-136', 'geran-3', 'kh-101'),
  spreadKm: fc.integer({ min: 0, max: 30 }),
  windowMin: fc.integer({ min: 0, max: 90 }),
  stock: fc.integer({ min: 0, max: 30 }),
  crews: fc.integer({ min: 1, max: 5 }),
  pk: fc.double({ min: 0, max: 1, noNaN: true }),
  speedKmh: fc.integer({ min: 100, max: 500 }),
  step: fc.constantFrom('0.5 s', '1 s', '2 s', '5 s'),
  hold: fc.constantFrom('', ', hold: 5 min, radius: 2 km'),
  ew: fc.constantFrom('', 'ew: [{ name: z, at: [50.45, 30.9], radius: 20 km, pLoss: 0.5, astray: 50% }]'),
  tot: fc.boolean(),
  seed: fc.nat(1000),
});

describe('simulation invariants', () => {
  it('runs any valid generated night and accounts for every threat exactly once', () => {
    fc.assert(
      fc.property(night, (n) => {
        const launch = n.tot
          ? `launch: { from: [50.45, 31.6], spread: ${n.spreadKm} km }, arrive: [21:00, "21:${String(Math.min(59, n.windowMin)).padStart(2, '0')}"]`
          : `launch: { from: [50.45, 31.6], spread: ${n.spreadKm} km, between: ["+0 min", "+${n.windowMin} min"] }`;
        const text = `
name: generated
start: 2025-12-14T20:00:00+02:00
duration: 4 h
step: ${n.step}
region: { origin: [50.45, 30.52] }
assets:
  - { name: A, kind: power-plant, at: [50.45, 30.52], value: 100, people: 1000 }
  - { name: B, kind: substation, at: [50.40, 30.70], value: 50 }
threats:
  - { wave: main, type: ${n.type}, count: ${n.count}, ${launch}, route: [{ at: [50.50, 31.2]${n.hold} }], aim: { weighted: { A: 2, B: 1 } } }
  - { wave: decoys, type: gerbera, count: ${n.decoys}, launch: { from: [50.45, 31.6], between: ["+0 min", "+30 min"] }, aim: A }
defenders:
  - { name: t1, type: sting-interceptor, base: [50.45, 30.95], stock: ${n.stock}, crews: ${n.crews}, pk: ${n.pk}, speed: ${n.speedKmh} km/h }
${n.ew}
`;
        const parsed = parseScenario(text, 'generated.yaml');
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const log = runScenario(parsed.scenario, n.seed);
        const o = computeOutcome(parsed.scenario, log);
        expect(o.threatsLaunched).toBe(n.count + n.decoys);
        expect(o.destroyed + o.leaked + o.expired + o.lostToEw).toBe(o.threatsLaunched);
        expect(o.interceptorsSpent).toBeLessThanOrEqual(n.stock + o.interceptorsRecovered);
        expect(o.assetValueLost).toBeLessThanOrEqual(150 + 1e-9);
        // Terminal events are unique per threat.
        const ended = new Set<number>();
        for (const e of log.events) {
          if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'expired' || e.kind === 'lost-ew') {
            expect(ended.has(e.threat)).toBe(false);
            ended.add(e.threat);
          }
        }
        expect(ended.size).toBe(o.threatsLaunched);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
