// Quantiles of sorted samples, shared by the run's measures and the many-run statistics.

/** Linear-interpolated quantile of sorted values (type 7, as R and NumPy default); NaN if empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
