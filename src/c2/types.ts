// A C2 policy reads the track picture and the state of its own forces, never the truth, and
// issues orders for one decision cycle.

import type { SimEvent } from '../model/events.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import type { TrackTable } from '../model/track.js';
import type { FlightState, UnitState } from '../model/world.js';

export interface C2View {
  readonly scenario: Scenario;
  readonly tracks: TrackTable;
  readonly units: UnitState;
  readonly flights: FlightState;
  /**
   * Damage fraction of each scenario asset so far, as reported (impacts on own assets are seen),
   * or absent where no reports come in: then every asset counts whole.
   */
  readonly assetDamage?: ArrayLike<number>;
}

export interface C2Policy {
  /** Append this cycle's orders; `events` receives the reasons of assignments, when kept. */
  decide(t: number, view: C2View, orders: Order[], events?: { push(event: SimEvent): void }): void;
}

export type C2PolicyFactory = (scenario: Scenario) => C2Policy;
