// Metrics observe a RunLog (or, for the track picture, the run as it goes) and never change it.

export { computeOutcome } from './outcome.js';
export { Gospa, type GospaParams, type GospaScan } from './gospa.js';
export { TrackScorer, scoreStateRows, type TrackScore } from './track-score.js';
export { trackScoringPhase } from './track-picture.js';
export { peopleOutOfService, type ServiceOutage } from './people-out.js';
