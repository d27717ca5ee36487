import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/index.js';
import {
  applyPoint,
  applyPositions,
  checkPaths,
  gridPoints,
  latinHypercubePoints,
  parseSetSpec,
  SweepError,
  type SweepAxis,
} from './sweep.js';

const SCENARIO = `# a small night
version: 1
name: sweep test
start: 2025-12-14T20:00:00+02:00
duration: 2 h
region: { origin: [50.45, 30.52] }
assets:
  - { name: plant, kind: power-plant, at: [50.45, 30.52], value: 100 }
threats:
  - wave: north
    type: shahed-136
    count: 10
    launch: { from: [51.2, 30.6], spread: 5 km, between: [20:00, 20:30] }
    aim: { at: [plant] }
defenders:
  - { name: north-interceptors, type: sting-interceptor, base: [50.6, 30.55], stock: 20, crews: 2 }
  - { name: south-interceptors, type: sting-interceptor, base: [50.3, 30.55], stock: 10, crews: 1 }
`;

describe('parseSetSpec', () => {
  it('reads lists, stepped ranges and ranges with units', () => {
    expect(parseSetSpec('defenders.north-interceptors.stock=100..1000:100').values).toEqual([
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
    ]);
    expect(parseSetSpec('a.b=1,2.5,x,"p, q",true').values).toEqual([1, 2.5, 'x', 'p, q', true]);
    expect(parseSetSpec('threats.north.launch.spread=5..15:5 km').values).toEqual(['5 km', '10 km', '15 km']);
    expect(parseSetSpec('x=0.1..0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
    const open = parseSetSpec('x=1.0..2.0');
    expect(open.values).toBeUndefined();
    expect(open.range).toMatchObject({ low: 1, high: 2, integer: false });
    expect(parseSetSpec('x=1..9').range!.integer).toBe(true);
  });

  it('refuses malformed specifications', () => {
    for (const bad of ['stock', '=1,2', 'a..b=1', 'x=', 'x=5..1:1', 'x=1..5:0', 'x=1..1e9:1'])
      expect(() => parseSetSpec(bad), bad).toThrow(SweepError);
  });
});

describe('gridPoints', () => {
  it('is the full product, first axis slowest', () => {
    const points = gridPoints([parseSetSpec('a=1,2'), parseSetSpec('b=x,y,z')]);
    expect(points.map((p) => p.map((v) => v.value).join(''))).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
  });

  it('needs discrete values', () => {
    expect(() => gridPoints([parseSetSpec('a=1..5')])).toThrow(/--lhs/);
  });
});

describe('latinHypercubePoints', () => {
  it('uses every stratum of every axis exactly once', () => {
    const axes: SweepAxis[] = [
      parseSetSpec('a=0.0..1.0'),
      parseSetSpec('b=0..9'),
      parseSetSpec('c=10..100:10'),
    ];
    for (const seed of [1, 2, 3]) {
      const points = latinHypercubePoints(axes, 10, seed);
      expect(points).toHaveLength(10);
      const a = points.map((p) => Math.floor((p[0].value as number) * 10)).sort((x, y) => x - y);
      expect(a).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const b = points.map((p) => p[1].value as number).sort((x, y) => x - y);
      expect(b).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const c = points.map((p) => p[2].value as number).sort((x, y) => x - y);
      expect(c).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const axes = [parseSetSpec('a=0.0..1.0'), parseSetSpec('b=0.0..1.0')];
    expect(latinHypercubePoints(axes, 8, 5)).toEqual(latinHypercubePoints(axes, 8, 5));
    expect(latinHypercubePoints(axes, 8, 5)).not.toEqual(latinHypercubePoints(axes, 8, 6));
  });
});

describe('applyPoint', () => {
  it('sets fields of list items addressed by name, wave or index', () => {
    const text = applyPoint(SCENARIO, [
      { path: 'defenders.north-interceptors.stock', value: 55 },
      { path: 'threats.north.count', value: 7 },
      { path: 'threats.0.launch.spread', value: '9 km' },
      { path: 'defenders.1.crews', value: 3 },
    ]);
    const result = parseScenario(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.defenders[0].stock).toBe(55);
    expect(result.scenario.defenders[1].maxConcurrentFlights).toBe(3);
    expect(result.scenario.waves[0].count).toBe(7);
    expect(result.scenario.waves[0].launchSpreadM).toBe(9000);
    expect(text).toContain('# a small night');
  });

  it('names the wrong segment, with a suggestion', () => {
    expect(() => checkPaths(SCENARIO, [parseSetSpec('defenders.north-interceptor.stock=1')])).toThrow(
      /no item named 'north-interceptor' in defenders \(did you mean 'north-interceptors'\?\)/,
    );
    expect(() => checkPaths(SCENARIO, [parseSetSpec('defendrs.x.stock=1')])).toThrow(
      /no field 'defendrs'.*defenders/,
    );
    expect(() => checkPaths(SCENARIO, [parseSetSpec('name.x=1')])).toThrow(/single value/);
    expect(() => checkPaths(SCENARIO, [parseSetSpec('defenders=1')])).toThrow(/is a list/);
  });

  it('leaves a bad value to validation, which names the field', () => {
    const result = parseScenario(
      applyPoint(SCENARIO, [{ path: 'defenders.north-interceptors.stock', value: -5 }]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].field).toBe('defenders[0].stock');
  });

  it('writes positions in place of the old values, every other byte kept', () => {
    const text = applyPositions(SCENARIO, [
      { path: 'defenders.north-interceptors.base', value: [50.61, 30.56] },
      { path: 'defenders.south-interceptors.base', value: [50.31, 30.5] },
    ]);
    expect(text).toBe(
      SCENARIO.replace('base: [50.6, 30.55]', 'base: [50.61, 30.56]').replace(
        'base: [50.3, 30.55]',
        'base: [50.31, 30.5]',
      ),
    );
    expect(() => applyPositions(SCENARIO, [{ path: 'defenders.west.base', value: [50, 30] }])).toThrow(
      /no item named 'west'/,
    );
  });
});
