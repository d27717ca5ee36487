// `bulwark track`: replays recorded detections through the GNN tracker, writes the confirmed
// tracks and scores them (GOSPA) against the recording's truth.

import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadRecordingFile } from '../../io/recording-file.js';
import { scoreStateRows, type TrackScore } from '../../metrics/index.js';
import { TRACKER_MOTIONS } from '../../model/scenario.js';
import { replayTracker, type ReplayOptions } from '../../run/track-replay.js';
import { formatIssue } from '../../scenario/index.js';
import { formatTrackRows } from '../../scenario/recording.js';
import { GNN_DEFAULTS } from '../../tracking/index.js';
import { UsageError } from '../errors.js';
import { gospaParts } from '../format-gospa.js';

interface TrackCommandOptions {
  out?: string;
  json?: boolean;
  gospa: boolean;
  sigma?: string;
  gate?: string;
  missCost?: string;
  q?: string;
  initialSpeedSigma?: string;
  confirm?: string;
  tentativeMisses?: string;
  deleteMisses?: string;
  motion?: string;
  cutoff: string;
  p: string;
}

export function registerTrack(program: Command): void {
  const d = GNN_DEFAULTS;
  program
    .command('track')
    .description(
      'run the tracker over recorded detections, write confirmed tracks, score them against the truth',
    )
    .argument(
      '<recording>',
      'recorded detections (JSON: {params, truth, scans}; see docs/sensing-and-tracking.md)',
    )
    .option('--out <file>', 'write the confirmed tracks of every scan as {tracks: [{id, t, x, vx, y, vy}]}')
    .option('--json', 'print the score as JSON')
    .option('--no-gospa', 'do not score against the truth')
    .option('--sigma <m>', "report position error σ per axis, m (default: the file's params.sigma)")
    .option('--gate <d>', `Mahalanobis gate √(νᵀS⁻¹ν) (default ${d.gate})`)
    .option('--miss-cost <d>', `cost of a track's "missed" option (default ${d.missCost})`)
    .option(
      '--q <m2s3>',
      `process noise spectral density, m²/s³ (default: the file's params.q, else ${d.processNoise})`,
    )
    .option(
      '--initial-speed-sigma <mps>',
      `velocity σ of a new track, m/s (default ${d.initialSpeedSigmaMps})`,
    )
    .option(
      '--confirm <M/N>',
      `confirm after M updates within N scans (default ${d.confirmHits}/${d.confirmWindow})`,
    )
    .option(
      '--tentative-misses <n>',
      `drop a tentative track at n consecutive misses (default ${d.tentativeMaxMisses})`,
    )
    .option(
      '--delete-misses <n>',
      `delete a confirmed track at n consecutive misses (default ${d.deleteAfterMisses})`,
    )
    .option(
      '--motion <model>',
      `track filter: cv (constant velocity) or imm (constant velocity + coordinated turn) (default ${d.motion})`,
    )
    .option('--cutoff <m>', 'GOSPA cut-off c, m', '200')
    .option('--p <p>', 'GOSPA order p ≥ 1', '1')
    .addHelpText(
      'after',
      `
Examples:
  $ bulwark track data/recordings/swarm-ring-n20-s1-30scans.json     # GOSPA of the tracker on the shipped recording
  $ bulwark track data/recordings/swarm-ring-n20-s1-30scans.json --out tracks.json   # also write the tracks
  $ bulwark track my-recording.json --gate 4 --confirm 2/3 --p 2 --json
  $ bulwark track my-recording.json --motion imm      # IMM filters for manoeuvring targets

Making a recording: write JSON in this shape (times in s, positions in local metres, truth_id
null for clutter; params.sigma is the report error σ, params.q the targets' process noise):
  {"params": {"sigma": 30, "q": 0.5},
   "truth": [{"id": 0, "t": 0, "x": 0, "vx": 50, "y": 0, "vy": 0}, ...],
   "scans": [{"t": 0, "detections": [{"x": 12.5, "y": -8.1, "truth_id": 0}, ...]}, ...]}
data/recordings/ holds a 20-target, 30-scan example (swarm-ring format, see
docs/sensing-and-tracking.md).

Exit codes: 0 done, 2 bad file or option (each error as file:line:column: field: message).`,
    )
    .action((file: string, options: TrackCommandOptions) => {
      const loaded = loadRecordingFile(file);
      if (!loaded.ok) throw new UsageError(loaded.issues.map(formatIssue).join('\n'));
      const recording = loaded.recording;
      const replay = replayOptions(options);
      if (replay.sigmaM === undefined && recording.sigmaM === undefined) {
        throw new UsageError(`${file}: the file has no params.sigma; give the report error with --sigma <m>`);
      }
      const rows = replayTracker(recording, replay);
      if (options.out) writeFileAtomic(options.out, formatTrackRows(rows));
      const cutoffM = positive(options.cutoff, '--cutoff');
      const p = positive(options.p, '--p');
      if (p < 1) throw new UsageError(`--p: expected a number ≥ 1, found '${options.p}'`);
      const scans = recording.scanTimeS.length;
      const confirmedRows = rows.count;
      if (!options.gospa) {
        process.stdout.write(`${file}: ${scans} scans, ${confirmedRows} confirmed track-scans\n`);
        return;
      }
      const score = scoreStateRows(recording, rows, { cutoffM, p });
      if (options.json) process.stdout.write(JSON.stringify({ file, score }, null, 2) + '\n');
      else process.stdout.write(`${file}: ${scans} scans\n${formatScore(score)}\n`);
    });
}

export function formatScore(s: TrackScore): string {
  return [
    `GOSPA (c ${s.cutoffM} m, p ${s.p}, α 2): mean ${s.meanGospa.toFixed(2)} m, final ${s.finalGospa.toFixed(2)} m`,
    `  made of ${gospaParts(s)}`,
    `track-id switches=${s.idSwitches}  truths tracked=${s.truthsTracked} of ${s.truthsDetected} reported (${s.truthsSeen} in all)  ` +
      `mean time to confirm=${Number.isFinite(s.meanTimeToConfirmS) ? s.meanTimeToConfirmS.toFixed(1) + ' s' : '–'}`,
  ].join('\n');
}

function replayOptions(o: TrackCommandOptions): ReplayOptions {
  const out: ReplayOptions = {};
  if (o.sigma !== undefined) out.sigmaM = positive(o.sigma, '--sigma');
  if (o.gate !== undefined) out.gate = positive(o.gate, '--gate');
  if (o.missCost !== undefined) out.missCost = positive(o.missCost, '--miss-cost');
  if (o.q !== undefined) out.processNoise = positive(o.q, '--q');
  if (o.initialSpeedSigma !== undefined)
    out.initialSpeedSigmaMps = positive(o.initialSpeedSigma, '--initial-speed-sigma');
  if (o.confirm !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(o.confirm.trim());
    const hits = m ? Number(m[1]) : NaN;
    const window = m ? Number(m[2]) : NaN;
    if (!m || hits < 1 || window < hits || window > 32)
      throw new UsageError(`--confirm: expected M/N with 1 ≤ M ≤ N ≤ 32, like 3/5, found '${o.confirm}'`);
    out.confirmHits = hits;
    out.confirmWindow = window;
  }
  if (o.tentativeMisses !== undefined)
    out.tentativeMaxMisses = whole(o.tentativeMisses, '--tentative-misses');
  if (o.deleteMisses !== undefined) out.deleteAfterMisses = whole(o.deleteMisses, '--delete-misses');
  if (o.motion !== undefined) {
    const motion = TRACKER_MOTIONS.find((m) => m === o.motion!.trim());
    if (!motion)
      throw new UsageError(`--motion: expected one of ${TRACKER_MOTIONS.join(', ')}, found '${o.motion}'`);
    out.motion = motion;
  }
  return out;
}

function positive(text: string, flag: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !(v > 0))
    throw new UsageError(`${flag}: expected a number above 0, found '${text}'`);
  return v;
}

function whole(text: string, flag: string): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || v < 1 || v > 1000)
    throw new UsageError(`${flag}: expected a whole number from 1 to 1000, found '${text}'`);
  return v;
}
