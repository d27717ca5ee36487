// Plays raw detections into the live loop: each scan of the recording goes through the tracker
// (run/detection-feed.ts) at its own time, paced by the wall clock `speed` times faster than it
// was recorded, and the confirmed tracks enter the picture as reports.

import type { DetectionFeed } from '../run/detection-feed.js';
import type { LiveSession } from './live-session.js';

export interface DetectionPlayOptions {
  /** Recorded seconds per wall second. */
  speed: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each scan with its time and the confirmed tracks it gave. */
  onScan?: (t: number, tracks: number) => void;
}

/** Feeds every scan; resolves after the last. Returns the track reports given to the session. */
export async function playDetections(
  feed: DetectionFeed,
  session: LiveSession,
  options: DetectionPlayOptions,
): Promise<number> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const wall0 = performance.now();
  let reports = 0;
  for (let s = 0; s < feed.scans; s++) {
    const due = wall0 + ((feed.timeS(s) - feed.timeS(0)) / options.speed) * 1000;
    const wait = due - performance.now();
    // Every scan yields once at least, so re-plans and the operator API get their turn.
    if (wait > 1) await sleep(wait);
    else await new Promise((r) => setImmediate(r));
    const scan = feed.reports(s);
    session.reports(scan);
    reports += scan.length;
    options.onScan?.(feed.timeS(s), scan.length);
  }
  return reports;
}
