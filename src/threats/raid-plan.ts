// Turns the scenario's waves into individual threats: launch time and point, aim asset and
// route, drawn from each wave's own stream and ordered by launch time.

import type { RandomStreams } from '../core/rng.js';
import type { Scenario } from '../model/scenario.js';
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
    for (let k = 0; k < wave.count; k++) {
      // Launch times spread evenly over the window with jitter: crews launch in a steady rhythm.
      const slot = wave.count === 1 ? 0.5 : (k + stream.next()) / wave.count;
      const launchTimeS = wave.launchFromS + slot * (wave.launchToS - wave.launchFromS);
      // Launch points uniform over a disc of the wave's spread.
      const r = wave.launchSpreadM * Math.sqrt(stream.next());
      const phi = 2 * Math.PI * stream.next();
      planned.push({
        wave: waveIndex,
        launchTimeS,
        x: wave.launchCenter.e + r * Math.cos(phi),
        y: wave.launchCenter.n + r * Math.sin(phi),
        aimAsset: wave.aim[stream.weightedIndex(weights)].asset,
      });
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
      cursor++;
    }
    state.routeX[cursor] = aim.e;
    state.routeY[cursor] = aim.n;
    cursor++;
    state.routeLength[i] = wave.route.length + 1;
  });
  return state;
}
