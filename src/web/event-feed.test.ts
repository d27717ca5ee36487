import { describe, expect, it } from 'vitest';
import { describeEvent } from './event-feed.js';

describe('event feed', () => {
  it("shows an assignment's gain term by term", () => {
    const text = describeEvent({
      t: 60,
      kind: 'assignment',
      unit: 'north',
      flight: -1,
      track: 7,
      gain: 51.3,
      terms: { valueAtRisk: 90, pDecoy: 0.05, othersMiss: 1, pk: 0.6, price: 0.0001, commitment: 0 },
      alternatives: [],
    });
    expect(text).toBe(
      'north launches on track 7 (gain 51.3 = value at risk 90.0 × P(real) 0.95 × others miss 1.00 × Pk 0.60 − price 0.00010)',
    );
  });
});
