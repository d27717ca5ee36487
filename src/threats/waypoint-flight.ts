// Phase 1: threats take off at their launch time, fly their waypoints at cruise speed and
// altitude, dive onto the aim point, and are flagged Arrived there (threats/impact resolves it).

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundM, roundS } from '../model/events.js';
import { ThreatStatus, type World } from '../model/world.js';

export const waypointFlight: Phase<World> = {
  name: 'threats',
  step(world: World, clock: Clock): void {
    const { threats, scenario, events } = world;
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

    for (let i = 0; i < threats.launchedCount; i++) {
      if (threats.status[i] !== ThreatStatus.Flying) continue;
      const type = scenario.threatTypes[threats.type[i]];
      // A threat launched inside this step flies only the part of the step after its launch.
      let remaining = type.speedMps * Math.min(dt, t + dt - threats.launchTimeS[i]);
      const x0 = threats.x[i];
      const y0 = threats.y[i];
      const z0 = threats.z[i];
      const last = threats.routeStart[i] + threats.routeLength[i] - 1;
      let x = x0;
      let y = y0;
      let arrived = false;
      while (remaining > 0) {
        const p = threats.routeStart[i] + threats.leg[i];
        const dx = threats.routeX[p] - x;
        const dy = threats.routeY[p] - y;
        const d = Math.hypot(dx, dy);
        if (d <= remaining) {
          x = threats.routeX[p];
          y = threats.routeY[p];
          remaining -= d;
          if (p === last) {
            arrived = true;
            break;
          }
          threats.leg[i]++;
        } else {
          x += (dx / d) * remaining;
          y += (dy / d) * remaining;
          remaining = 0;
        }
      }
      // Terminal dive: below the cruise altitude once within altitude / tan(dive) of the aim point.
      const toAim = Math.hypot(threats.routeX[last] - x, threats.routeY[last] - y);
      const z = arrived ? 0 : Math.min(type.cruiseAltitudeM, toAim * Math.tan(type.diveAngleRad));
      threats.x[i] = x;
      threats.y[i] = y;
      threats.z[i] = z;
      threats.vx[i] = (x - x0) / dt;
      threats.vy[i] = (y - y0) / dt;
      threats.vz[i] = (z - z0) / dt;
      threats.flownM[i] += Math.hypot(x - x0, y - y0);
      if (arrived) {
        threats.status[i] = ThreatStatus.Arrived;
      } else if (threats.flownM[i] > type.rangeM) {
        threats.status[i] = ThreatStatus.Expired;
        world.resolvedThreats++;
        events.push({
          t: roundS(t + dt),
          kind: 'expired',
          threat: i,
          type: type.name,
          reason: 'out-of-range',
        });
      }
    }

    world.threatGrid.rebuild(
      threats.launchedCount,
      threats.x,
      threats.y,
      (i) => threats.status[i] === ThreatStatus.Flying || threats.status[i] === ThreatStatus.Arrived,
    );
  },
};
