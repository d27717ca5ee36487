// Growing typed arrays for batches whose size varies by step (detections, tracks).

type NumericArray = Float64Array | Int32Array | Uint8Array;

/** A copy of `array` with room for `capacity` elements; the contents are kept. */
export function grown<T extends NumericArray>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
