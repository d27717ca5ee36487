// What a run comes to, as planners read it. Money is in the scenario's currency (USD by default).

export interface Outcome {
  threatsLaunched: number;
  /** Shot down, by defender unit name. */
  destroyed: number;
  destroyedByUnit: Record<string, number>;
  /** Reached an asset and exploded (decoys never count here). */
  leaked: number;
  /** Decoys that flew out, threats that ran out of range, and those still airborne at the end. */
  expired: number;
  /** Brought down or sent astray by electronic warfare. */
  lostToEw: number;
  byThreatType: Record<
    string,
    { launched: number; destroyed: number; leaked: number; expired: number; lostToEw: number }
  >;
  assetValueTotal: number;
  assetValueLost: number;
  assetValueProtected: number;
  assetsHit: {
    name: string;
    kind: string;
    hits: number;
    damageFraction: number;
    valueLost: number;
    outageDays: number;
    peopleAffected: number;
  }[];
  /** Asset-days out of service: each asset's damage fraction times its restoration time, summed. */
  outageAssetDays: number;
  /** The same by asset kind, e.g. substation-days. */
  outageDaysByKind: Record<string, number>;
  /** People who lose a service, each resident counted once: the largest of the hit assets' groups
   *  (each asset's people times its damage fraction; service areas taken as nested, metrics/people-out). */
  peopleAffected: number;
  /** People times days without service, residents counted once: at each moment the largest group out. */
  peopleDaysWithoutService: number;
  /** Guided flights launched: interceptor drones and missiles. */
  interceptorsLaunched: number;
  /** Interceptor drones spent (missiles are counted in missilesSpent). */
  interceptorsSpent: number;
  interceptorsRecovered: number;
  interceptAttempts: number;
  /** Engagements (flights and bursts), kills, weapons spent and their cost, by effector kind. */
  byEffectorKind: Record<string, EffectorKindOutcome>;
  /** SAM and air-to-air missiles spent. */
  missilesSpent: number;
  /** Rounds fired by guns and mobile fire groups. */
  roundsFired: number;
  /** Jet take-offs (CAP and scrambles). */
  jetSorties: number;
  /** Interceptor drones delivered to units during the night. */
  interceptorsDelivered: number;
  /** Cost of the interceptors, missiles and rounds spent. */
  defenseSpend: number;
  /** Cost of every threat launched. */
  attackerSpend: number;
  /** Cost of the threats shot down. */
  attackerLossDestroyed: number;
  /** Attacker cost destroyed per unit of defense spend; above 1 the defense wins the exchange. */
  costExchangeRatio: number;
  /** Distance from each kill to the nearest asset, m: median and 10th percentile. */
  interceptDistanceMedianM: number;
  interceptDistanceP10M: number;
  endS: number;
  /** How good the track picture C2 acted on was (runs with a real tracker only). */
  trackPicture?: TrackScore;
}

/** Track picture against the truth, scan by scan: GOSPA (α = 2) and track continuity. */
export interface TrackScore {
  cutoffM: number;
  p: number;
  scans: number;
  meanGospa: number;
  finalGospa: number;
  /** Σ over scans of the localisation part Σ d^p, m^p. */
  localisationSum: number;
  missedTargetScans: number;
  falseTrackScans: number;
  /** Matched truths whose track id differs from the one they were last matched to. */
  idSwitches: number;
  /** Mean time from a truth's first report by a sensor to its first match with a track, over the
   *  truths ever matched, s (NaN if none). */
  meanTimeToConfirmS: number;
  /** Truths in the air in some scan. */
  truthsSeen: number;
  /** Truths in the air in some scan after a sensor first reported them. */
  truthsDetected: number;
  /** Truths ever matched with a track. */
  truthsTracked: number;
}

export interface EffectorKindOutcome {
  units: number;
  /** Engagements: flights that reached a threat, bursts, cannon passes. */
  engagements: number;
  kills: number;
  /** Interceptors or missiles spent (engaged or lost), or rounds fired. */
  spent: number;
  /** Jets' cannon passes. */
  cannonPasses: number;
  spend: number;
}
