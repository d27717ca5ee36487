// Phase 1b: electronic warfare. A threat entering a jamming zone is lost with the zone's loss
// probability times its type's susceptibility (satellite-navigated drones fully, terrain-matching
// missiles little). A lost threat either crashes at once or goes astray: it flies off towards a
// point 10–40 km away and crashes there, still a target for the defense until it does.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundM, roundS } from '../model/events.js';
import { ThreatStatus, type World } from '../model/world.js';

export function createElectronicWarfare(threatCount: number, zoneCount: number): Phase<World> {
  // One draw per threat and zone, on first entry.
  const drawn = new Uint8Array(threatCount * zoneCount);
  return {
    name: 'electronic-warfare',
    step(world: World, clock: Clock): void {
      const { threats, scenario, events } = world;
      const zones = scenario.ewZones;
      for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
        if (threats.status[i] !== ThreatStatus.Flying || threats.astray[i] !== 0) continue;
        const type = scenario.threatTypes[threats.type[i]];
        for (let z = 0; z < zones.length; z++) {
          const zone = zones[z];
          const dx = threats.x[i] - zone.center.e;
          const dy = threats.y[i] - zone.center.n;
          if (dx * dx + dy * dy > zone.radiusM * zone.radiusM || drawn[i * zoneCount + z]) continue;
          drawn[i * zoneCount + z] = 1;
          const stream = world.rng.get(`ew/${zone.name}`);
          if (!stream.bernoulli(zone.pLoss * type.ewSusceptibility)) continue;
          if (stream.bernoulli(zone.astrayFraction)) {
            sendAstray(world, i, z, stream.next(), stream.next());
          } else {
            threats.status[i] = ThreatStatus.LostToEw;
            world.resolvedThreats++;
            events.push({
              t: roundS(clock.end),
              kind: 'lost-ew',
              threat: i,
              type: type.name,
              zone: zone.name,
              mode: 'crashed',
              e: roundM(threats.x[i]),
              n: roundM(threats.y[i]),
            });
          }
          break;
        }
      }
    },
  };
}

/** Re-aims threat i at a point 10–40 km away in a random direction, straight there. */
function sendAstray(world: World, i: number, zone: number, u1: number, u2: number): void {
  const { threats } = world;
  const last = threats.routeStart[i] + threats.routeLength[i] - 1;
  const distance = 10_000 + 30_000 * u1;
  const bearing = 2 * Math.PI * u2;
  threats.routeX[last] = threats.x[i] + distance * Math.cos(bearing);
  threats.routeY[last] = threats.y[i] + distance * Math.sin(bearing);
  threats.leg[i] = threats.routeLength[i] - 1;
  threats.loiterEndS[i] = 0;
  threats.astray[i] = zone + 1;
}
