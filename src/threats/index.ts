// The threat stage: raid planning, flight, and impacts on assets.

export { planRaid } from './raid-plan.js';
export { waypointFlight } from './waypoint-flight.js';
export { impactResolution } from './impact.js';
export { createElectronicWarfare } from './electronic-warfare.js';
