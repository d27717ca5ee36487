import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow, unverifiedFiguresInUse } from './index.js';

const layered = parseScenarioOrThrow(
  readFileSync(new URL('../../scenarios/kyiv-layered-night.yaml', import.meta.url), 'utf8'),
);

describe('unverifiedFiguresInUse', () => {
  const figures = unverifiedFiguresInUse(layered);

  it('names no flight figure a gun or fire group never reads', () => {
    expect(figures.filter((f) => /^(gepard|mobile-fire-group)\.engagement-radius/.test(f))).toEqual([]);
    // A guided missile's engagement radius is read, and stays listed.
    expect(figures).toContain('iris-t-slm.engagement-radius');
  });

  it("says what a direct-fire weapon's speed and endurance are: its rounds'", () => {
    expect(figures).toContain('gepard.speed (speed of its rounds)');
    expect(figures).toContain("gepard.endurance (its rounds' time of flight)");
    expect(figures).toContain('mobile-fire-group.speed (speed of its rounds)');
    expect(figures).toContain('sting-interceptor.speed');
    expect(figures.filter((f) => f.startsWith('gepard.speed'))).toHaveLength(1);
  });
});
