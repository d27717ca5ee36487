// Catalog figures in the units a planner reads, for the console's figure list and the CLI's.

/** A figure in the units a planner reads: km, km/h, minutes, degrees, dollars. */
export function humanValue(v: number, unit: string): string {
  const round = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());
  switch (unit) {
    case 'm':
      return Math.abs(v) >= 1000 ? `${round(v / 1000)} km` : `${round(v)} m`;
    case 'm/s':
      return `${round(v * 3.6)} km/h`;
    case 's':
      if (Math.abs(v) >= 2 * 86_400) return `${round(v / 86_400)} d`;
      if (Math.abs(v) >= 2 * 3600) return `${round(v / 3600)} h`;
      if (Math.abs(v) >= 120) return `${round(v / 60)} min`;
      return `${round(v)} s`;
    case 'rad':
      return `${round((v * 180) / Math.PI)}°`;
    case '$':
      return Math.abs(v) >= 1e6
        ? `$${round(v / 1e6)}M`
        : Math.abs(v) >= 1e4
          ? `$${round(v / 1e3)}k`
          : `$${round(v)}`;
    case 'kg':
      return `${round(v)} kg`;
    case 'm²':
      return `${round(v)} m²`;
    default:
      return round(v);
  }
}
