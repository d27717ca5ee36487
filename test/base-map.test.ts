// The offline base map's data, generated at build time from Natural Earth in npm packages.
import { describe, expect, it } from 'vitest';
import { haversineM } from '../src/core/geo.js';
import { BASE_MAP_BOUNDS, buildBaseMap, overlaps, simplifyLine } from '../scripts/base-map.mjs';

const map = buildBaseMap();
const points = (coordinates: number[][][]) => coordinates.flat();

describe('base map data', () => {
  it('has rivers, lakes and every Ukrainian oblast, all meeting the bounds', () => {
    expect(map.rivers.features.length).toBeGreaterThan(5);
    expect(map.lakes.features.length).toBeGreaterThan(0);
    const ukraine = map.regions.features.filter((f) => f.properties.country === 'UA');
    // 24 oblasts, Crimea, and the cities of Kyiv and Sevastopol.
    expect(ukraine).toHaveLength(27);
    expect(ukraine.map((f) => f.properties.code)).toContain('UA-KC');
    for (const layer of [map.rivers, map.lakes, map.regions])
      for (const f of layer.features) expect(overlaps(f.geometry, BASE_MAP_BOUNDS)).toBe(true);
  });

  it('runs the Dnipro through Kyiv', () => {
    const kyiv = { latDeg: 50.45, lonDeg: 30.52 };
    const nearest = Math.min(
      ...map.rivers.features.flatMap((f) =>
        points(f.geometry.coordinates).map(([lon, lat]) => haversineM(kyiv, { latDeg: lat, lonDeg: lon })),
      ),
    );
    // 1:50m river lines run within a few kilometres of the city centre (the river is 2–3 km east of it).
    expect(nearest).toBeLessThan(8_000);
  });

  it('puts Kyiv city inside its own region outline', () => {
    const city = map.regions.features.find((f) => f.properties.code === 'UA-KC')!;
    const ring = city.geometry.coordinates[0];
    // Even-odd ray casting from the city centre.
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > 50.45 !== yj > 50.45 && 30.52 < ((xj - xi) * (50.45 - yi)) / (yj - yi) + xi) inside = !inside;
    }
    expect(inside).toBe(true);
  });

  it('simplifies a line within its tolerance, keeping both ends', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const line = Array.from({ length: 400 }, (_, k) => [k * 0.01, Math.sin(k / 20) + random() * 0.002]);
    const simple = simplifyLine(line, 0.005);
    expect(simple.length).toBeLessThan(line.length / 3);
    expect(simple[0]).toEqual(line[0]);
    expect(simple.at(-1)).toEqual(line.at(-1));
    // Every original point is within the tolerance of the simplified line (brute force over segments).
    for (const p of line) {
      let best = Infinity;
      for (let k = 1; k < simple.length; k++) {
        const [ax, ay] = simple[k - 1];
        const [bx, by] = simple[k];
        const t = Math.max(
          0,
          Math.min(
            1,
            ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
          ),
        );
        best = Math.min(best, Math.hypot(ax + t * (bx - ax) - p[0], ay + t * (by - ay) - p[1]));
      }
      expect(best).toBeLessThanOrEqual(0.005 + 1e-12);
    }
  });
});
