// Interceptor-drone units: on C2's order a crew prepares an interceptor (launch preparation) and
// launches it onto the track as a guided flight; the unit's stock is refilled by deliveries
// during the night. Flights, their pursuit and engagements are in guided-flight.ts and
// engagement.ts, shared with missiles.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundS } from '../model/events.js';
import type { World } from '../model/world.js';
import { launchFlight } from './guided-flight.js';

/** Phase 2: deliveries due this step reach their units' stock. */
export const interceptorResupply: Phase<World> = {
  name: 'interceptor-resupply',
  step(world: World, clock: Clock): void {
    const { scenario, units, events } = world;
    const t = clock.end;
    scenario.defenders.forEach((unit, u) => {
      if (unit.kind !== 'interceptor-drone') return;
      while (units.nextDelivery[u] < unit.resupply.length && unit.resupply[units.nextDelivery[u]].atS <= t) {
        const delivery = unit.resupply[units.nextDelivery[u]++];
        units.stock[u] += delivery.amount;
        events.push({ t: roundS(delivery.atS), kind: 'resupply', unit: unit.name, amount: delivery.amount });
      }
    });
  },
};

/** Phase 6: launch orders for interceptor-drone units (stock, crews and launcher permitting). */
export const interceptorOrders: Phase<World> = {
  name: 'interceptor-act',
  step(world: World, clock: Clock): void {
    const { units, scenario } = world;
    const t = clock.end;
    for (const order of world.orders) {
      if (order.kind !== 'launch') continue;
      const u = order.unit;
      const unit = scenario.defenders[u];
      if (unit.kind !== 'interceptor-drone') continue;
      if (units.stock[u] <= 0 || units.airborne[u] >= unit.maxConcurrentFlights || t < units.nextLaunchS[u])
        continue;
      if (!launchFlight(world, u, unit.base.e, unit.base.n, unit.base.u, order.track, t, unit.prepS))
        continue;
      units.stock[u]--;
      units.nextLaunchS[u] = t + unit.launchIntervalS;
    }
  },
};
