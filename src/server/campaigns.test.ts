import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCampaign } from '../io/campaign-job.js';
import { CampaignLibrary } from '../io/campaign-library.js';
import { buildServer } from './app.js';

const root = mkdtempSync(join(tmpdir(), 'bulwark-campaigns-'));
const scenariosDir = join(root, 'scenarios');
const campaignsDir = join(scenariosDir, 'campaigns');
const resultsDir = join(root, 'results');
const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url);
let app: FastifyInstance;

/** A small, quick design: the plumbing is under test here, not the surrogate. */
const QUICK = { runs: 3, days: 12, surrogatePoints: 8, heldOut: 2 };

beforeAll(async () => {
  mkdirSync(campaignsDir, { recursive: true });
  copyFileSync(fixture('small-night.yaml'), join(scenariosDir, 'small-night.yaml'));
  copyFileSync(fixture('campaign/small-campaign.yaml'), join(campaignsDir, 'small.yaml'));
  const text = readFileSync(fixture('campaign/small-campaign.yaml'), 'utf8');
  writeFileSync(join(root, 'secret.yaml'), 'not for the web');
  copyFileSync(fixture('small-night.yaml'), join(root, 'outside-night.yaml'));
  // A campaign whose tactical scenario lies outside the scenario folder, by path and by link.
  writeFileSync(
    join(campaignsDir, 'escape.yaml'),
    text.replace('../small-night.yaml', '../../outside-night.yaml'),
  );
  symlinkSync(join(root, 'outside-night.yaml'), join(scenariosDir, 'linked-night.yaml'));
  writeFileSync(
    join(campaignsDir, 'linked.yaml'),
    text.replace('../small-night.yaml', '../linked-night.yaml'),
  );
  symlinkSync(join(root, 'secret.yaml'), join(campaignsDir, 'leak.yaml'));
  writeFileSync(
    join(campaignsDir, 'broken.yaml'),
    text.replace('horizon: 2 months', 'horizon: 2 fortnights'),
  );
  app = await buildServer({ scenariosDir, resultsDir });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

async function waitFor(job: string): Promise<{ status: string; error: string | null; progress: unknown }> {
  for (let i = 0; i < 600; i++) {
    const r = (await app.inject(`/api/campaign-runs/${job}`)).json();
    if (!['queued', 'running'].includes(r.status)) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`campaign run ${job} did not finish`);
}

describe('campaign API', () => {
  it('lists the campaign files of the campaigns folder, not links leading out of it', async () => {
    const response = await app.inject('/api/campaigns');
    expect(response.statusCode).toBe(200);
    const campaigns = response.json().campaigns as { id: string; ok: boolean; name: string }[];
    expect(campaigns.map((c) => c.id)).toEqual(['broken.yaml', 'escape.yaml', 'linked.yaml', 'small.yaml']);
    expect(campaigns.find((c) => c.id === 'small.yaml')).toMatchObject({
      ok: true,
      name: 'Small test campaign',
      horizonDays: 60,
      evaluation: 'surrogate',
    });
    expect(campaigns.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'broken.yaml',
      'escape.yaml',
      'linked.yaml',
    ]);
  });

  it('returns a campaign with its funding assumption', async () => {
    const response = await app.inject('/api/campaigns/small.yaml');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Small test campaign', funding: { elasticity: 0.5 } });
  });

  it('refuses a tactical scenario outside the scenario folder, by path or by link', async () => {
    for (const id of ['escape.yaml', 'linked.yaml']) {
      const response = await app.inject(`/api/campaigns/${id}`);
      expect(response.statusCode).toBe(422);
      const issues = response.json().issues as { message: string; file: string }[];
      expect(issues.map((i) => i.message)).toContain('no such scenario in the scenario folder');
      expect(JSON.stringify(issues)).not.toContain(root);
      expect(
        (await app.inject({ method: 'POST', url: `/api/campaigns/${id}/runs`, payload: {} })).statusCode,
      ).toBe(422);
    }
  });

  it('reports located issues for an invalid campaign file', async () => {
    const response = await app.inject('/api/campaigns/broken.yaml');
    expect(response.statusCode).toBe(422);
    expect(response.json().issues[0]).toMatchObject({ file: 'broken.yaml', field: 'horizon' });
  });

  it.each([
    '..%2Fsmall-night.yaml',
    '..%2F..%2Fsecret.yaml',
    '%2e%2e%2f%2e%2e%2fsecret.yaml',
    '%2Fetc%2Fpasswd',
    'leak.yaml',
    '.hidden.yaml',
    'small.yaml%00.json',
    'nothing.yaml',
    'small.txt',
  ])('answers 404 for %s, on reading and on running', async (id) => {
    const read = await app.inject(`/api/campaigns/${id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('not for the web');
    const run = await app.inject({ method: 'POST', url: `/api/campaigns/${id}/runs`, payload: {} });
    expect(run.statusCode).toBe(404);
  });

  it.each([
    [{ runs: 0 }],
    [{ runs: 1.5 }],
    [{ runs: '3' }],
    [{ runs: 100_000 }],
    [{ mode: 'guess' }],
    [{ days: 0 }],
    [{ days: 100_000 }],
    [{ seed: -1 }],
    [{ surrogatePoints: 2 }],
    [{ heldOut: -1 }],
    [{ extra: true }],
    [[]],
  ])('refuses bad run options %j', async (payload) => {
    const response = await app.inject({ method: 'POST', url: '/api/campaigns/small.yaml/runs', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/invalid request/);
  });

  it('refuses direct simulation of more nights than a server runs', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/campaigns/small.yaml/runs',
      payload: { mode: 'direct', runs: 1000, days: 60 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/60000 nights/);
  });

  it.each(['nope', 'campaign-xyz', '..%2F..%2Fetc', 'campaign-000000000000'])(
    'answers 404 for an unknown run %s',
    async (job) => {
      expect((await app.inject(`/api/campaign-runs/${job}`)).statusCode).toBe(404);
      expect((await app.inject(`/api/campaign-runs/${job}/trajectory`)).statusCode).toBe(404);
      expect((await app.inject({ method: 'DELETE', url: `/api/campaign-runs/${job}` })).statusCode).toBe(404);
    },
  );

  it('runs a campaign in the background and serves the same trajectory as computed in-process', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/campaigns/small.yaml/runs',
      payload: QUICK,
    });
    expect(started.statusCode).toBe(202);
    const job = started.json().id as string;
    expect(started.json().status_url).toBe(`/api/campaign-runs/${job}`);
    // The server answers while the campaign runs.
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    const early = await app.inject(`/api/campaign-runs/${job}/trajectory`);
    if (early.statusCode !== 200) expect(early.statusCode).toBe(409);
    const done = await waitFor(job);
    expect(done).toMatchObject({
      status: 'done',
      error: null,
      progress: { phase: 'runs', done: 3, total: 3 },
    });

    const response = await app.inject(`/api/campaign-runs/${job}/trajectory`);
    expect(response.statusCode).toBe(200);
    const t = response.json();
    expect(t.evaluation).toMatchObject({
      mode: 'surrogate',
      runs: 3,
      seed: 3,
      surrogate: { points: 8, cached: false },
    });
    expect(t.evaluation.surrogate.heldOut.points).toBe(2);
    expect(t.assumptions.funding).toMatchObject({ elasticity: 0.5 });
    expect(t.assumptions.funding.finalProductionShare).toBeCloseTo(Math.sqrt(0.7), 9);
    expect(t.campaign).toMatchObject({ horizonDays: 12, pools: ['drones'] });
    const names = t.series.map((s: { name: string }) => s.name);
    for (const name of [
      'damagedShare',
      'leakRate',
      'stock:drones',
      'defenseSpend',
      'attackerSpend',
      'costExchange',
    ])
      expect(names).toContain(name);
    expect(t.bands).toHaveLength(names.length * 12);

    const loaded = new CampaignLibrary(scenariosDir).load('small.yaml')!;
    if (!loaded.result.ok) throw new Error('fixture');
    const local = computeCampaign(
      { id: 'small.yaml', text: loaded.text, tacticalText: loaded.tacticalText, ...loaded.result },
      QUICK,
    );
    expect(t.totals).toEqual(JSON.parse(JSON.stringify(local.totals)));
    expect(t.bands).toEqual(JSON.parse(JSON.stringify(local.bands)));

    // The fit is kept: the same campaign again reads it back.
    const again = await app.inject({ method: 'POST', url: '/api/campaigns/small.yaml/runs', payload: QUICK });
    const second = again.json().id as string;
    expect((await waitFor(second)).status).toBe('done');
    const t2 = (await app.inject(`/api/campaign-runs/${second}/trajectory`)).json();
    expect(t2.evaluation.surrogate.cached).toBe(true);
    expect(t2.totals).toEqual(t.totals);
  });

  it('simulates every night directly when asked, and says so', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/campaigns/small.yaml/runs',
      payload: { mode: 'direct', days: 3 },
    });
    expect(started.statusCode).toBe(202);
    const done = await waitFor(started.json().id);
    expect(done).toMatchObject({ status: 'done', progress: { phase: 'nights', done: 3, total: 3 } });
    const t = (await app.inject(`/api/campaign-runs/${started.json().id}/trajectory`)).json();
    expect(t.evaluation).toMatchObject({ mode: 'direct', runs: 1, surrogate: null });
  });

  it('cancels a run', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/campaigns/small.yaml/runs',
      payload: { ...QUICK, surrogatePoints: 400 },
    });
    const job = started.json().id as string;
    const cancelled = await app.inject({ method: 'DELETE', url: `/api/campaign-runs/${job}` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await app.inject(`/api/campaign-runs/${job}/trajectory`)).statusCode).toBe(409);
    // A second stop finds it finished; deleting it by name removes the stopped run from the list.
    expect((await app.inject({ method: 'DELETE', url: `/api/campaign-runs/${job}` })).statusCode).toBe(409);
    const removed = await app.inject({ method: 'DELETE', url: `/api/campaign-runs/${job}?remove=true` });
    expect(removed.json()).toEqual({ id: job, deleted: true });
    expect((await app.inject(`/api/campaign-runs/${job}`)).statusCode).toBe(404);
  });

  it('keeps finished trajectories across a restart, and deletes one when asked', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/campaigns/small.yaml/runs',
      payload: { ...QUICK, runs: 2 },
    });
    const job = started.json().id as string;
    expect((await waitFor(job)).status).toBe('done');
    const before = (await app.inject(`/api/campaign-runs/${job}/trajectory`)).body;
    const finishedAt = (await app.inject(`/api/campaign-runs/${job}`)).json().finishedAt as string;
    expect(Date.parse(finishedAt)).toBeGreaterThan(0);
    // A stray file and a damaged one in the runs folder are neither listed nor fatal.
    writeFileSync(join(resultsDir, 'campaign-runs', 'notes.txt'), 'hello');
    writeFileSync(join(resultsDir, 'campaign-runs', 'campaign-0123456789ab.json'), '{"format": 1, "info":');

    const restarted = await buildServer({ scenariosDir, resultsDir });
    try {
      const runs = (await restarted.inject('/api/campaign-runs')).json().runs as { id: string }[];
      expect(runs.map((r) => r.id)).toContain(job);
      expect(runs.map((r) => r.id)).not.toContain('campaign-0123456789ab');
      expect((await restarted.inject(`/api/campaign-runs/${job}`)).json()).toMatchObject({
        status: 'done',
        campaign: 'small.yaml',
        finishedAt,
      });
      const after = await restarted.inject(`/api/campaign-runs/${job}/trajectory`);
      expect(after.statusCode).toBe(200);
      expect(after.body).toBe(before);

      const deleted = await restarted.inject({
        method: 'DELETE',
        url: `/api/campaign-runs/${job}?remove=true`,
      });
      expect(deleted.json()).toEqual({ id: job, deleted: true });
      expect((await restarted.inject(`/api/campaign-runs/${job}/trajectory`)).statusCode).toBe(404);
      expect(existsSync(join(resultsDir, 'campaign-runs', `${job}.json`))).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});
