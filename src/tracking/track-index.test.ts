import { describe, expect, it, vi } from 'vitest';
import { streamFor } from '../core/rng.js';
import { DetectionBatch } from '../model/detection.js';
import { TrackTable } from '../model/track.js';
import { GNN_DEFAULTS } from './gnn-options.js';
import { GnnTracker } from './gnn.js';
import { TrackIndex } from './track-index.js';

/** Whether a gate of half-width gate·√(trace + r) around (x, y) reaches the report at (px, py). */
function gated(x: number, y: number, trace: number, px: number, py: number, r: number, gate: number) {
  const half = gate * Math.sqrt(trace + r);
  return Math.abs(px - x) <= half && Math.abs(py - y) <= half;
}

describe('TrackIndex.gather', () => {
  it('finds the same gated track–report pairs as checking every pair, rows ascending and once each', () => {
    const rng = streamFor(5, 'track-index');
    let gatedPairs = 0;
    for (let trial = 0; trial < 60; trial++) {
      const rows = 1 + rng.int(400);
      const x = new Float64Array(rows);
      const y = new Float64Array(rows);
      const trace = new Float64Array(rows);
      const placed = new Uint8Array(rows);
      const cap = rng.uniform(1e4, 1e7);
      const spread = rng.uniform(5, 100) * Math.sqrt(cap);
      const place = (k: number) => {
        x[k] = rng.uniform(-spread, spread);
        y[k] = rng.uniform(-spread / 3, spread);
        // Mostly tight gates, some wide ones (just seeded, coasting), an odd NaN.
        const u = rng.uniform(0, 1);
        trace[k] = u < 0.02 ? NaN : u < 0.15 ? rng.uniform(1, 100) * cap : rng.uniform(0.5, 1) * cap;
      };
      for (let k = 0; k < rows; k++) place(k);
      const index = new TrackIndex();
      // Cells from a twentieth of the widest kept gate to twice it.
      const cell = 2 ** Math.round(Math.log2(rng.uniform(0.05, 2) * 5 * Math.sqrt(cap)));
      index.reset(rows, -spread, -spread / 3, spread, spread, cell, cap, rng.int(2 * rows) + 1);
      for (let k = 0; k < rows; k++) {
        if (rng.uniform(0, 1) < 0.9) {
          index.place(k, x[k], y[k], trace[k]);
          placed[k] = 1;
        }
      }
      // Tracks that move within the picture time are placed again; deleted ones are removed.
      for (let j = 0; j < rows / 4; j++) {
        const k = rng.int(rows);
        if (rng.uniform(0, 1) < 0.2) {
          index.remove(k);
          placed[k] = 0;
        } else {
          place(k);
          index.place(k, x[k], y[k], trace[k]);
          placed[k] = 1;
        }
      }
      const out = new Int32Array(rows);
      for (let q = 0; q < 20; q++) {
        const gate = rng.uniform(2, 5);
        const reports = 1 + rng.int(30);
        const cx = rng.uniform(-spread, spread);
        const cy = rng.uniform(-spread, spread);
        const w = rng.uniform(0, 1) < 0.5 ? rng.uniform(0, 10 * Math.sqrt(cap)) : rng.uniform(0, spread / 2);
        const px = Array.from({ length: reports }, () => cx + rng.uniform(-w, w));
        const py = Array.from({ length: reports }, () => cy + rng.uniform(-w, w));
        const pr = Array.from({ length: reports }, () =>
          rng.uniform(1, rng.uniform(0, 1) < 0.1 ? 10 * cap : cap / 10),
        );
        const n = index.gather(
          Math.min(...px),
          Math.min(...py),
          Math.max(...px),
          Math.max(...py),
          gate,
          Math.max(...pr),
          out,
        );
        const found = Array.from(out.subarray(0, n));
        for (let i = 1; i < n; i++) expect(found[i]).toBeGreaterThan(found[i - 1]);
        const pairs = (candidates: number[]) => {
          const list: string[] = [];
          for (const k of candidates)
            for (let d = 0; d < reports; d++)
              if (gated(x[k], y[k], trace[k], px[d], py[d], pr[d], gate)) list.push(`${k}:${d}`);
          return list;
        };
        const all = Array.from({ length: rows }, (_, k) => k).filter((k) => placed[k]);
        const expected = pairs(all);
        expect(pairs(found)).toEqual(expected);
        for (const k of found) expect(placed[k]).toBe(1);
        gatedPairs += expected.length;
      }
    }
    expect(gatedPairs).toBeGreaterThan(1000);
  });

  it('finds a track whose gate just reaches the corner of the box', () => {
    const index = new TrackIndex();
    const out = new Int32Array(2);
    index.reset(2, 0, 0, 2000, 2000, 16, 10_000, 4);
    // Gate half-width 3·√(10,000 + 2,500) = 335.4 m: from (1,335, 665) it reaches (1,000, 1,000).
    index.place(0, 1335, 665, 10_000);
    index.place(1, 1336, 1000, 10_000);
    expect(index.gather(800, 800, 1000, 1000, 3, 2500, out)).toBe(2);
    expect(index.gather(0, 0, 600, 600, 3, 2500, out)).toBe(0);
  });

  it('declines a search over more cells than its budget, and finds nothing before a reset', () => {
    const index = new TrackIndex();
    const out = new Int32Array(4);
    expect(index.gather(0, 0, 10, 10, 3, 100, out)).toBe(0);
    index.reset(4, 0, 0, 100_000, 100_000, 1000, 1e4, 8);
    index.place(0, 50_000, 50_000, 100);
    index.place(3, 0, 0, 1e9); // wide: always a candidate
    expect(index.gather(0, 0, 100_000, 100_000, 3, 100, out, 50)).toBe(-1);
    expect(index.gather(49_000, 49_000, 51_000, 51_000, 3, 100, out, 50)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 3]);
  });
});

const CLUSTER_X = [0, 300_000, -250_000];

describe('GNN tracker with its track index', () => {
  it('keeps the same picture as visiting every track on every scan', () => {
    const rng = streamFor(9, 'gnn-index');
    // About 150 targets in three clusters far apart, a radar on each, a coarse late sensor on all.
    const targets = Array.from({ length: 150 }, (_, i) => {
      const base = CLUSTER_X[i % 3];
      return {
        x: base + rng.uniform(-40_000, 40_000),
        y: rng.uniform(-40_000, 40_000),
        vx: rng.uniform(-60, 60),
        vy: rng.uniform(-60, 60),
      };
    });
    const indexed = new GnnTracker({ ...GNN_DEFAULTS, gate: 4, missCost: 4, maxCoastS: 20 });
    const plain = new GnnTracker({ ...GNN_DEFAULTS, gate: 4, missCost: 4, maxCoastS: 20 });
    plain.gating.indexMinTracks = Infinity;
    const gathers = vi.spyOn(indexed.gating as unknown as { gatherNear(): number }, 'gatherNear');
    const batch = new DetectionBatch();
    const idx = new Int32Array(512);
    const a = new TrackTable();
    const b = new TrackTable();
    let checked = 0;
    for (let t = 0; t < 90; t++) {
      for (let sensor = 0; sensor < 4; sensor++) {
        if (sensor === 3 && t % 5 !== 4) continue;
        const late = sensor === 3 ? 3 : 0;
        const sigma = sensor === 3 ? 800 : 60 + 40 * sensor;
        batch.clear();
        let n = 0;
        for (let i = 0; i < targets.length; i++) {
          const g = targets[i];
          if (sensor < 3 && i % 3 !== sensor) continue;
          if (rng.uniform(0, 1) > 0.85) continue;
          const ts = t - late;
          idx[n++] = batch.addPosition(
            sensor,
            ts,
            g.x + g.vx * ts + sigma * rng.normal(),
            g.y + g.vy * ts + sigma * rng.normal(),
            0,
            sigma,
            NaN,
          );
        }
        // Clutter.
        for (let c = 0; c < 5; c++)
          idx[n++] = batch.addPosition(
            sensor,
            t - late,
            (sensor < 3 ? CLUSTER_X[sensor] : 0) + rng.uniform(-60_000, 60_000),
            rng.uniform(-60_000, 60_000),
            0,
            sigma,
            NaN,
          );
        indexed.processScan(batch, idx, n, t - late, sensor);
        plain.processScan(batch, idx, n, t - late, sensor);
      }
      indexed.coast(t);
      plain.coast(t);
      indexed.writeConfirmed(t, a);
      plain.writeConfirmed(t, b);
      expect(a.count).toBe(b.count);
      for (let i = 0; i < a.count; i++) {
        expect(a.id[i]).toBe(b.id[i]);
        expect(a.x[i]).toBe(b.x[i]);
        expect(a.y[i]).toBe(b.y[i]);
        expect(a.sigmaM[i]).toBe(b.sigmaM[i]);
      }
      checked += a.count;
    }
    expect(checked).toBeGreaterThan(50 * 100);
    // The radar scans went through the index, each visiting a part of the picture.
    const used = gathers.mock.results.filter((r) => (r.value as number) >= 0).length;
    expect(used).toBeGreaterThan(150);
  });
});
