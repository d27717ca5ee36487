// The `bulwark` executable as a user runs it: exit codes, messages, outputs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runBulwark } from './run-bulwark.js';

const small = new URL('./fixtures/small-night.yaml', import.meta.url).pathname;

function bulwark(...args: string[]) {
  return runBulwark(args);
}

describe('bulwark CLI', () => {
  it('runs the built-in default scenario', async () => {
    const r = await bulwark('run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kyiv, a winter night');
    expect(r.stdout).toContain('cost-exchange ratio');
  });

  it('prints the outcome as JSON, and writes the event log as NDJSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const events = join(dir, 'night.ndjson');
    const r = await bulwark('run', small, '--seed', '4', '--json', '--events', events);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.seed).toBe(4);
    expect(out.outcome.threatsLaunched).toBe(16);
    const lines = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((e) => e.kind === 'threat-launch')).toHaveLength(16);
  });

  it('writes the night as GeoJSON and KML that maintained readers accept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const geojson = join(dir, 'night.geojson');
    const kmlFile = join(dir, 'night.kml');
    const r = await bulwark('run', small, '--seed', '4', '--json', '--geojson', geojson, '--kml', kmlFile);
    expect(r.code, r.stderr).toBe(0);
    const outcome = JSON.parse(r.stdout).outcome;
    const collection = check(readFileSync(geojson, 'utf8')) as FeatureCollection;
    const kills = collection.features.filter((f) => f.properties?.result === 'kill');
    expect(kills).toHaveLength(outcome.destroyed);
    expect(collection.features.filter((f) => f.properties?.layer === 'threat-path')).toHaveLength(16);
    const back = kml(
      new DOMParser().parseFromString(readFileSync(kmlFile, 'utf8'), 'text/xml') as unknown as Document,
    );
    expect(back.features).toHaveLength(collection.features.length);
    expect((await bulwark('run', small, '--kml', join(dir, 'no', 'such', 'folder.kml'))).code).toBe(2);
    expect((await bulwark('run', small, '--geojson', geojson, '--sample-every', 'often')).code).toBe(2);
  });

  it('validates a good file', async () => {
    const r = await bulwark('validate', small);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('lists the catalog figures a scenario runs with, sensors included, with validate --figures', async () => {
    const sensors = new URL('../scenarios/kyiv-night-sensors.yaml', import.meta.url).pathname;
    const r = await bulwark('validate', sensors, '--figures');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('catalog figures in use:'))).toMatch(/: \d+, \d+ unverified/);
    const line = (name: string) => lines.findIndex((l) => l.includes(` ${name} = `));
    // A radar's cross-section of a Shahed, and who reads it.
    const rcs = line('threats/shahed-136.rcs');
    expect(lines[rcs]).toMatch(/^ {2}! threats\/shahed-136\.rcs = 0\.1 m² — /);
    expect(lines[rcs + 1]).toContain('radar-north vs shahed-136');
    expect(lines[line('threats/shahed-136.noise')]).toContain('= piston');
    expect(lines[line('sensors/acoustic.hearing-range-piston')]).toContain('= 3 km');
    // The file's own radar latency shows as an override.
    expect(lines[line('sensors/radar.latency') + 1]).toContain('overridden by radar-north (2 s)');
  });

  it('warns of an implausible file, runs it anyway, and refuses it with validate --strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const odd = join(dir, 'odd.yaml');
    writeFileSync(
      odd,
      readFileSync(small, 'utf8')
        .replace('at: [50.40, 30.60]', 'at: [30.60, 50.40]')
        .replace('count: 12\n', 'count: 12\n    speed: 180\n'),
    );
    const checked = await bulwark('validate', odd);
    expect(checked.code).toBe(0);
    const warnings = checked.stderr.trim().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`^warning: ${odd}:13:\\d+: assets\\[1\\]\\.at: `));
    expect(warnings[1]).toMatch(new RegExp(`^warning: ${odd}:18:12: threats\\[0\\]\\.speed: a bare number`));
    const ran = await bulwark('run', odd, '--json');
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain('warning: ');
    const strict = await bulwark('validate', odd, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('implausible (--strict)');
    expect(strict.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every error of a bad file located, with exit code 2 and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(small, 'utf8').replace('shahed-136', 'shahed-13').replace('5 km,', '5 kmh,'),
    );
    const r = await bulwark('validate', bad);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${bad}:\\d+:\\d+: threats\\[0\\]\\.type: unknown threat type 'shahed-13'.*did you mean 'shahed-136'`,
      ),
    );
    expect(lines[1]).toMatch(/threats\[0\]\.launch\.spread: unknown length unit 'kmh'/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect((await bulwark('run', bad)).code).toBe(2);
  });

  it('gives a located error for a missing file and for a bad seed', async () => {
    const missing = await bulwark('run', '/nonexistent/night.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('/nonexistent/night.yaml:1:1: (file): no such file\n');
    const seed = await bulwark('run', small, '--seed', 'abc');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed');
  });

  it('has help with examples for every command, and rejects unknown flags with exit 2', async () => {
    for (const command of ['run', 'validate']) {
      const r = await bulwark(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    expect((await bulwark('--help')).stdout).toContain('Examples:');
    expect((await bulwark('run', '--bogus')).code).toBe(2);
    expect((await bulwark('frobnicate')).code).toBe(2);
  });
});
