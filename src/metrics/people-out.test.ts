import { describe, expect, it } from 'vitest';
import { peopleOutOfService } from './people-out.js';

describe('peopleOutOfService', () => {
  it('counts residents of overlapping service areas once, by hand', () => {
    // A plant serving 1,000,000 out 2 days, a substation serving 300,000 out 10 days, a pumping
    // station serving 500,000 out 4 days. Days 0–2: 1,000,000 out; 2–4: 500,000; 4–10: 300,000.
    const r = peopleOutOfService([
      { people: 1_000_000, duration: 2 },
      { people: 300_000, duration: 10 },
      { people: 500_000, duration: 4 },
    ]);
    expect(r.people).toBe(1_000_000);
    expect(r.peopleTime).toBe(2 * 1_000_000 + 2 * 500_000 + 6 * 300_000);
  });

  it('never exceeds the largest group times the longest outage, and equals one asset alone', () => {
    expect(peopleOutOfService([{ people: 40, duration: 3 }])).toEqual({ people: 40, peopleTime: 120 });
    const many = Array.from({ length: 50 }, (_, i) => ({ people: 1000, duration: 1 + (i % 7) }));
    const r = peopleOutOfService(many);
    expect(r.people).toBe(1000);
    expect(r.peopleTime).toBe(1000 * 7);
  });

  it('ignores assets with nobody or no outage, and gives zero for none', () => {
    expect(peopleOutOfService([])).toEqual({ people: 0, peopleTime: 0 });
    expect(
      peopleOutOfService([
        { people: 0, duration: 5 },
        { people: 9, duration: 0 },
      ]),
    ).toEqual({
      people: 0,
      peopleTime: 0,
    });
  });
});
