// The siting block: allowed areas and no-go zones read into candidate positions, and every way an
// area can be wrong or infeasible reported at its line and column.

import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioIssue } from './index.js';

const text = (siting: string) => `name: t
start: 2025-12-14T20:00:00+02:00
duration: 1 h
region: { origin: [50.45, 30.52] }
places: { post: [50.50, 30.60] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats: [{ wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.0], at: "+0 s" }, aim: Plant }]
defenders:
  - { name: fg, type: mobile-fire-group, base: [50.40, 30.60], patrol: [[50.41, 30.61]] }
  - { name: gun, type: gepard, base: [50.50, 30.60] }
sensors:
  - { type: radar, name: radar-1, at: [50.45, 30.80], antennaHeight: 15 m, range: 40 km }
siting:
${siting}`;

function issues(siting: string): ScenarioIssue[] {
  const r = parseScenario(text(siting), 's.yaml');
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

describe('siting block', () => {
  it('lays candidate positions on the spacing grid inside polygons, less the no-go zones', () => {
    const r = parseScenario(
      text(`  spacing: 1 km
  areas:
    - { name: east, units: [fg, gun], polygon: [[50.40, 30.55], [50.40, 30.70], [50.50, 30.70], [50.50, 30.55]] }
    - { name: posts, units: radar-1, candidates: [post, [50.46, 30.75]] }
  noGo:
    - { name: hole, polygon: [[50.44, 30.60], [50.44, 30.65], [50.47, 30.65], [50.47, 30.60]] }`),
      's.yaml',
    );
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    const siting = r.scenario.siting!;
    expect(siting.spacingM).toBe(1000);
    const [east, posts] = siting.areas;
    expect(east.units).toEqual(['fg', 'gun']);
    // About 11 km by 10.7 km: a 1 km grid of about 11 × 11 points, less the hole's 3 × 4.
    expect(east.positions.length).toBeGreaterThan(95);
    expect(east.positions.length).toBeLessThan(125);
    const hole = siting.noGo[0].polygon;
    const [minE, maxE] = [Math.min(...hole.map((p) => p.e)), Math.max(...hole.map((p) => p.e))];
    const [minN, maxN] = [Math.min(...hole.map((p) => p.n)), Math.max(...hole.map((p) => p.n))];
    expect(east.positions.some((p) => p.e > minE && p.e < maxE && p.n > minN && p.n < maxN)).toBe(false);
    expect(posts.units).toEqual(['radar-1']);
    expect(posts.positions).toHaveLength(2);
  });

  it('reports an area that lies wholly in a no-go zone, located', () => {
    const found = issues(`  areas:
    - { name: inner, units: [gun], polygon: [[50.44, 30.60], [50.44, 30.65], [50.47, 30.65], [50.47, 30.60]] }
  noGo:
    - { name: city, polygon: [[50.40, 30.50], [50.40, 30.70], [50.50, 30.70], [50.50, 30.50]] }`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: 's.yaml',
      line: 15,
      column: 45,
      field: 'siting.areas[0].polygon',
    });
    expect(found[0].message).toBe("area 'inner' is infeasible");
    expect(found[0].found).toMatch(/inside no-go zone city/);
  });

  it('reports candidate points that are all in no-go zones', () => {
    const found = issues(`  areas:
    - { units: [gun], candidates: [post] }
  noGo:
    - { polygon: [[50.40, 30.50], [50.40, 30.70], [50.55, 30.70], [50.55, 30.50]] }`);
    expect(found[0]).toMatchObject({ line: 15, field: 'siting.areas[0].candidates' });
    expect(found[0].message).toMatch(/infeasible/);
  });

  it('reports a polygon smaller than the grid, too few corners, no area, unknown units', () => {
    expect(
      // A chevron whose bounds' centre lies between its arms.
      issues(`  spacing: 20 km
  areas: [{ units: [gun], polygon: [[50.40, 30.55], [50.45, 30.60], [50.40, 30.65], [50.44, 30.60]] }]`)[0]
        .message,
    ).toMatch(/holds no candidate position/);
    expect(
      issues(`  areas: [{ units: [gun], polygon: [[50.40, 30.55], [50.40, 30.56]] }]`)[0].message,
    ).toMatch(/at least three corners/);
    expect(
      issues(`  areas: [{ units: [gun], polygon: [[50.40, 30.60], [50.42, 30.60], [50.44, 30.60]] }]`)[0]
        .message,
    ).toMatch(/no area/);
    const unknown = issues(`  areas: [{ units: [gnu], candidates: [post] }]`)[0];
    expect(unknown).toMatchObject({ field: 'siting.areas[0].units[0]', hint: "did you mean 'gun'?" });
    expect(issues(`  areas: [{ units: [gun] }]`)[0].message).toMatch(/polygon or a list of candidate points/);
  });
});
