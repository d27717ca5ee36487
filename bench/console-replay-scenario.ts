// The record night seen by real sensors, for the console replay benchmark: a radar on each side
// of every defended city, an acoustic network of microphone grids around the cities and lines along
// the approaches (about 2,500 nodes), observer posts on the way in, and the GNN tracker.

const CITIES: [string, number, number][] = [
  ['kyiv', 50.45, 30.52],
  ['kharkiv', 49.99, 36.23],
  ['dnipro', 48.46, 35.05],
  ['odesa', 46.48, 30.73],
  ['lviv', 49.7, 24.5],
];

/** record-night.yaml with its ideal sensor replaced by radars, microphones and observers. */
export function recordNightSensed(recordNight: string): string {
  const sensors: string[] = [];
  for (const [name, lat, lon] of CITIES) {
    for (const [side, dLat, dLon] of [
      ['north', 0.3, 0],
      ['east', 0, 0.45],
    ] as const) {
      sensors.push(
        `  - { type: radar, name: ${name}-radar-${side}, at: [${(lat + dLat).toFixed(2)}, ${(lon + dLon).toFixed(2)}], ` +
          `antennaHeight: 15 m, range: 60 km, scanPeriod: 4 s, latency: 2 s }`,
      );
    }
    sensors.push(
      `  - type: acoustic\n    name: ${name}-listeners\n    scanPeriod: 2 s\n    latency: 3 s\n    report: bearing\n` +
        `    bearingError: 5 deg\n    nodes:\n` +
        `      - grid: { from: [${(lat - 0.35).toFixed(2)}, ${(lon - 0.5).toFixed(2)}], to: [${(lat + 0.35).toFixed(2)}, ${(lon + 0.5).toFixed(2)}], spacing: 3 km }\n` +
        `    classify: { decoyAsDecoy: 0.6, threatAsDecoy: 0.25 }`,
    );
  }
  sensors.push(
    `  - type: observer\n    name: road-posts\n` +
      `    posts: [desna-bend, polissia, volyn, kherson-turn, dnipro-east, missile-turn, missile-west]\n` +
      `    sightingRange: 4 km\n    sightingsPerMinute: 1\n    positionError: 1.5 km\n    delay: [1 min, 4 min]`,
  );
  const block = `sensors:\n${sensors.join('\n')}\ntracking: { type: gnn, gate: 4, processNoise: 4, confirm: 3 of 5, maxCoast: 60 s }`;
  const replaced = recordNight.replace(/^sensors: \[\{ type: ideal \}\]$/m, block);
  if (replaced === recordNight) throw new Error('record-night.yaml no longer has the one ideal sensor line');
  return replaced.replace(/^name: (.*)$/m, 'name: $1 (radars, acoustic network, observers)');
}
