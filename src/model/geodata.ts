// GeoJSON (RFC 7946) as Bulwark writes and reads it: the few geometry kinds a run or a scenario
// needs, positions as [longitude, latitude] or [longitude, latitude, metres above the ground].

export type GeoPosition = [number, number] | [number, number, number];

export type GeoGeometry =
  | { type: 'Point'; coordinates: GeoPosition }
  | { type: 'MultiPoint'; coordinates: GeoPosition[] }
  | { type: 'LineString'; coordinates: GeoPosition[] }
  | { type: 'Polygon'; coordinates: GeoPosition[][] };

export type GeoProperty = string | number | boolean | null;

export interface GeoFeature {
  type: 'Feature';
  geometry: GeoGeometry;
  properties: GeoProperties;
}

export interface GeoProperties {
  /** What the feature is: asset, unit, sensor, coverage, threat-path, intercept, impact … */
  layer: string;
  name: string;
  /**
   * Per-vertex values of a LineString, the convention GPX and KML converters use (togeojson):
   * `times` holds the ISO 8601 time of every vertex.
   */
  coordinateProperties?: { times: string[] };
  [key: string]: GeoProperty | { times: string[] } | undefined;
}

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}
