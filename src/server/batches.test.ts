import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { storeSmallBatch, SMALL_BATCH_RUNS as RUNS } from '../../test/fixtures/small-batch.js';
import { buildServer } from './app.js';

const root = mkdtempSync(join(tmpdir(), 'bulwark-batches-'));
const storeFile = join(root, 'results.db');
let app: FastifyInstance;
const leaked: number[] = [];

beforeAll(async () => {
  leaked.push(...storeSmallBatch(storeFile));
  app = await buildServer({ scenariosDir: root, resultsDir: join(root, 'runs'), storeFile });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('batch API', () => {
  it('lists the batches of the results store without their scenario text', async () => {
    const response = await app.inject('/api/batches');
    expect(response.statusCode).toBe(200);
    const [batch] = response.json().batches;
    expect(batch).toMatchObject({ id: 'mc-0123456789', kind: 'mc', doneRuns: RUNS });
    expect(batch).not.toHaveProperty('scenarioText');
  });

  it("answers one batch's statistics and per-run values", async () => {
    const response = await app.inject('/api/batches/mc-0123');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.runs.map((r: { leaked: number }) => r.leaked)).toEqual(leaked);
    const summary = report.points[0].measures.find((m: { name: string }) => m.name === 'leaked').summary;
    expect(summary.mean).toBeCloseTo(leaked.reduce((a, b) => a + b, 0) / RUNS, 9);
  });

  it.each(['nope', '..%2F..%2Fetc', 'mc-0123456789%2F..'])(
    'answers an unknown batch with 404: %s',
    async (id) => {
      expect((await app.inject(`/api/batches/${id}`)).statusCode).toBe(404);
    },
  );

  it('answers an empty list when there is no store yet', async () => {
    const bare = await buildServer({
      scenariosDir: root,
      resultsDir: root,
      storeFile: join(root, 'none.db'),
    });
    try {
      expect((await bare.inject('/api/batches')).json()).toEqual({ batches: [] });
    } finally {
      await bare.close();
    }
  });
});
