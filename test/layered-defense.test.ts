// Whole nights: on each reference scenario with a layered defense, the full defense must do
// better than its interceptor-drone units alone (fewer leakers and less value lost), and every
// layer present must take part.

import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/model/scenario.js';
import { load, outcome, type LayerComparison } from './layered-defense-run.js';
import { offThread } from './off-thread.js';
import { slowIt } from './slow.js';

describe('layered defense beats interceptors alone', () => {
  for (const name of ['kyiv-layered-night.yaml', 'cruise-missile-raid.yaml', 'record-night.yaml']) {
    // Two whole nights per test, of up to ~820 threats each: the record night's are slow.
    (name === 'record-night.yaml' ? slowIt : it)(name, async () => {
      const c = await offThread<LayerComparison>(
        new URL('./layered-defense-run.ts', import.meta.url),
        'compareLayers',
        [name],
      );
      expect(c.aloneUnits).toBeGreaterThan(0);
      expect(c.aloneUnits).toBeLessThan(c.fullUnits);
      const { layered, interceptors } = c;
      expect(layered.leaked).toBeLessThan(interceptors.leaked);
      expect(layered.assetValueLost).toBeLessThan(interceptors.assetValueLost);
      expect(layered.destroyed).toBeGreaterThan(interceptors.destroyed);
      for (const kind of c.kinds) expect(layered.byEffectorKind[kind].engagements, kind).toBeGreaterThan(0);
    });
  }
});

describe('the assignment policies use every kind', () => {
  it('greedy-mmr, with shots priced for missiles worth millions, engages with jets and SAMs and does no worse than nearest', () => {
    const nearest = load('cruise-missile-raid.yaml');
    const wta: Scenario = { ...nearest, c2: { ...nearest.c2, policy: 'greedy-mmr', valuePerMoney: 1e-5 } };
    const planned = outcome(wta);
    for (const kind of ['jet', 'sam', 'interceptor-drone'])
      expect(planned.byEffectorKind[kind].engagements, kind).toBeGreaterThan(0);
    expect(planned.assetValueLost).toBeLessThanOrEqual(outcome(nearest).assetValueLost);
  });
});
