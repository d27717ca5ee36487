// The `ew` block of a scenario: electronic-warfare zones (jamming, spoofing) in which threats that
// navigate by satellite may be lost.
//
//   ew:
//     - { name: kyiv-ring, at: [50.45, 30.52], radius: 40 km, pLoss: 0.3, astray: 50% }

import type { Enu } from '../core/geo.js';
import type { EwZone } from '../model/scenario.js';
import type { FieldPath } from './issue.js';
import type { Raw, Reader } from './reader.js';

export function parseEwZones(
  r: Reader,
  value: Raw,
  position: (value: Raw, path: FieldPath) => Enu | undefined,
): EwZone[] {
  if (value === undefined) return [];
  const list = r.list(value, ['ew']);
  if (!list) return [];
  const zones: EwZone[] = [];
  list.forEach((item, i) => {
    const path = ['ew', i];
    const o = r.object(item, path, ['name', 'at', 'radius', 'pLoss', 'astray']);
    if (!o) return;
    for (const key of ['at', 'radius', 'pLoss']) r.required(o, key, path);
    const name = o.name === undefined ? `ew-${i + 1}` : r.string(o.name, [...path, 'name']);
    if (name !== undefined && zones.some((z) => z.name === name))
      r.error([...path, 'name'], `duplicate EW zone name '${name}'`);
    const center = o.at === undefined ? undefined : position(o.at, [...path, 'at']);
    const radiusM =
      o.radius === undefined
        ? undefined
        : r.quantity(o.radius, [...path, 'radius'], 'length', { above: 0, max: 1_000_000 }, 'm');
    const pLoss = o.pLoss === undefined ? undefined : fraction(r, o.pLoss, [...path, 'pLoss']);
    const astrayFraction = o.astray === undefined ? 0.5 : fraction(r, o.astray, [...path, 'astray']);
    if (
      name === undefined ||
      center === undefined ||
      radiusM === undefined ||
      pLoss === undefined ||
      astrayFraction === undefined
    )
      return;
    zones.push({ name, center, radiusM, pLoss, astrayFraction });
  });
  return zones;
}

/** A probability as 0.3 or "30%". */
export function fraction(r: Reader, value: Raw, path: FieldPath): number | undefined {
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*%\s*$/.test(value)) {
    const p = Number(value.replace('%', '').trim()) / 100;
    if (p <= 1) return p;
  }
  if (typeof value === 'string') {
    r.error(path, 'not a probability', {
      expected: 'a number from 0 to 1 or a percentage like "30%"',
      found: `'${value}'`,
    });
    return undefined;
  }
  return r.number(value, path, { min: 0, max: 1 });
}
