// What C2 needs to know about anything that can shoot: where a shot starts, how fast and how long
// it flies, where it may engage, how likely it kills each threat type and what it costs. Every
// effector kind (interceptor drones, jets, guns, fire groups, SAMs) describes its
// ready shots this way, and reachability and weapon-target assignment work on descriptors only.

export const EffectorOrigin = {
  /** A shot not yet fired: launched from `x, y, z` after `launchDelayS`. */
  Launcher: 0,
  /** A weapon already in the air (an interceptor flight), which C2 may re-vector or recall. */
  Airborne: 1,
} as const;
export type EffectorOriginKind = (typeof EffectorOrigin)[keyof typeof EffectorOrigin];

export interface EffectorDescriptor {
  /** Index of the defender unit it belongs to, into Scenario.defenders. */
  unit: number;
  origin: EffectorOriginKind;
  /** Flight pool slot for an airborne weapon, -1 for a launcher shot. */
  flight: number;
  /** Which planned shot of the unit this is (0 = the next launch); 0 for airborne weapons. */
  shot: number;
  /** Where the shot starts (the base, or the weapon's present position), local ENU m. */
  x: number;
  y: number;
  z: number;
  /** Time before the weapon starts moving: readiness, launch interval, reaction time. */
  launchDelayS: number;
  /**
   * Part of launchDelayS that runs only once ordered (launch preparation, a jet's scramble): C2
   * orders the shot when launchDelayS <= orderLeadS.
   */
  orderLeadS: number;
  /**
   * A weapon that stays where it is (SAM, gun, fire group) and may hold fire until the threat comes
   * into its envelope; other weapons must be able to start the pursuit now.
   */
  mayWait: boolean;
  speedMps: number;
  /** Flight time left from launch (or from now, when airborne). */
  enduranceS: number;
  /** Engagement envelope around the origin, horizontal distance (guns and missiles have a minimum). */
  minRangeM: number;
  maxRangeM: number;
  /** Altitudes at which the weapon can engage. */
  minAltitudeM: number;
  maxAltitudeM: number;
  /** Slant range from the origin to the intercept point (guns and fire groups), else Infinity. */
  maxSlantRangeM: number;
  /** Kill probability per engagement, indexed like Scenario.threatTypes. */
  pkByThreatType: readonly number[];
  /** Price of firing it in asset-value units: its cost weighed by C2, plus any reserve term. */
  shotPrice: number;
  /** The track it is engaging now (airborne weapons), or -1. */
  engagedTrack: number;
}
