// How a force pool's stock and crews become defender units of the tactical scenario, by the units'
// engine kind. Interceptor drones: the stock is airframes, a crew flies one interceptor at a time.
// A new defender kind (jets, missile batteries) registers its adapter here — what its stock and
// crews mean on the tactical side (missiles and ready aircraft, rounds and fire units) — and every
// campaign, surrogate and plan works with it unchanged.

import type { InterceptorUnit } from '../../model/scenario.js';

export interface ForceAdapter {
  /** The pool's stock and crews as the tactical file has them (the campaign's defaults). */
  initial(units: readonly InterceptorUnit[]): { stock: number; crews: number };
  /** The units as they stand tonight, with the pool's stock and crews shared among them. */
  apply(units: readonly InterceptorUnit[], stock: number, crews: number): InterceptorUnit[];
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

const interceptorDrone: ForceAdapter = {
  initial: (units) => ({
    stock: units.reduce((s, u) => s + u.stock, 0),
    crews: units.reduce((s, u) => s + u.maxConcurrentFlights, 0),
  }),
  apply: (units, stock, crews) => {
    const stocks = shareOut(
      stock,
      units.map((u) => u.stock),
    );
    const flights = shareOut(
      crews,
      units.map((u) => u.maxConcurrentFlights),
    );
    return units.map((u, i) => ({ ...u, stock: stocks[i], maxConcurrentFlights: flights[i] }));
  },
};

export const FORCE_ADAPTERS: Record<string, ForceAdapter> = {
  'interceptor-drone': interceptorDrone,
};

export function forceAdapter(kind: string): ForceAdapter {
  const adapter = FORCE_ADAPTERS[kind];
  if (!adapter) throw new Error(`no campaign force adapter for defender kind '${kind}'`);
  return adapter;
}
