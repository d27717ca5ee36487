// The operator API of `bulwark live`: plan and status to read, accept/reject/result to post,
// every request refused without the token when one is set.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCotTrack } from '../io/cot-codec.js';
import { LiveSession } from '../io/live-session.js';
import { parseScenario } from '../scenario/index.js';
import { buildLiveApi } from './live-api.js';

function session() {
  const text = readFileSync(join(import.meta.dirname, '../../test/fixtures/small-night.yaml'), 'utf8');
  const parsed = parseScenario(text + 'c2: { policy: greedy-mmr }\n', 'small-night.yaml');
  if (!parsed.ok) throw new Error('fixture');
  const s = new LiveSession(parsed.scenario, { write: () => {}, log: () => {} });
  const t = Date.parse('2025-12-14T18:01:40Z');
  s.cot(
    encodeCotTrack({
      uid: 'trk-9',
      timeMs: t,
      staleMs: t + 30_000,
      latDeg: 50.45,
      lonDeg: 31.4,
      altitudeM: 1000,
      courseDeg: 270,
      speedMps: 51,
    }),
  );
  s.replan();
  return s;
}

describe('live operator API', () => {
  it('accepts, rejects and takes results, and the next plan respects them', async () => {
    const s = session();
    const app = buildLiveApi(s);
    const plan = (await app.inject({ url: '/api/live/plan' })).json();
    const rec = plan.recommendations[0];
    expect(rec.track).toBe('trk-9');
    const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object });
    expect((await post('/api/live/accept', { track: 'trk-9' })).statusCode).toBe(400);
    expect((await post('/api/live/accept', { track: 'nope', unit: rec.unit })).statusCode).toBe(409);
    const ok = await post('/api/live/accept', { track: 'trk-9', unit: rec.unit });
    expect(ok.json()).toEqual({ ok: true });
    const status = (await app.inject({ url: '/api/live/status' })).json();
    expect(status.engagements).toHaveLength(1);
    expect(status.stock[rec.unit]).toBe(9);
    expect(
      (await post('/api/live/result', { track: 'trk-9', unit: rec.unit, result: 'boom' })).statusCode,
    ).toBe(400);
    expect(
      (await post('/api/live/result', { track: 'trk-9', unit: rec.unit, result: 'kill' })).json(),
    ).toEqual({ ok: true });
    expect(s.replan().tracks).toBe(0);
    expect((await post('/api/live/reject', { track: 'trk-9', unit: rec.unit })).json()).toEqual({ ok: true });
    await app.close();
    s.close();
  });

  it('needs the token when one is set', async () => {
    const s = session();
    const app = buildLiveApi(s, 'sekrit');
    expect((await app.inject({ url: '/api/live/plan' })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/live/plan', headers: { authorization: 'Bearer sekrit' } })).statusCode,
    ).toBe(200);
    await app.close();
    s.close();
  });
});

describe('live operator API with the console', () => {
  it('serves the console in live mode without a token, and the API only with it', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-live-console-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    const s = session();
    const app = buildLiveApi(s, 'secret', { consoleDir: dir });
    const bare = await app.inject({ url: '/?token=secret' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/?live&token=secret');
    const page = await app.inject({ url: '/?live' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>console</title>');
    expect((await app.inject({ url: '/api/live/picture' })).statusCode).toBe(401);
    const picture = await app.inject({
      url: '/api/live/picture',
      headers: { authorization: 'Bearer secret' },
    });
    expect(picture.json().tracks).toMatchObject([{ uid: 'trk-9', id: 0 }]);
    expect(picture.json().feed).toBe('ok');
    const scenario = await app.inject({ url: '/api/live/scenario?token=secret' });
    expect(scenario.json().scenario.defenders.map((d: { name: string }) => d.name)).toEqual(['team-1']);
    await app.close();
    s.close();
  });
});
