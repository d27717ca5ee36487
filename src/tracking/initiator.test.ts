import { describe, expect, it } from 'vitest';
import { DetectionBatch } from '../model/detection.js';
import { MissDeleter } from './deleter.js';
import { Fusion } from './fusion.js';
import { GNN_DEFAULTS, type GnnOptions } from './gnn-options.js';
import { MOfNInitiator } from './initiator.js';
import { ReportNoise } from './report-noise.js';
import { CONFIRMED, DEAD, TENTATIVE, TrackStore } from './track-store.js';

function roles(options: Partial<GnnOptions> = {}) {
  const o = { ...GNN_DEFAULTS, ...options };
  const store = new TrackStore();
  const noise = new ReportNoise(o.minSigmaM);
  const initiator = new MOfNInitiator(store, noise, new Fusion(store, noise, o), o);
  return { store, initiator, deleter: new MissDeleter(store, o) };
}

function seedOne(initiator: MOfNInitiator, store: TrackStore): number {
  const batch = new DetectionBatch();
  const m = batch.addPosition(0, 0, 100, 200, 0, 50, NaN);
  store.timeS = 0;
  return initiator.seed(batch, m, 0, 0);
}

describe('M-of-N track initiation and deletion', () => {
  it('confirms a tentative track at its 3rd hit within 5 scans, the seed counting', () => {
    const { store, initiator } = roles();
    const k = seedOne(initiator, store);
    expect(store.status[k]).toBe(TENTATIVE);
    expect([store.state[4 * k], store.state[4 * k + 2]]).toEqual([100, 200]);
    // hit, miss, hit: 3 of the last 4 scans (history 0b1011).
    initiator.hit(k);
    initiator.confirm();
    expect(store.status[k]).toBe(TENTATIVE);
    store.misses[k] = 1;
    initiator.miss(k);
    initiator.confirm();
    expect(store.status[k]).toBe(TENTATIVE);
    store.misses[k] = 0;
    initiator.hit(k);
    initiator.confirm();
    expect(store.status[k]).toBe(CONFIRMED);
    expect(store.misses[k]).toBe(0);
  });

  it('abandons a tentative track at 2 consecutive misses, or when 5 scans pass unconfirmed', () => {
    const { store, initiator } = roles();
    const a = seedOne(initiator, store);
    store.misses[a] = 2;
    initiator.miss(a);
    initiator.miss(a);
    initiator.confirm();
    expect(store.status[a]).toBe(DEAD);

    const b = seedOne(initiator, store);
    // hit, miss, miss-not-counted (another sensor), …: 2 hits in 5 scans never confirm.
    initiator.hit(b);
    for (let s = 0; s < 3; s++) {
      initiator.miss(b);
      store.misses[b] = 1;
      initiator.confirm();
    }
    expect(store.scans[b]).toBe(5);
    expect(store.status[b]).toBe(DEAD);
    expect(store.id[b]).toBe(store.id[a] + 1);
  });

  it('confirms at once when one hit confirms', () => {
    const { store, initiator } = roles({ confirmHits: 1 });
    expect(store.status[seedOne(initiator, store)]).toBe(CONFIRMED);
  });

  it('deletes a confirmed track at its 3rd consecutive miss and any track after the coast limit', () => {
    const { store, initiator, deleter } = roles({ maxCoastS: 30, confirmHits: 1 });
    const k = seedOne(initiator, store);
    const j = seedOne(initiator, store);
    store.misses[k] = 2;
    expect(deleter.due(k)).toBe(false);
    store.misses[k] = 3;
    expect(deleter.due(k)).toBe(true);
    deleter.deleteMissed();
    expect(store.status[k]).toBe(DEAD);
    expect(store.status[j]).toBe(CONFIRMED);
    // One dead row of two: the coast pass compacts, keeping j's id.
    const id = store.id[j];
    deleter.coast(30);
    expect(store.count).toBe(1);
    expect(store.id[0]).toBe(id);
    deleter.coast(30.5);
    expect(store.live).toBe(0);
    expect(store.count).toBe(0);
  });
});
