// A track picture of one track, put in by hand, for tests that step defender phases directly.

import type { World } from '../src/model/world.js';

/** Replaces the world's picture by one track `id` at (x, y, z) flying (vx, vy), last updated at t. */
export function putTrack(
  world: World,
  id: number,
  position: [number, number, number],
  velocity: [number, number],
  t: number,
): number {
  const tracks = world.tracks;
  tracks.clear();
  const i = tracks.add();
  tracks.id[i] = id;
  [tracks.x[i], tracks.y[i], tracks.z[i]] = position;
  [tracks.vx[i], tracks.vy[i]] = velocity;
  tracks.vz[i] = 0;
  tracks.lastUpdateS[i] = t;
  tracks.markChanged();
  return id;
}
