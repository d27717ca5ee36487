// Turns the scenario's waves into individual threats: launch time and point, aim asset and
// route, drawn from each wave's own stream and ordered by launch time.

import type { RandomStreams } from '../core/rng.js';
import type { Scenario, Wave } from '../model/scenario.js';
import { ThreatState } from '../model/world.js';

interface PlannedThreat {
  wave: number;
  launchTimeS: number;
  x: number;
  y: number;
  aimAsset: number;
}

export function planRaid(scenario: Scenario, rng: RandomStreams): ThreatState {
  const planned: PlannedThreat[] = [];
  scenario.waves.forEach((wave, waveIndex) => {
    const stream = rng.get(`threats/wave/${wave.name}`);
    const weights = wave.aim.map((a) => a.weight);
    const speedMps = scenario.threatTypes[wave.threatType].speedMps;
    for (let k = 0; k < wave.count; k++) {
      // Times spread evenly over the window with jitter: crews launch in a steady rhythm.
      const slot = wave.count === 1 ? 0.5 : (k + stream.next()) / wave.count;
      // Launch points uniform over a disc of the wave's spread.
      const r = wave.launchSpreadM * Math.sqrt(stream.next());
      const phi = 2 * Math.PI * stream.next();
      const x = wave.launchCenter.e + r * Math.cos(phi);
      const y = wave.launchCenter.n + r * Math.sin(phi);
      const aimAsset = wave.aim[stream.weightedIndex(weights)].asset;
      let launchTimeS: number;
      if (wave.arrive) {
        // Time on target: work the launch back from the arrival, never before the night starts.
        const arrivalS = wave.arrive.fromS + slot * (wave.arrive.toS - wave.arrive.fromS);
        launchTimeS = Math.max(0, arrivalS - flightTimeS(scenario, wave, x, y, aimAsset, speedMps));
      } else {
        launchTimeS = wave.launchFromS + slot * (wave.launchToS - wave.launchFromS);
      }
      planned.push({ wave: waveIndex, launchTimeS, x, y, aimAsset });
    }
  });
  // Stable sort: ties keep wave order, so the plan never depends on engine sort details.
  const order = planned
    .map((_, i) => i)
    .sort((a, b) => planned[a].launchTimeS - planned[b].launchTimeS || a - b);

  const routePoints = planned.reduce((sum, p) => sum + scenario.waves[p.wave].route.length + 1, 0);
  const state = new ThreatState(planned.length, routePoints);
  let cursor = 0;
  order.forEach((source, i) => {
    const p = planned[source];
    const wave = scenario.waves[p.wave];
    const type = scenario.threatTypes[wave.threatType];
    const aim = scenario.assets[p.aimAsset].position;
    state.type[i] = wave.threatType;
    state.wave[i] = p.wave;
    state.decoy[i] = type.decoy ? 1 : 0;
    state.launchTimeS[i] = p.launchTimeS;
    state.x[i] = p.x;
    state.y[i] = p.y;
    state.z[i] = type.cruiseAltitudeM;
    state.aimAsset[i] = p.aimAsset;
    state.routeStart[i] = cursor;
    for (const point of wave.route) {
      state.routeX[cursor] = point.e;
      state.routeY[cursor] = point.n;
      state.routeHoldS[cursor] = point.holdS;
      state.routeOrbitM[cursor] = point.orbitRadiusM;
      cursor++;
    }
    state.routeX[cursor] = aim.e;
    state.routeY[cursor] = aim.n;
    cursor++;
    state.routeLength[i] = wave.route.length + 1;
  });
  return state;
}

/** Time from launch at (x, y) along the wave's route, loiters included, to the aim point. */
function flightTimeS(
  scenario: Scenario,
  wave: Wave,
  x: number,
  y: number,
  aimAsset: number,
  speedMps: number,
): number {
  let length = 0;
  let holdS = 0;
  let px = x;
  let py = y;
  for (const point of wave.route) {
    length += Math.hypot(point.e - px, point.n - py);
    holdS += point.holdS;
    px = point.e;
    py = point.n;
  }
  const aim = scenario.assets[aimAsset].position;
  length += Math.hypot(aim.e - px, aim.n - py);
  return length / speedMps + holdS;
}
