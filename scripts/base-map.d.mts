// Types of base-map.mjs, for vite.config.ts and the tests.
import type { FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';

export declare const BASE_MAP_BOUNDS: [number, number, number, number];
export declare function overlaps(geometry: Geometry, bounds?: [number, number, number, number]): boolean;
export declare function simplifyLine(points: number[][], tolerance: number): number[][];
export declare function buildBaseMap(): {
  bounds: [number, number, number, number];
  rivers: FeatureCollection<MultiLineString>;
  lakes: FeatureCollection<MultiPolygon>;
  regions: FeatureCollection<MultiLineString, { code: string; country: string }>;
};
