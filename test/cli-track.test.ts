// `bulwark track` as a user runs it: scores, output file, located errors and exit codes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const recording = new URL('./fixtures/swarm-ring-n20-s1-30scans.json', import.meta.url).pathname;

const root = new URL('../', import.meta.url).pathname;

function bulwark(...args: string[]) {
  return runBulwark(args, { cwd: root });
}

describe('bulwark track', () => {
  it('--help runs on a recording that exists, and says how to make one', async () => {
    const help = (await bulwark('track', '--help')).stdout;
    expect(help).not.toContain('swarm.json');
    expect(help).toContain('Making a recording');
    const example = /\$ bulwark track (data\/\S+\.json)/.exec(help)?.[1];
    expect(example).toBeDefined();
    // The shipped example: the recording the tests use, readable from a checkout or the package.
    expect(readFileSync(join(root, example!), 'utf8')).toBe(readFileSync(recording, 'utf8'));
    const r = await bulwark('track', example!);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GOSPA \(c 200 m, p 1, α 2\): mean \d+\.\d\d m/);
    expect(r.stdout).toMatch(/made of localisation [\d,]+ m \+ missed [\d,]+ m \+ false [\d,]+ m per scan/);
  });

  it('scores a recording and writes the confirmed tracks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-track-'));
    const out = join(dir, 'tracks.json');
    const r = await bulwark('track', recording, '--out', out, '--json', '--p', '2');
    expect(r.code).toBe(0);
    const score = JSON.parse(r.stdout).score;
    expect(score.p).toBe(2);
    expect(score.scans).toBe(30);
    expect(score.meanGospa).toBeGreaterThan(0);
    const tracks = JSON.parse(readFileSync(out, 'utf8')).tracks;
    expect(tracks.length).toBeGreaterThan(100);
    expect(Object.keys(tracks[0]).sort()).toEqual(['id', 't', 'vx', 'vy', 'x', 'y']);
  });

  it('runs the IMM filters with --motion imm', async () => {
    const cv = JSON.parse((await bulwark('track', recording, '--json')).stdout).score;
    const r = await bulwark('track', recording, '--json', '--motion', 'imm');
    expect(r.code).toBe(0);
    const imm = JSON.parse(r.stdout).score;
    expect(imm.scans).toBe(30);
    expect(imm.meanGospa).not.toBe(cv.meanGospa);
    expect(imm.meanGospa).toBeLessThan(1.2 * cv.meanGospa);
  });

  it('gives located errors and exit code 2 for bad files and options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-track-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"params": {"sigma": 30},\n "scans": [{"t": 0, "detections": [{"x": 1}]}]}');
    const r = await bulwark('track', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:`);
    expect(r.stderr).toContain("scans[0].detections[0].y: missing field 'y'");
    expect(r.stderr).not.toContain('    at ');
    expect((await bulwark('track', join(dir, 'none.json'))).code).toBe(2);
    expect((await bulwark('track', recording, '--confirm', '5/3')).code).toBe(2);
    expect((await bulwark('track', recording, '--gate', '-1')).code).toBe(2);
    const motion = await bulwark('track', recording, '--motion', 'ct');
    expect(motion.code).toBe(2);
    expect(motion.stderr).toContain("--motion: expected one of cv, imm, found 'ct'");
  });
});
