// The `c2` block of a scenario: which policy decides, how often, and the terms of its objective
// and doctrine (salvo sizes, the price of shots, the reserve, commitment to engagements).
//
//   c2:
//     policy: lns                    # nearest | greedy-mmr | exact | lns
//     cycle: 2 s
//     doctrine: shoot-look-shoot     # or { salvo: 2 } or { salvo: { shahed-136: 2, default: 1 } }
//     valuePerMoney: 0.001           # asset-value units per unit of money (default 0: value first,
//                                    # cost only breaks ties)
//     reserve: { keep: 20%, value: 50 }
//     switchMargin: 20%
//     iterations: 30                 # anytime solver's budget per cycle

import { C2_DEFAULTS, type C2Spec, type ThreatType } from '../model/scenario.js';
import type { FieldPath } from './issue.js';
import { describe, type Raw, type Reader } from './reader.js';

export const C2_POLICY_NAMES = ['nearest', 'greedy-mmr', 'exact', 'lns'] as const;

const FIELDS = ['policy', 'cycle', 'doctrine', 'valuePerMoney', 'reserve', 'switchMargin', 'iterations'];
const MAX_SALVO = 8;

export function parseC2(r: Reader, value: Raw, stepS: number, threatTypes: readonly ThreatType[]): C2Spec {
  const spec: C2Spec = {
    policy: 'nearest',
    cycleS: Math.max(stepS, 2),
    salvoByThreatType: threatTypes.map(() => 1),
    ...C2_DEFAULTS,
  };
  if (value === undefined) return spec;
  const o = r.object(value, ['c2'], FIELDS);
  if (!o) return spec;
  if (o.policy !== undefined)
    spec.policy = r.choice(o.policy, ['c2', 'policy'], C2_POLICY_NAMES, 'C2 policy') ?? spec.policy;
  if (o.cycle !== undefined)
    spec.cycleS = r.quantity(o.cycle, ['c2', 'cycle'], 'time', { above: 0, max: 3600 }, 's') ?? spec.cycleS;
  if (o.doctrine !== undefined)
    spec.salvoByThreatType = doctrine(r, o.doctrine, threatTypes) ?? spec.salvoByThreatType;
  if (o.valuePerMoney !== undefined)
    spec.valuePerMoney =
      r.number(o.valuePerMoney, ['c2', 'valuePerMoney'], { min: 0, max: 1e6 }) ?? spec.valuePerMoney;
  if (o.reserve !== undefined) {
    const reserve = r.object(o.reserve, ['c2', 'reserve'], ['keep', 'value']);
    if (reserve) {
      if (reserve.keep !== undefined)
        spec.reserveFraction = fraction(r, reserve.keep, ['c2', 'reserve', 'keep']) ?? spec.reserveFraction;
      if (reserve.value !== undefined)
        spec.reserveValue =
          r.number(reserve.value, ['c2', 'reserve', 'value'], { min: 0, max: 1e15 }) ?? spec.reserveValue;
    }
  }
  if (o.switchMargin !== undefined)
    spec.switchMargin = fraction(r, o.switchMargin, ['c2', 'switchMargin'], 10) ?? spec.switchMargin;
  if (o.iterations !== undefined)
    spec.iterations =
      r.number(o.iterations, ['c2', 'iterations'], { min: 0, max: 1_000_000, integer: true }) ??
      spec.iterations;
  return spec;
}

/** A share: 0.2 or "20%", from 0 to `max`. */
function fraction(r: Reader, value: Raw, path: FieldPath, max = 1): number | undefined {
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (m) return r.number(Number(m[1]) / 100, path, { min: 0, max });
    r.error(path, 'not a share', {
      expected: 'a number like 0.2 or a percentage like "20%"',
      found: describe(value),
    });
    return undefined;
  }
  return r.number(value, path, { min: 0, max });
}

function doctrine(r: Reader, value: Raw, threatTypes: readonly ThreatType[]): number[] | undefined {
  const path = ['c2', 'doctrine'];
  if (value === 'shoot-look-shoot') return threatTypes.map(() => 1);
  if (typeof value === 'string') {
    r.error(path, `unknown doctrine '${value}'`, { expected: "'shoot-look-shoot' or { salvo: N }" });
    return undefined;
  }
  const o = r.object(value, path, ['salvo']);
  if (!o || !r.required(o, 'salvo', path)) return undefined;
  const salvoPath = [...path, 'salvo'];
  const size = (v: Raw, p: FieldPath) => r.number(v, p, { min: 1, max: MAX_SALVO, integer: true });
  if (typeof o.salvo === 'number') {
    const n = size(o.salvo, salvoPath);
    return n === undefined ? undefined : threatTypes.map(() => n);
  }
  const baseNames = threatTypes.map((t) => t.name.split('@')[0]);
  const byType = r.object(o.salvo, salvoPath, [
    ...new Set([...threatTypes.map((t) => t.name), ...baseNames, 'default']),
  ]);
  if (!byType) return undefined;
  const sizes = new Map<string, number>();
  for (const [key, v] of Object.entries(byType)) {
    const n = size(v, [...salvoPath, key]);
    if (n !== undefined) sizes.set(key, n);
  }
  const fallback = sizes.get('default') ?? 1;
  return threatTypes.map((t) => sizes.get(t.name) ?? sizes.get(t.name.split('@')[0]) ?? fallback);
}
