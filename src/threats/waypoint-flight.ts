// Phase 1: threats take off at their launch time, fly their waypoints at cruise speed and
// altitude, dive onto the aim point, and are flagged Arrived there (threats/impact resolves it).

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundM, roundS } from '../model/events.js';
import { ThreatStatus, type World } from '../model/world.js';

export const waypointFlight: Phase<World> = {
  name: 'threats',
  step(world: World, clock: Clock): void {
    const { threats, scenario, events, threatGrid } = world;
    const t = clock.t;
    const dt = clock.dt;
    while (threats.launchedCount < threats.count && threats.launchTimeS[threats.launchedCount] <= t + dt) {
      const i = threats.launchedCount++;
      threats.status[i] = ThreatStatus.Flying;
      events.push({
        t: roundS(threats.launchTimeS[i]),
        kind: 'threat-launch',
        threat: i,
        type: scenario.threatTypes[threats.type[i]].name,
        wave: scenario.waves[threats.wave[i]].name,
        e: roundM(threats.x[i]),
        n: roundM(threats.y[i]),
        aim: scenario.assets[threats.aimAsset[i]].name,
      });
    }

    const { speedMps, cruiseAltitudeM, tanDive, rangeM } = world.threatTypeTable;
    // Per-threat arrays read once per step: the loop below runs for every threat in the air.
    const { status, x: xs, y: ys, z: zs, vx, vy, vz, routeX, routeY, routeHoldS, routeOrbitM } = threats;
    const { routeStart, routeLength, leg, loiterEndS, launchTimeS, flownM, orbitAngle } = threats;
    const types = threats.type;
    const end = t + dt;
    threatGrid.reset(threats.count);
    for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
      if (status[i] !== ThreatStatus.Flying) continue;
      const type = types[i];
      // A threat launched inside this step flies only the part of the step after its launch.
      const flightS = end - launchTimeS[i];
      let remaining = speedMps[type] * (flightS < dt ? flightS : dt);
      const x0 = xs[i];
      const y0 = ys[i];
      const z0 = zs[i];
      const last = routeStart[i] + routeLength[i] - 1;
      let x = x0;
      let y = y0;
      let arrived = false;
      if (loiterEndS[i] > 0) {
        const p = routeStart[i] + leg[i];
        if (end < loiterEndS[i]) {
          // Circle the loiter point counter-clockwise at cruise speed.
          const r = routeOrbitM[p];
          orbitAngle[i] += remaining / r;
          x = routeX[p] + r * Math.cos(orbitAngle[i]);
          y = routeY[p] + r * Math.sin(orbitAngle[i]);
          remaining = 0;
        } else {
          loiterEndS[i] = 0;
          leg[i]++;
        }
      }
      while (remaining > 0) {
        const p = routeStart[i] + leg[i];
        const dx = routeX[p] - x;
        const dy = routeY[p] - y;
        const d = Math.sqrt(dx * dx + dy * dy);
        const holdS = routeHoldS[p];
        if (holdS > 0 && d - remaining <= routeOrbitM[p]) {
          // Reaching a loiter point's orbit: join it where the approach meets it.
          const r = routeOrbitM[p];
          const k = d > r ? (d - r) / d : 0;
          x += dx * k;
          y += dy * k;
          orbitAngle[i] = Math.atan2(y - routeY[p], x - routeX[p]);
          loiterEndS[i] = end + holdS;
          break;
        }
        if (d <= remaining) {
          x = routeX[p];
          y = routeY[p];
          remaining -= d;
          if (p === last) {
            arrived = true;
            break;
          }
          leg[i]++;
        } else {
          x += (dx / d) * remaining;
          y += (dy / d) * remaining;
          remaining = 0;
        }
      }
      // Terminal dive: below the cruise altitude once within altitude / tan(dive) of the aim point.
      let z = 0;
      if (!arrived) {
        const ax = routeX[last] - x;
        const ay = routeY[last] - y;
        const a2 = ax * ax + ay * ay;
        const cruise = cruiseAltitudeM[type];
        const tan = tanDive[type];
        // Far from the dive (the common case) the square decides without a root; near it, exactly.
        if (tan > 0 && a2 * tan * tan > cruise * cruise * (1 + 1e-9)) {
          z = cruise;
        } else {
          const glide = Math.sqrt(a2) * tan;
          z = glide < cruise ? glide : cruise;
        }
      }
      const stepX = x - x0;
      const stepY = y - y0;
      xs[i] = x;
      ys[i] = y;
      zs[i] = z;
      vx[i] = stepX / dt;
      vy[i] = stepY / dt;
      vz[i] = (z - z0) / dt;
      flownM[i] += Math.sqrt(stepX * stepX + stepY * stepY);
      if (arrived) {
        status[i] = ThreatStatus.Arrived;
      } else if (flownM[i] > rangeM[type]) {
        status[i] = ThreatStatus.Expired;
        world.resolvedThreats++;
        events.push({
          t: roundS(end),
          kind: 'expired',
          threat: i,
          type: scenario.threatTypes[type].name,
          reason: 'out-of-range',
        });
        continue;
      }
      threatGrid.insert(i, x, y);
    }
    // Skip the resolved prefix from now on: threats launch in order and mostly end in order.
    while (
      threats.firstUnresolved < threats.launchedCount &&
      status[threats.firstUnresolved] >= ThreatStatus.Destroyed
    ) {
      threats.firstUnresolved++;
    }
  },
};
