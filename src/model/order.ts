// C2's decisions for one cycle, carried out by defenders/.

export type Order =
  /** Launch a new interceptor from `unit` onto `track`. */
  | { kind: 'launch'; unit: number; track: number }
  /** Re-vector an airborne flight (by pool slot) onto `track`, or home when track is -1. */
  | { kind: 'vector'; flight: number; track: number };
