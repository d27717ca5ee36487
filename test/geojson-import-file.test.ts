// Scenarios that import GeoJSON files, loaded from disk as the CLI loads them.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/io/scenario-file.js';
import { ScenarioLibrary } from '../src/io/scenario-library.js';
import { parseScenario } from '../src/scenario/index.js';

const bin = new URL('../bin/bulwark.js', import.meta.url).pathname;

const scenario = `name: imported
start: 2025-12-14T20:00:00+02:00
duration: 2 h
region: { origin: Kyiv }
assets:
  - { geojson: layers/substations.geojson, kind: substation, value: 30 }
threats:
  - { wave: w, type: shahed-136, count: 4, launch: { from: [50.9, 31.4], at: '+0 min' }, aim: Pivnichna }
defenders:
  - { name: team, type: sting-interceptor, base: Brovary, stock: 4 }
`;

const substations = (value: unknown) =>
  JSON.stringify(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [30.6, 50.5] },
          properties: { name: 'Pivnichna' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [30.4, 50.4] },
          properties: { name: 'Pivdenna', value },
        },
      ],
    },
    null,
    2,
  );

function folder(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-import-'));
  mkdirSync(join(dir, 'layers'));
  writeFileSync(join(dir, 'city.yaml'), scenario);
  writeFileSync(join(dir, 'layers', 'substations.geojson'), substations(value));
  return dir;
}

describe('GeoJSON files a scenario imports', () => {
  it('are read beside the scenario, and written into its text so the text alone reproduces it', () => {
    const dir = folder(45);
    const loaded = loadScenarioFile(join(dir, 'city.yaml'));
    expect(loaded.result.ok).toBe(true);
    if (!loaded.result.ok) return;
    expect(loaded.result.scenario.assets.map((a) => [a.name, a.value])).toEqual([
      ['Pivnichna', 30],
      ['Pivdenna', 45],
    ]);
    expect(loaded.text).not.toContain('substations.geojson');
    const again = parseScenario(loaded.text, 'stored.yaml');
    expect(again.ok && again.scenario).toEqual(loaded.result.scenario);
  });

  it('are validated with errors located in the GeoJSON file, exit code 2', () => {
    const dir = folder('many');
    const r = spawnSync(process.execPath, [bin, 'validate', join(dir, 'city.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    const lines = substations('many').split('\n');
    const line = lines.findIndex((l) => l.includes('"many"'));
    expect(r.stderr.trim()).toBe(
      `${join(dir, 'layers', 'substations.geojson')}:${line + 1}:${lines[line].indexOf('"many"') + 1}: ` +
        "features[1].properties.value: wrong type; expected a number, found 'many'",
    );
  });

  it('runs, and validate lists the towns taken from the gazetteer', () => {
    const dir = folder(45);
    const v = spawnSync(process.execPath, [bin, 'validate', join(dir, 'city.yaml')], { encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('Brovary: [50.51809, 30.80671]   # Brovary, UA');
    const r = spawnSync(process.execPath, [bin, 'run', join(dir, 'city.yaml'), '--json'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).outcome.threatsLaunched).toBe(4);
  });

  it('offered by the server, may only be files beside the scenario in its folder', () => {
    const dir = folder(45);
    const library = new ScenarioLibrary(dir);
    const nested = library.load('city.yaml')!;
    expect(nested.result.ok).toBe(false);
    expect(!nested.result.ok && nested.result.issues[0].message).toBe(
      "cannot read 'layers/substations.geojson': not a file name inside the scenario folder",
    );
    writeFileSync(join(dir, 'substations.geojson'), substations(45));
    writeFileSync(
      join(dir, 'flat.yaml'),
      scenario.replace('layers/substations.geojson', 'substations.geojson'),
    );
    const flat = library.load('flat.yaml')!;
    expect(flat.result.ok).toBe(true);
    expect(flat.text).not.toContain('substations.geojson');
  });

  it('inlines the node and post layouts of sensors too', () => {
    const dir = folder(45);
    writeFileSync(
      join(dir, 'layers', 'masts.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [30.6, 50.6],
                [30.7, 50.6],
              ],
            },
          },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'listened.yaml'),
      scenario +
        `sensors:
  - { type: acoustic, name: mics, nodes: { geojson: layers/masts.geojson } }
  - { type: observer, name: posts, posts: [[50.7, 30.9], { geojson: layers/masts.geojson }] }
`,
    );
    const loaded = loadScenarioFile(join(dir, 'listened.yaml'));
    expect(loaded.result.ok).toBe(true);
    if (!loaded.result.ok) return;
    const [mics, posts] = loaded.result.scenario.sensors;
    expect(mics.type === 'acoustic' && mics.nodeE.length).toBe(2);
    expect(posts.type === 'observer' && posts.postE.length).toBe(3);
    expect(loaded.text).not.toContain('masts.geojson');
    const again = parseScenario(loaded.text, 'stored.yaml');
    expect(again.ok && again.scenario).toEqual(loaded.result.scenario);
  });
});
