// Ridge least squares by the normal equations and a Cholesky factorisation: small, dense problems
// (tens of coefficients, hundreds of rows) as the surrogate's response surfaces need.

/** Coefficients b minimising |X b − y|² + lambda |b|² (the intercept column is penalised too, lightly). */
export function ridgeFit(
  rows: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
): number[] {
  const k = rows[0]?.length ?? 0;
  const a = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r];
    for (let i = 0; i < k; i++) {
      b[i] += x[i] * y[r];
      for (let j = 0; j <= i; j++) a[i * k + j] += x[i] * x[j];
    }
  }
  for (let i = 0; i < k; i++) {
    a[i * k + i] += lambda;
    for (let j = 0; j < i; j++) a[j * k + i] = a[i * k + j];
  }
  return choleskySolve(a, b, k);
}

/** Solves A x = b for a symmetric positive-definite A (row-major k × k). */
export function choleskySolve(a: Float64Array, b: Float64Array, k: number): number[] {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j];
      for (let m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
      if (i === j) {
        if (!(sum > 0)) throw new Error('matrix is not positive definite');
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j];
    }
  }
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let m = 0; m < i; m++) sum -= l[i * k + m] * z[m];
    z[i] = sum / l[i * k + i];
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let m = i + 1; m < k; m++) sum -= l[m * k + i] * x[m];
    x[i] = sum / l[i * k + i];
  }
  return x;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
