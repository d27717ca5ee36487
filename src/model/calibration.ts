// Public nightly tallies the model is calibrated against (data/calibration/nights.yaml): what was
// launched by threat type, what the reports say came of it, and where the numbers come from.

/** The tallies a night's reports may give; each is a count of threats. */
export const TALLIES = [
  'dronesShotDown',
  'dronesLostLocally',
  'dronesDownedOrSuppressed',
  'dronesHit',
  'interceptorDroneKills',
  'missilesShotDown',
  'missilesHit',
] as const;

export type TallyName = (typeof TALLIES)[number];

/** Drones (decoys included) or cruise missiles: the two classes reports count apart. */
export type ThreatClass = 'drones' | 'missiles';

/** Which class each tally counts, so residuals can be scaled by that class's launches. */
export const TALLY_CLASS: Record<TallyName, ThreatClass> = {
  dronesShotDown: 'drones',
  dronesLostLocally: 'drones',
  dronesDownedOrSuppressed: 'drones',
  dronesHit: 'drones',
  interceptorDroneKills: 'drones',
  missilesShotDown: 'missiles',
  missilesHit: 'missiles',
};

export interface CalibrationNight {
  /** YYYY-MM-DD, the morning the tallies were reported. */
  date: string;
  label: string;
  /** Threats launched by catalog threat type. */
  launched: Record<string, number>;
  /** How counts the reports do not split by type were split. */
  split?: string;
  /** The tallies the reports give; the others are unknown, never zero. */
  reported: Partial<Record<TallyName, number>>;
  notes?: string;
  sources: string[];
}

export interface CalibrationDataset {
  nights: CalibrationNight[];
}
