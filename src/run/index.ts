export { assemble } from './assemble.js';
export { runScenario, runAndMeasure, type RunResult, type RunOptions } from './run-scenario.js';
export { trajectoryObserver, type TrajectoryObserver } from './trajectory-observer.js';
// A run as geodata: GeoJSON and KML for GIS tools and Google Earth.
export {
  runToGeoJson,
  scenarioToGeoJson,
  groundPosition,
  GEO_LAYERS,
  type GeoLayer,
} from './geojson-export.js';
export { geoJsonToKml } from './kml-export.js';
