// How a force pool's stock and crews become the defender units (or sensors) of tonight's tactical
// scenario, by pool kind. Each adapter says what its stock and crews mean on the tactical side:
//   interceptor-drone  stock = airframes, crews = concurrent flights (operator teams at ground
//                      stations), both shared over the pool's units;
//   jet                stock = air-to-air missiles at the airbase, crews = aircraft flying tonight
//                      (each unit is one aircraft; the first `crews` of the listed units fly, and
//                      aircraft beyond the listed ones fly as copies of them, `name#2` …);
//   sam                stock = missiles, crews = fire units manned tonight (the first `crews` of
//                      the listed units, copies beyond), the stock shared over those manned;
//   sensor             no stock, crews = radars (sensors) operating: the first `crews` of the listed
//                      sensors; more than are listed are spares and add nothing tonight.
// Units or sensors left out tonight are dropped from the scenario; the rest of it is the template's.

import type { PoolKind } from '../../model/campaign.js';
import type { DefenderUnit, Scenario } from '../../model/scenario.js';

/** How tonight's coverage of the raid is reckoned for the surrogate's features. */
export interface PoolCoverage {
  /** Munitions per threat beyond which more stock changes nothing; 0: the pool has no munitions. */
  munitionsPerThreat: number;
  /** Threats one crew can work in a night; 0: crews are scaled to the design box instead (sensors). */
  threatsPerCrew: number;
}

export interface ForceAdapter {
  readonly coverage: PoolCoverage;
  /** The pool's stock and crews as the tactical file has them (the campaign's defaults). */
  initial(template: Scenario, units: readonly string[]): { stock: number; crews: number };
  /** The scenario with the pool's units as they stand tonight. */
  apply(scenario: Scenario, units: readonly string[], stock: number, crews: number): Scenario;
}

/** Splits `total` in proportion to `weights` by largest remainder (ties to the earlier unit). */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wSum = sum > 0 ? sum : weights.length;
  const exact = w.map((x) => (total * x) / wSum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k].i]++;
  return out;
}

/** The name of a pool unit's copy: the k-th aircraft or fire unit beyond the listed ones. */
function copyName(name: string, k: number): string {
  return `${name}#${k}`;
}

/** The listed unit a (possibly copied) unit stands for. */
export function listedName(name: string): string {
  return name.replace(/#\d+$/, '');
}

function poolUnits(scenario: Scenario, units: readonly string[]): DefenderUnit[] {
  return units.map((name) => scenario.defenders.find((d) => d.name === name)!);
}

/** Replaces the pool's units in the defender list (at the place of the first) by `tonight`. */
function withUnits(scenario: Scenario, units: readonly string[], tonight: DefenderUnit[]): Scenario {
  const defenders: DefenderUnit[] = [];
  let placed = false;
  for (const d of scenario.defenders) {
    if (!units.includes(d.name)) defenders.push(d);
    else if (!placed) {
      defenders.push(...tonight);
      placed = true;
    }
  }
  return { ...scenario, defenders };
}

/** The first `count` of the listed units, then copies of them in turn. */
function inService(listed: readonly DefenderUnit[], count: number): DefenderUnit[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const u = listed[i % listed.length];
    const round = Math.floor(i / listed.length);
    return round === 0 ? u : { ...u, name: copyName(u.name, round + 1) };
  });
}

const interceptorDrone: ForceAdapter = {
  coverage: { munitionsPerThreat: 2, threatsPerCrew: 4 },
  initial: (template, names) => {
    const units = poolUnits(template, names);
    return {
      stock: units.reduce((s, u) => s + u.stock, 0),
      crews: units.reduce((s, u) => s + u.maxConcurrentFlights, 0),
    };
  },
  apply: (scenario, names, stock, crews) => {
    const units = poolUnits(scenario, names);
    const stocks = shareOut(
      stock,
      units.map((u) => u.stock),
    );
    const flights = shareOut(
      crews,
      units.map((u) => u.maxConcurrentFlights),
    );
    return withUnits(
      scenario,
      names,
      units.map((u, i) => ({ ...u, stock: stocks[i], maxConcurrentFlights: flights[i] })),
    );
  },
};

/** Jets and SAM fire units: one unit per platform in service, the pool's missiles shared over them. */
function platformAdapter(coverage: PoolCoverage): ForceAdapter {
  return {
    coverage,
    initial: (template, names) => {
      const units = poolUnits(template, names);
      return { stock: units.reduce((s, u) => s + u.stock, 0), crews: units.length };
    },
    apply: (scenario, names, stock, crews) => {
      const tonight = inService(poolUnits(scenario, names), crews);
      const stocks = shareOut(
        stock,
        tonight.map((u) => u.stock),
      );
      return withUnits(
        scenario,
        names,
        tonight.map((u, i) => ({ ...u, stock: stocks[i] })),
      );
    },
  };
}

const sensor: ForceAdapter = {
  coverage: { munitionsPerThreat: 0, threatsPerCrew: 0 },
  initial: (_template, names) => ({ stock: 0, crews: names.length }),
  apply: (scenario, names, _stock, crews) => {
    const off = new Set(names.slice(Math.max(0, crews)));
    return { ...scenario, sensors: scenario.sensors.filter((s) => !off.has(s.name)) };
  },
};

export const FORCE_ADAPTERS: Record<PoolKind, ForceAdapter> = {
  'interceptor-drone': interceptorDrone,
  // A Mirage-class jet works a few threats a night (four missiles, cannon passes, a second sortie).
  jet: platformAdapter({ munitionsPerThreat: 1, threatsPerCrew: 6 }),
  // A fire unit has launchers of 8 or more missiles and several guidance channels.
  sam: platformAdapter({ munitionsPerThreat: 1, threatsPerCrew: 16 }),
  sensor,
};

export function forceAdapter(kind: PoolKind): ForceAdapter {
  return FORCE_ADAPTERS[kind];
}
