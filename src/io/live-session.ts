// The live loop: messages from the feeds become track reports, the picture is re-planned as soon
// as the previous re-plan is out (updates that arrive meanwhile are taken together), and every
// plan is written as one NDJSON line (and, optionally, as CoT to a TAK endpoint). The picture's
// clock is the newest report time, run on by the wall clock between messages, so a replayed
// night and a live one are handled alike. No accepted message for `feedTimeoutS` of wall time is
// a lost feed: said once on the output, tracks then age out at their stale times. Raw detections
// come in as the tracker's reports (run/detection-feed.ts, io/detection-source.ts).

import type { EngagementResult, LivePlan, RejectReason, TrackReport } from '../model/live.js';
import { REJECT_REASONS } from '../model/live.js';
import type { Scenario } from '../model/scenario.js';
import { LivePicture } from '../run/live-picture.js';
import { LivePlanner } from '../run/live-planner.js';
import { feedFrame, reportFromGeoJson, type Decoded, type FeedFrame } from '../scenario/track-report.js';
import { decodeCot, encodeCotRecommendation } from './cot-codec.js';

const WARM_UP =
  '<event version="2.0" uid="warm-up" type="a-h-A" how="m-g" time="2000-01-01T00:00:00Z" start="2000-01-01T00:00:00Z" stale="2000-01-01T00:00:01Z"><point lat="0" lon="0" hae="0" ce="0" le="0"/></event>';

/** Longest wait gathering updates before a re-plan, ms. */
const MAX_GATHER_MS = 50;

export type FeedSource = 'udp' | 'tcp' | 'geojson' | 'detections';

export interface LiveSessionOptions {
  /** Where plan and status lines go (stdout). */
  write: (line: string) => void;
  /** Where each refused message is logged (stderr). */
  log: (line: string) => void;
  /** Wall seconds without an accepted message before the feed counts as lost. */
  feedTimeoutS?: number;
  /** Picture seconds per wall second once the feed is quiet (a replay played faster). */
  clockRate?: number;
  /** Staleness of GeoJSON reports that carry none, s. */
  defaultStaleS?: number;
  /** Recommendations as CoT go here, when set. */
  sendCot?: (xml: string) => void;
  /** Keep every update-to-plan latency (for the benchmark); off by default. */
  keepLatencies?: boolean;
  /** The wall clock, ms (performance.now by default). */
  now?: () => number;
}

export interface LiveCounts {
  received: number;
  accepted: number;
  rejected: Record<RejectReason, number>;
  plans: number;
  aged: number;
}

export class LiveSession {
  readonly picture = new LivePicture();
  readonly planner: LivePlanner;
  readonly counts: LiveCounts;
  readonly latenciesMs: number[] = [];
  private readonly feed: FeedFrame;
  private readonly now: () => number;
  private latestS = -Infinity;
  private latestWallMs = 0;
  private lastAcceptedWallMs: number;
  private feedLost = false;
  /** Arrival of the oldest update not yet in a plan, or -1. */
  private pendingSinceMs = -1;
  private scheduled = false;
  private lastReplanMs = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    readonly scenario: Scenario,
    private readonly options: LiveSessionOptions,
  ) {
    this.planner = new LivePlanner(scenario, this.picture);
    this.feed = feedFrame(scenario.origin, scenario.startIso, options.defaultStaleS ?? 30);
    this.now = options.now ?? (() => performance.now());
    this.lastAcceptedWallMs = this.now();
    const rejected = {} as Record<RejectReason, number>;
    for (const r of REJECT_REASONS) rejected[r] = 0;
    this.counts = { received: 0, accepted: 0, rejected, plans: 0, aged: 0 };
    // The CoT library compiles its schema on first use: do it now, not on the first track.
    decodeCot(WARM_UP, this.feed);
  }

  /** The feed's state as the last status line said it: 'lost' after the feed timeout, else 'ok'. */
  get feedState(): 'ok' | 'lost' {
    return this.feedLost ? 'lost' : 'ok';
  }

  /** Start the once-a-second housekeeping: ageing out, the lost-feed watch. */
  start(): void {
    this.timer ??= setInterval(() => this.tick(), 1000);
    this.timer.unref?.();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Picture time now, seconds after scenario start: the newest report's time while the feed
   * flows; once it has been quiet past the feed timeout, run on by the wall clock so that the
   * tracks age out.
   */
  pictureNowS(): number {
    if (!Number.isFinite(this.latestS)) return 0;
    const quietS = (this.now() - this.latestWallMs) / 1000;
    return (
      this.latestS + (quietS > (this.options.feedTimeoutS ?? 10) ? quietS * (this.options.clockRate ?? 1) : 0)
    );
  }

  cot(xml: string, receivedMs = this.now(), source: FeedSource = 'udp'): void {
    this.take(decodeCot(xml, this.feed), receivedMs, source, xml);
  }

  geoJson(line: string, receivedMs = this.now()): void {
    this.take(reportFromGeoJson(line, this.feed), receivedMs, 'geojson', line);
  }

  /** Reports made here rather than decoded (the tracker over raw detections). */
  reports(reports: readonly TrackReport[], receivedMs = this.now(), source: FeedSource = 'detections'): void {
    for (const report of reports) this.take({ ok: true, report }, receivedMs, source, report.uid);
  }

  /** A message cut off for its size (a stream or line past the limit). */
  tooLarge(bytes: number, source: FeedSource): void {
    this.counts.received++;
    this.reject('too-large', source, `${bytes} bytes without an end`);
  }

  private take(decoded: Decoded, receivedMs: number, source: FeedSource, text: string): void {
    this.counts.received++;
    if (!decoded.ok) {
      this.reject(decoded.reason, source, decoded.message, text);
      return;
    }
    const report = decoded.report;
    // The picture clock follows the feed's time, never backwards.
    if (report.timeS > this.latestS) {
      this.latestS = report.timeS;
      this.latestWallMs = receivedMs;
    }
    const result = this.picture.apply(report, this.pictureNowS());
    if (result !== 'added' && result !== 'updated') {
      this.reject(result, source, `${report.uid} at t=${report.timeS.toFixed(3)} s`);
      return;
    }
    this.counts.accepted++;
    this.lastAcceptedWallMs = receivedMs;
    if (this.feedLost) {
      this.feedLost = false;
      this.status('restored');
    }
    this.changed(receivedMs);
  }

  private reject(reason: RejectReason, source: FeedSource, message: string, text?: string): void {
    this.counts.rejected[reason]++;
    const sample = text === undefined ? '' : ` | ${text.slice(0, 120).replace(/\s+/g, ' ')}`;
    this.options.log(`live: ${source} message refused (${reason}): ${message}${sample}`);
  }

  /** Something changed the picture or the forces: re-plan once the current work is done. */
  changed(sinceMs = this.now()): void {
    if (this.pendingSinceMs < 0) this.pendingSinceMs = sinceMs;
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    // Not at once: each turn of the event loop reads only a few dozen datagrams, so re-planning on
    // every turn would leave the socket to overflow. Waiting half as long as the last re-plan took
    // lets the loop drain what arrived meanwhile; the wait is part of the measured latency.
    setTimeout(() => this.replan(), Math.min(MAX_GATHER_MS, Math.max(1, this.lastReplanMs / 2)));
  }

  /** Re-plan now over everything received so far. */
  replan(): LivePlan {
    this.scheduled = false;
    const began = this.now();
    const t = this.pictureNowS();
    this.counts.aged += this.picture.expire(t);
    const plan = this.planner.replan(t);
    this.counts.plans++;
    this.options.write(JSON.stringify({ plan }) + '\n');
    if (this.options.sendCot) {
      const timeMs = Date.parse(plan.time);
      for (const r of plan.recommendations) this.options.sendCot(encodeCotRecommendation(r, timeMs, 30));
    }
    const ended = this.now();
    this.lastReplanMs = ended - began;
    if (this.pendingSinceMs >= 0 && this.options.keepLatencies)
      this.latenciesMs.push(ended - this.pendingSinceMs);
    this.pendingSinceMs = -1;
    return plan;
  }

  tick(): void {
    const wall = this.now();
    if (!this.feedLost && wall - this.lastAcceptedWallMs > (this.options.feedTimeoutS ?? 10) * 1000) {
      this.feedLost = true;
      this.status('lost');
    }
    const aged = this.picture.expire(this.pictureNowS());
    if (aged > 0) {
      this.counts.aged += aged;
      this.changed(wall);
    }
  }

  /** A status line: the feed's state and the counts so far. */
  status(feed: 'ok' | 'lost' | 'restored' | 'ended'): void {
    const line = {
      status: {
        feed: feed === 'restored' ? 'ok' : feed,
        t: Math.round(this.pictureNowS() * 1000) / 1000,
        tracks: this.picture.tracks.count,
        ...this.counts,
        rejected: { ...this.counts.rejected },
        stock: this.planner.stock(),
      },
    };
    this.options.write(JSON.stringify(line) + '\n');
    if (feed === 'lost')
      this.options.log(
        'live: feed lost — no track report accepted for a while; tracks age out at their stale times',
      );
  }

  accept(track: string, unit: string): string | null {
    const refusal = this.planner.accept(track, unit, this.pictureNowS());
    if (refusal === null) this.changed();
    return refusal;
  }

  rejectRecommendation(track: string, unit: string): string | null {
    const refusal = this.planner.reject(track, unit);
    if (refusal === null) this.changed();
    return refusal;
  }

  result(track: string, unit: string, result: EngagementResult): string | null {
    const refusal = this.planner.report(track, unit, result);
    if (refusal === null) this.changed();
    return refusal;
  }
}
