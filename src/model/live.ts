// The live track picture and what the live loop says about it: track reports from an outside
// feed (CoT, GeoJSON, the tracker over raw detections), and the plans it writes after each re-plan.

/** One position report of one track, converted to the scenario's frame (SI, local ENU metres). */
export interface TrackReport {
  /** The feed's identifier of the track (a CoT uid, a GeoJSON id). */
  uid: string;
  /** Seconds after scenario start at which the report was made. */
  timeS: number;
  /** Seconds after scenario start from which the report is no longer to be trusted. */
  staleS: number;
  e: number;
  n: number;
  /** Altitude, m. */
  u: number;
  vx: number;
  vy: number;
  vz: number;
  /** One-sigma horizontal position error, m (0 when the feed does not say). */
  sigmaM: number;
  /** Probability that it is a decoy (0 when the feed does not say: treated as real). */
  pDecoy: number;
}

/** Why an input message did not change the picture. */
export type RejectReason =
  | 'malformed'
  | 'too-large'
  | 'unknown-type'
  | 'out-of-region'
  | 'stale'
  | 'out-of-order'
  | 'duplicate'
  | 'killed';

export const REJECT_REASONS: readonly RejectReason[] = [
  'malformed',
  'too-large',
  'unknown-type',
  'out-of-region',
  'stale',
  'out-of-order',
  'duplicate',
  'killed',
];

/** How the threat evaluation sees one track. */
export interface LiveAssessment {
  /** Threat type guessed from the speed (kinematic classification). */
  type: string;
  /** The asset it most likely heads for, and how likely. */
  aim: string;
  aimProbability: number;
  timeToImpactS: number;
  /** Value at risk if it is real, and the probability that it is. */
  valueAtRisk: number;
  pReal: number;
  /** pReal x value at risk per minute to impact: what is at stake, how soon. */
  priority: number;
}

/** One weapon's recommended shot in a plan. */
export interface LiveRecommendation {
  /** `track uid` + ` / ` + unit name: what the operator accepts or rejects. */
  id: string;
  track: string;
  unit: string;
  /** The defender unit's kind (interceptor-drone, sam, gun, fire-group, jet). */
  kind: string;
  /** Which planned shot of the unit this is (0: the next one). */
  shot: number;
  /** True when the shot should be ordered now (only what the order itself starts is left). */
  now: boolean;
  launchInS: number;
  interceptInS: number;
  /** Where the intercept would happen, [lat, lon]. */
  interceptAt: [number, number];
  pk: number;
  /** Expected value saved by this shot in the plan, less its price (value units). */
  valueSaved: number;
  threat: LiveAssessment;
  /** The assignment's explanation as the WTA gives it, its tracks named by uid. */
  explanation: Record<string, unknown>;
}

/** Everything one re-plan says. */
export interface LivePlan {
  seq: number;
  /** Picture time, seconds after scenario start, and as a UTC time. */
  t: number;
  time: string;
  tracks: number;
  effectors: number;
  /** Engagements accepted by the operator and not yet reported back. */
  engaging: number;
  /** Expected value the plan leaves to the attackers, and the value at stake without it. */
  survivingValue: number;
  valueAtStake: number;
  recommendations: LiveRecommendation[];
}

/** One track of the picture as the console draws it: local metres and m/s of the scenario's frame. */
export interface LivePictureTrack {
  uid: string;
  /** The picture's stable track number of the uid. */
  id: number;
  e: number;
  n: number;
  u: number;
  vx: number;
  vy: number;
  sigmaM: number;
  pDecoy: number;
  lastUpdateS: number;
}

/** What the operator reports back about an accepted engagement. */
export type EngagementResult = 'kill' | 'miss' | 'aborted';
