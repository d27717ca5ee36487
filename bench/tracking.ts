// Tracker accuracy and speed against the reference tracker (Stone Soup GNN) on the shared
// swarm-ring recordings, plus a 2,000-target swarm with 200 false alarms per scan. Parity is judged
// with the reference settings (constant-velocity filters); the IMM filters (motion 'imm') are timed
// and scored beside them on the same files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreStateRows } from '../src/metrics/index.js';
import type { Recording } from '../src/model/recording.js';
import { replayTracker, type ReplayOptions } from '../src/run/track-replay.js';
import { parseRecording, parseTrackRows } from '../src/scenario/recording.js';
import { generateSwarmRing } from './swarm-ring.js';

const SHARED = fileURLToPath(new URL('../../shared/bench/tracking/', import.meta.url));
const FILES = [
  'n20-s1',
  'n20-s2',
  'n20-s3',
  'n100-s1',
  'n100-s2',
  'n100-s3',
  'n200-s1',
  'n200-s2',
  'n200-s3',
];

/** The reference settings with IMM filters instead of constant-velocity ones. */
const IMM: ReplayOptions = { motion: 'imm' };

function referenceTimes(): Map<string, number> {
  const times = new Map<string, number>();
  const text = readFileSync(`${SHARED}reference.txt`, 'utf8');
  for (const line of text.split('\n')) {
    const m = /n=(\d+) seed=(\d+) mean\/scan=([\d.]+)ms/.exec(line);
    if (m) times.set(`n${m[1]}-s${m[2]}`, Number(m[3]));
  }
  return times;
}

/** Mean wall time per scan of the tracker alone, ms (best of `repeats` replays). */
function timePerScan(recording: Recording, repeats: number, options: ReplayOptions = {}): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    replayTracker(recording, options);
    best = Math.min(best, performance.now() - t0);
  }
  return best / recording.scanTimeS.length;
}

export function run(): boolean {
  console.log('\n## Tracking vs the reference GNN tracker (Stone Soup), GOSPA c = 200 m, p = 1');
  const refTimes = referenceTimes();
  let ok = true;
  const head = [
    'file',
    'GOSPA ours',
    'GOSPA ref',
    'diff',
    'ms/scan',
    'ref ms/scan',
    'speed-up',
    'verdict',
    'IMM GOSPA',
    'IMM ms/scan',
    'IMM/CV time',
  ];
  console.log(head.map((h) => h.padEnd(13)).join(''));
  // Warm the JIT on a small file first.
  const warm = parseRecording(readFileSync(`${SHARED}scenario-n20-s1.json`, 'utf8'));
  if (warm.ok) {
    for (let w = 0; w < 5; w++) replayTracker(warm.recording);
    for (let w = 0; w < 5; w++) replayTracker(warm.recording, IMM);
  }
  for (const name of FILES) {
    const parsed = parseRecording(readFileSync(`${SHARED}scenario-${name}.json`, 'utf8'), name);
    const ref = parseTrackRows(readFileSync(`${SHARED}stonesoup-${name}.json`, 'utf8'));
    if (!parsed.ok || !ref.ok) {
      console.log(`${name}: cannot read the shared file`);
      ok = false;
      continue;
    }
    const rec = parsed.recording;
    const params = { cutoffM: 200, p: 1 };
    const ours = scoreStateRows(rec, replayTracker(rec), params);
    const theirs = scoreStateRows(rec, ref.rows, params);
    const diff = ours.meanGospa / theirs.meanGospa - 1;
    const ms = timePerScan(rec, 5);
    const immScore = scoreStateRows(rec, replayTracker(rec, IMM), params);
    const immMs = timePerScan(rec, 5, IMM);
    const refMs = refTimes.get(name) ?? NaN;
    const speedUp = refMs / ms;
    const n = Number(/n(\d+)/.exec(name)![1]);
    const pass = Math.abs(diff) <= 0.02 && (n < 200 || speedUp >= 100);
    ok &&= pass;
    console.log(
      [
        name,
        ours.meanGospa.toFixed(2),
        theirs.meanGospa.toFixed(2),
        `${(100 * diff).toFixed(2)}%`,
        ms.toFixed(3),
        refMs.toFixed(1),
        `${speedUp.toFixed(0)}×`,
        pass ? 'ok' : 'FAIL',
        immScore.meanGospa.toFixed(2),
        immMs.toFixed(3),
        `${(immMs / ms).toFixed(2)}×`,
      ]
        .map((x) => x.padEnd(13))
        .join(''),
    );
  }

  console.log('\n## Tracking a 2,000-drone swarm-ring with 200 false alarms per scan (target < 20 ms/scan)');
  for (const seed of [1, 2]) {
    const rec = generateSwarmRing({ n: 2000, clutter: 200, seed });
    const ms = timePerScan(rec, 3);
    const score = scoreStateRows(rec, replayTracker(rec), { cutoffM: 200, p: 1 });
    const pass = ms < 20;
    ok &&= pass;
    console.log(
      `seed ${seed}: ${ms.toFixed(2)} ms/scan  GOSPA mean ${score.meanGospa.toFixed(1)} m  ` +
        `missed ${score.missedTargetScans}  false ${score.falseTrackScans}  id switches ${score.idSwitches}  ` +
        `${pass ? 'ok' : 'FAIL'}`,
    );
    const immMs = timePerScan(rec, 3, IMM);
    const imm = scoreStateRows(rec, replayTracker(rec, IMM), { cutoffM: 200, p: 1 });
    console.log(
      `        IMM: ${immMs.toFixed(2)} ms/scan (${(immMs / ms).toFixed(2)}× CV)  GOSPA mean ` +
        `${imm.meanGospa.toFixed(1)} m  id switches ${imm.idSwitches}`,
    );
  }
  return ok;
}
