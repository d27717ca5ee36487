// The siting API over a scenario folder: results of `bulwark site` listed and served (the shipped
// Kyiv result, written before verdicts were stored, gets them), with the scenarios they name when
// those are in the folder; damaged files listed with what is wrong; names outside the folder refused.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KYIV = join(ROOT, 'docs', 'siting', 'kyiv-layered-night.siting.json');
const root = mkdtempSync(join(tmpdir(), 'bulwark-sitings-'));
let app: FastifyInstance;

beforeAll(async () => {
  copyFileSync(KYIV, join(root, 'kyiv-layered-night.siting.json'));
  copyFileSync(join(ROOT, 'scenarios', 'kyiv-layered-night.yaml'), join(root, 'kyiv-layered-night.yaml'));
  const result = JSON.parse(readFileSync(KYIV, 'utf8'));
  result.moves[2].to.latDeg = 'north';
  writeFileSync(join(root, 'damaged.siting.json'), JSON.stringify(result));
  writeFileSync(join(root, 'cut.siting.json'), '{"scenarioName": "Kyiv", "moves": [');
  app = await buildServer({ scenariosDir: root, resultsDir: join(root, 'runs') });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('siting API', () => {
  it('lists the results of the folder, damaged ones with what is wrong, and not as scenarios', async () => {
    const { sitings } = (await app.inject('/api/sitings')).json();
    expect(sitings).toEqual([
      expect.objectContaining({ id: 'cut.siting.json', ok: false, error: expect.stringMatching(/not JSON/) }),
      expect.objectContaining({
        id: 'damaged.siting.json',
        ok: false,
        error:
          'damaged.siting.json: not a siting result: moves[2].to.latDeg: expected a number, found string',
      }),
      {
        id: 'kyiv-layered-night.siting.json',
        ok: true,
        scenarioName: 'Kyiv, a layered night',
        objective: 'asset value lost',
        moved: 5,
        scenario: 'kyiv-layered-night.yaml',
        sited: null,
      },
    ]);
    const { scenarios } = (await app.inject('/api/scenarios')).json();
    expect(scenarios.map((s: { id: string }) => s.id)).toEqual(['kyiv-layered-night.yaml']);
    expect((await app.inject('/api/scenarios/kyiv-layered-night.siting.json')).statusCode).toBe(404);
  });

  it('serves one result with a verdict per row', async () => {
    const response = await app.inject('/api/sitings/kyiv-layered-night.siting.json');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scenario).toBe('kyiv-layered-night.yaml');
    expect(body.result.moves[0]).toMatchObject({ unit: 'defenders.fg-desna', to: { latDeg: 50.61647 } });
    expect(body.result.check.map((r: { verdict: string }) => r.verdict)).toEqual([
      'sited better (CIs apart)',
      'CIs overlap',
      'CIs overlap',
      'CIs overlap',
    ]);
  });

  it('answers a damaged result with 422 and its problem, an unknown or outside name with 404', async () => {
    const damaged = await app.inject('/api/sitings/damaged.siting.json');
    expect(damaged.statusCode).toBe(422);
    expect(damaged.json().error).toMatch(/moves\[2\]\.to\.latDeg/);
    for (const id of [
      'nope.siting.json',
      'kyiv-layered-night.yaml',
      '..%2Fetc.siting.json',
      '.hidden.siting.json',
    ])
      expect((await app.inject(`/api/sitings/${id}`)).statusCode).toBe(404);
  });
});
