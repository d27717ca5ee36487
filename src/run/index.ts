export { assemble } from './assemble.js';
export { runScenario, runAndMeasure, type RunResult, type RunOptions } from './run-scenario.js';
export { trajectoryObserver, type TrajectoryObserver } from './trajectory-observer.js';
// What a run comes to, for faces that sum up a log they hold (the console does it per moment).
export { computeOutcome } from '../metrics/outcome.js';
// The radar horizon, for faces that draw where a radar can see (the console's coverage layer).
export { radarHorizonM } from '../sensors/radar.js';
// A run as geodata: GeoJSON and KML for GIS tools and Google Earth.
export { runToGeoJson, scenarioToGeoJson, GEO_LAYERS, type GeoLayer } from './geojson-export.js';
export { geoJsonToKml } from './kml-export.js';
