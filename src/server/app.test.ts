import { mkdtempSync, mkdirSync, copyFileSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { RunLogAssembler, type RunLine } from '../model/run-log-lines.js';
import { buildServer } from './app.js';
import { isLoopbackHost } from './auth.js';

const root = mkdtempSync(join(tmpdir(), 'bulwark-server-'));
const scenariosDir = join(root, 'scenarios');
const resultsDir = join(root, 'results');
let app: FastifyInstance;

beforeAll(async () => {
  mkdirSync(scenariosDir);
  copyFileSync(
    new URL('../../scenarios/kyiv-night.yaml', import.meta.url),
    join(scenariosDir, 'kyiv-night.yaml'),
  );
  writeFileSync(join(scenariosDir, 'broken.yaml'), 'version: 1\nname: broken\nduration: 8 parsecs\n');
  writeFileSync(join(root, 'secret.yaml'), 'not for the web');
  symlinkSync(join(root, 'secret.yaml'), join(scenariosDir, 'escape.yaml'));
  app = await buildServer({ scenariosDir, resultsDir, bodyLimitBytes: 64 * 1024 });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('scenario API', () => {
  it('lists the scenario files of the folder, not links leading out of it', async () => {
    const response = await app.inject('/api/scenarios');
    expect(response.statusCode).toBe(200);
    const ids = response.json().scenarios.map((s: { id: string }) => s.id);
    expect(ids).toEqual(['broken.yaml', 'kyiv-night.yaml']);
  });

  it('returns a scenario parsed into SI units', async () => {
    const response = await app.inject('/api/scenarios/kyiv-night.yaml');
    expect(response.statusCode).toBe(200);
    expect(response.json().scenario.durationS).toBe(8 * 3600);
  });

  it('reports located issues for an invalid scenario file', async () => {
    const response = await app.inject('/api/scenarios/broken.yaml');
    expect(response.statusCode).toBe(422);
    const issue = response.json().issues.find((i: { field: string }) => i.field === 'duration');
    expect(issue).toMatchObject({ file: 'broken.yaml', line: 3 });
  });

  it.each([
    '..%2Fsecret.yaml',
    '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2fsecret.yaml',
    '%2Fetc%2Fpasswd',
    'escape.yaml',
    '.hidden.yaml',
    'kyiv-night.yaml%00.json',
  ])('never reads outside the scenario folder: %s', async (name) => {
    const response = await app.inject(`/api/scenarios/${name}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('not for the web');
    expect(response.body).not.toContain('root:');
  });

  it('validates posted text with the CLI parser', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { text: 'version: 1\nname: [' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues[0]).toHaveProperty('line');
  });
});

describe('run API', () => {
  let runId = '';

  it('runs a scenario by name and stores it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: 'kyiv-night.yaml', seed: 4, sampleEveryS: 30 },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.outcome.threatsLaunched).toBe(105);
    runId = body.id;
    const list = await app.inject('/api/runs');
    const stored = list.json().runs.find((r: { id: string }) => r.id === runId);
    expect(stored.header).toMatchObject({
      scenario: 'Kyiv, a winter night',
      seed: 4,
      source: 'kyiv-night.yaml',
    });
  });

  it('streams the stored run as NDJSON lines that rebuild the log', async () => {
    const response = await app.inject(`/api/runs/${runId}/log`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const assembler = new RunLogAssembler();
    for (const line of response.body.trim().split('\n')) assembler.add(JSON.parse(line) as RunLine);
    const log = assembler.finish();
    expect(log.seed).toBe(4);
    expect(log.events.filter((e) => e.kind === 'threat-launch')).toHaveLength(105);
    expect(log.samples!.everyS).toBe(30);
    expect(assembler.outcome!.threatsLaunched).toBe(105);
    // The run carries its validated scenario: it replays without the file.
    expect(assembler.spec!.assets).toHaveLength(6);
  });

  it.each(['..%2Fkyiv', 'run-..%2F..%2Fsecret', 'run-x%2F..%2F..%2Fsecret', 'nope'])(
    'refuses run ids outside the results folder: %s',
    async (id) => {
      const response = await app.inject(`/api/runs/${id}/log`);
      expect(response.statusCode).toBe(404);
    },
  );

  it('runs posted scenario text and reports its problems located', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { text: 'version: 1\nname: x\nduration: -3 h\n' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().issues.length).toBeGreaterThan(0);
    expect(response.json().issues[0].file).toBe('request');
  });

  it.each([
    ['malformed JSON', '{"scenario": "kyiv', 400],
    ['no scenario at all', '{"seed": 1}', 400],
    ['a negative seed', '{"scenario": "kyiv-night.yaml", "seed": -1}', 400],
    ['a fractional seed', '{"scenario": "kyiv-night.yaml", "seed": 1.5}', 400],
    ['a seed as a string', '{"scenario": "kyiv-night.yaml", "seed": "1"}', 400],
    ['an unknown field', '{"scenario": "kyiv-night.yaml", "path": "/etc/passwd"}', 400],
    ['a sample interval of zero', '{"scenario": "kyiv-night.yaml", "sampleEveryS": 0}', 400],
    ['a path as scenario name', '{"scenario": "../secret.yaml"}', 404],
  ])('answers %s with a clear 4xx', async (_what, payload, status) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(typeof response.json().error).toBe('string');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { text: 'x'.repeat(100 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatch(/larger than the limit/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'scenario=kyiv-night.yaml',
    });
    expect(response.statusCode).toBe(415);
  });

  it('answers unknown API paths with JSON 404', async () => {
    const response = await app.inject('/api/../../etc/passwd');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('root:');
  });
});

describe('token', () => {
  it('is required on every API call when set', async () => {
    const guarded = await buildServer({ scenariosDir, resultsDir, token: 's3cret-token' });
    try {
      expect((await guarded.inject('/api/scenarios')).statusCode).toBe(401);
      expect(
        (await guarded.inject({ url: '/api/scenarios', headers: { authorization: 'Bearer wrong-token!' } }))
          .statusCode,
      ).toBe(401);
      expect(
        (await guarded.inject({ url: '/api/scenarios', headers: { authorization: 'Bearer s3cret-token' } }))
          .statusCode,
      ).toBe(200);
      expect((await guarded.inject('/api/scenarios?token=s3cret-token')).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('tells loopback from other addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '128.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});
