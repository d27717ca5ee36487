// Turns an outcome into flat named measures, so every numeric field is aggregated without being
// listed: nested records become dotted names (`byThreatType.shahed-136.leaked`) and lists of named
// items are addressed by name (`assetsHit.Kyiv HPP.valueLost`). A field added to Outcome tomorrow
// is aggregated tomorrow.

export type Measures = Map<string, number>;

export function flattenMeasures(value: unknown, prefix = '', out: Measures = new Map()): Measures {
  if (typeof value === 'number') {
    if (prefix !== '') out.set(prefix, value);
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const name = item !== null && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
      flattenMeasures(item, join(typeof name === 'string' ? name : String(i)), out);
    });
    return out;
  }
  for (const [key, item] of Object.entries(value)) flattenMeasures(item, join(key), out);
  return out;
}

/**
 * Collects the measures of many runs, in run order, into one column per measure. A measure absent
 * from a run (an asset not hit that night) counts as 0 there: lists in an outcome name what happened.
 */
export class MeasureColumns {
  private readonly columns = new Map<string, number[]>();
  private rows = 0;

  add(measures: Measures): void {
    for (const [name, value] of measures) {
      let column = this.columns.get(name);
      if (!column) {
        column = new Array<number>(this.rows).fill(0);
        this.columns.set(name, column);
      }
      column.push(value);
    }
    this.rows++;
    for (const column of this.columns.values()) if (column.length < this.rows) column.push(0);
  }

  get count(): number {
    return this.rows;
  }

  /** Columns in the order their measures were first seen. */
  entries(): [string, number[]][] {
    return [...this.columns.entries()];
  }
}
