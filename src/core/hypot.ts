// √(x² + y²) bit for bit as the engine's Math.hypot gives it for two arguments, without its cost:
// Math.hypot takes any number of arguments, so each call goes through a builtin that allocates a
// scratch array (and boxes its result), which shows in the hot loops of sensors and metrics.
// The builtin scales by the larger magnitude m and sums the squares of x/m and y/m (one of them
// exactly 1) with Kahan compensation, which for two terms is a plain sum: m·√(1 + (min/m)²).

/** Math.hypot(x, y), the same value in every case (infinities, NaN, zeros), several times faster. */
export function hypot2(x: number, y: number): number {
  const a = Math.abs(x);
  const b = Math.abs(y);
  if (a === Infinity || b === Infinity) return Infinity;
  if (a !== a || b !== b) return NaN;
  const max = a > b ? a : b;
  if (max === 0) return 0;
  const r = (a > b ? b : a) / max;
  return Math.sqrt(1 + r * r) * max;
}
