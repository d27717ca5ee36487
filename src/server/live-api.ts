// The operator's side of `bulwark live`: the last plan and the feed's status to read, and accept,
// reject and engagement results to post. Each accepted request triggers a re-plan that respects
// it. With a token (required off loopback) every API request must carry it. Given the built
// console, it is served too, in its live mode (`/?live`), with what it needs to draw the region
// (the scenario) and the picture (the tracks as they stand).

import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { EngagementResult, LivePictureTrack } from '../model/live.js';
import type { LiveSession } from '../io/live-session.js';
import { requestToken, tokenMatches } from './auth.js';

const RESULTS: readonly EngagementResult[] = ['kill', 'miss', 'aborted'];

interface ShotBody {
  track?: unknown;
  unit?: unknown;
  result?: unknown;
}

export interface LiveApiOptions {
  /** The built console (dist/console): served at `/` in its live mode when given and present. */
  consoleDir?: string;
}

export function buildLiveApi(
  session: LiveSession,
  token?: string,
  options: LiveApiOptions = {},
): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  const withConsole = options.consoleDir !== undefined && existsSync(options.consoleDir);
  app.addHook('onRequest', async (request, reply) => {
    // As with `bulwark serve`: the console's own files are public, its data is not.
    if (withConsole && !request.url.startsWith('/api/')) return;
    if (token && !tokenMatches(token, requestToken(request.headers.authorization, request.query)))
      return reply.status(401).send({ error: 'this endpoint needs a token: Authorization: Bearer <token>' });
  });
  app.get('/api/live/plan', async () => session.planner.last ?? null);
  app.get('/api/live/scenario', async () => ({ scenario: session.scenario }));
  app.get('/api/live/picture', async () => {
    const tracks = session.picture.tracks;
    const out: LivePictureTrack[] = [];
    for (let row = 0; row < tracks.count; row++) {
      const id = tracks.id[row];
      out.push({
        uid: session.picture.uid(id),
        id,
        e: tracks.x[row],
        n: tracks.y[row],
        u: tracks.z[row],
        vx: tracks.vx[row],
        vy: tracks.vy[row],
        sigmaM: tracks.sigmaM[row],
        pDecoy: tracks.pDecoy[row],
        lastUpdateS: tracks.lastUpdateS[row],
      });
    }
    out.sort((a, b) => a.id - b.id);
    return { t: session.pictureNowS(), feed: session.feedState, tracks: out };
  });
  app.get('/api/live/status', async () => ({
    feed: session.feedState,
    t: session.pictureNowS(),
    tracks: session.picture.tracks.count,
    counts: session.counts,
    stock: session.planner.stock(),
    engagements: session.planner.engagements.map((g) => ({
      track: g.track,
      unit: session.scenario.defenders[g.unit].name,
      pk: g.pk,
      acceptedS: g.acceptedS,
    })),
  }));
  const shot = (body: ShotBody | undefined): { track: string; unit: string } | string => {
    if (typeof body?.track !== 'string' || typeof body.unit !== 'string')
      return 'body: expected {"track": "<uid>", "unit": "<defender unit name>"}';
    return { track: body.track, unit: body.unit };
  };
  const answer = (refusal: string | null) =>
    refusal === null ? { ok: true as const } : { ok: false as const, error: refusal };
  app.post<{ Body: ShotBody }>('/api/live/accept', async (request, reply) => {
    const s = shot(request.body);
    if (typeof s === 'string') return reply.status(400).send({ ok: false, error: s });
    const out = answer(session.accept(s.track, s.unit));
    return reply.status(out.ok ? 200 : 409).send(out);
  });
  app.post<{ Body: ShotBody }>('/api/live/reject', async (request, reply) => {
    const s = shot(request.body);
    if (typeof s === 'string') return reply.status(400).send({ ok: false, error: s });
    const out = answer(session.rejectRecommendation(s.track, s.unit));
    return reply.status(out.ok ? 200 : 409).send(out);
  });
  app.post<{ Body: ShotBody }>('/api/live/result', async (request, reply) => {
    const s = shot(request.body);
    const result = request.body?.result;
    if (typeof s === 'string' || !RESULTS.includes(result as EngagementResult))
      return reply.status(400).send({
        ok: false,
        error: `body: expected {"track", "unit", "result": ${RESULTS.map((r) => `"${r}"`).join(' | ')}}`,
      });
    const out = answer(session.result(s.track, s.unit, result as EngagementResult));
    return reply.status(out.ok ? 200 : 409).send(out);
  });
  if (withConsole) {
    // The console opens in its live mode: `/` carries `?live` (and any token given with it).
    void app.register(fastifyStatic, { root: options.consoleDir!, index: false, dotfiles: 'deny' });
    app.get<{ Querystring: Record<string, string> }>('/', async (request, reply) => {
      if ('live' in request.query) return reply.sendFile('index.html');
      const query = new URLSearchParams({ live: '', ...request.query }).toString().replace(/^live=/, 'live');
      return reply.redirect(`/?${query}`);
    });
  }
  return app;
}
