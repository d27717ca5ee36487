// Growing typed arrays for batches whose size varies by step (detections, tracks).

type NumericArray = Float64Array | Int32Array | Uint8Array;

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
