// The operator's side of `bulwark live`: the last plan and the feed's status to read, and accept,
// reject and engagement results to post. Each accepted request triggers a re-plan that respects
// it. With a token (required off loopback) every request must carry it.

import Fastify, { type FastifyInstance } from 'fastify';
import type { EngagementResult } from '../model/live.js';
import type { LiveSession } from '../io/live-session.js';
import { requestToken, tokenMatches } from './auth.js';

const RESULTS: readonly EngagementResult[] = ['kill', 'miss', 'aborted'];

interface ShotBody {
  track?: unknown;
  unit?: unknown;
  result?: unknown;
}

export function buildLiveApi(session: LiveSession, token?: string): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  app.addHook('onRequest', async (request, reply) => {
    if (token && !tokenMatches(token, requestToken(request.headers.authorization, request.query)))
      return reply.status(401).send({ error: 'this endpoint needs a token: Authorization: Bearer <token>' });
  });
  app.get('/api/live/plan', async () => session.planner.last ?? null);
  app.get('/api/live/status', async () => ({
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
  return app;
}
