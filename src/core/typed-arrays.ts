// Growing typed arrays for batches whose size varies by step (detections, tracks).

type NumericArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** A copy of `array` with room for `capacity` elements; the contents are kept. */
export function grown<T extends NumericArray>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** Arrays up to this long are sorted by insertion: no view, no copy, quick on short runs. */
const INSERTION_SORT_MAX = 64;

/** Sorts a[0..n) ascending in place (the order a typed-array sort gives integers). */
export function sortAscending(a: Int32Array, n: number): void {
  if (n > INSERTION_SORT_MAX) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * The element at index n >> 1 of a[0..n) sorted ascending (as a typed-array sort orders it),
 * found by selection; reorders a[0..n).
 */
export function middle(a: Float64Array, n: number): number {
  const want = n >> 1;
  for (let i = 0; i < n; i++) {
    // NaN and signed zeros order specially in a typed-array sort: take the sort's answer then.
    const v = a[i];
    if (v !== v || v === 0) return a.subarray(0, n).sort()[want];
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return a[want];
  }
  return a[want];
}
