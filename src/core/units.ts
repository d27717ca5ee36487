// Human units at the edges, SI inside: every quantity a scenario writes as "185 km/h" or "2.5 km"
// is converted here, once, and nowhere else.

export type Dimension = 'length' | 'speed' | 'time' | 'mass' | 'angle' | 'money';

const UNITS: Record<Dimension, Record<string, number>> = {
  length: { m: 1, km: 1000, ft: 0.3048, nmi: 1852, mi: 1609.344 },
  speed: { 'm/s': 1, 'km/h': 1 / 3.6, kn: 1852 / 3600, kt: 1852 / 3600, mph: 1609.344 / 3600, mach: 340.29 },
  time: { ms: 0.001, s: 1, sec: 1, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400, days: 86400 },
  mass: { g: 0.001, kg: 1, t: 1000 },
  angle: { deg: Math.PI / 180, rad: 1 },
  money: { $: 1, usd: 1, k$: 1e3, M$: 1e6 },
};

/** The dimension a unit name belongs to, or undefined; every unit name belongs to one dimension only. */
export function dimensionOfUnit(unit: string): Dimension | undefined {
  for (const dimension of Object.keys(UNITS) as Dimension[]) if (unit in UNITS[dimension]) return dimension;
  return undefined;
}

/** The unit names one dimension accepts, for help text and "did you mean". */
export function unitsOf(dimension: Dimension): string[] {
  return Object.keys(UNITS[dimension]);
}

export type QuantityParse = { ok: true; value: number } | { ok: false; reason: string; unit?: string };

const QUANTITY = /^\s*([-+]?(?:\d[\d_,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([^\s\d].*?)?\s*$/i;

/**
 * Parses a quantity such as "185 km/h", "2.5km", "90 s" or a bare SI number into SI units.
 * A bare number (or numeric string) is taken as already in SI.
 */
export function parseQuantity(input: unknown, dimension: Dimension): QuantityParse {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'not a finite number' };
  }
  if (typeof input !== 'string')
    return { ok: false, reason: `expected a ${dimension} such as ${example(dimension)}` };
  const match = QUANTITY.exec(input);
  if (!match) return { ok: false, reason: `expected a ${dimension} such as ${example(dimension)}` };
  const magnitude = Number(match[1].replace(/[_,]/g, ''));
  if (!Number.isFinite(magnitude)) return { ok: false, reason: `'${match[1]}' is not a number` };
  const unit = match[2];
  if (unit === undefined) return { ok: true, value: magnitude };
  const table = UNITS[dimension];
  const factor = table[unit] ?? table[unit.toLowerCase()];
  if (factor === undefined) return { ok: false, reason: `unknown ${dimension} unit '${unit}'`, unit };
  return { ok: true, value: magnitude * factor };
}

function example(dimension: Dimension): string {
  const examples: Record<Dimension, string> = {
    length: '"2.5 km"',
    speed: '"185 km/h"',
    time: '"90 s"',
    mass: '"40 kg"',
    angle: '"30 deg"',
    money: '"2500 $"',
  };
  return examples[dimension];
}

/** Formats SI seconds as h:mm:ss for tables and event feeds. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}
