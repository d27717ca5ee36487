// Scores the track picture against the truth while the run goes: after the tracking phase, every
// scoring period, the threats in the air (truth) against the confirmed tracks C2 sees. Every step's
// reports tell the scorer when each threat was first seen by a sensor.

import { every, type Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { ThreatStatus, type World } from '../model/world.js';
import { TrackScorer } from './track-score.js';

export function trackScoringPhase(scorer: TrackScorer, periodS: number): Phase<World> {
  const scoring = every(periodS);
  let ids = new Int32Array(256);
  let xs = new Float64Array(256);
  let ys = new Float64Array(256);
  return {
    name: 'track-scoring',
    step(world: World, clock: Clock): void {
      const reports = world.detections;
      for (let k = 0; k < reports.count; k++) scorer.reported(reports.truth[k], reports.timeS[k]);
      if (!scoring.due(clock)) return;
      const t = clock.end;
      const threats = world.threats;
      if (ids.length < threats.launchedCount) {
        ids = new Int32Array(threats.count);
        xs = new Float64Array(threats.count);
        ys = new Float64Array(threats.count);
      }
      let m = 0;
      for (let i = 0; i < threats.launchedCount; i++) {
        if (threats.status[i] !== ThreatStatus.Flying) continue;
        ids[m] = i;
        xs[m] = threats.x[i];
        ys[m] = threats.y[i];
        m++;
      }
      const tracks = world.tracks;
      if (m === 0 && tracks.count === 0) return;
      scorer.scan(t, ids, xs, ys, m, tracks.id, tracks.x, tracks.y, tracks.count);
    },
  };
}
