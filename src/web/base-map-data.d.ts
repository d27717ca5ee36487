// Built by vite.config.ts (scripts/base-map.mjs) from Natural Earth data in npm packages: rivers,
// lakes and region borders around Ukraine, as GeoJSON.
declare module 'virtual:base-map' {
  import type { FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
  const baseMap: {
    /** West, south, east, north (degrees): what the data covers. */
    bounds: [number, number, number, number];
    rivers: FeatureCollection<MultiLineString>;
    lakes: FeatureCollection<MultiPolygon>;
    regions: FeatureCollection<MultiLineString, { code: string; country: string }>;
  };
  export default baseMap;
}
