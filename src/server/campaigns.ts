// Campaigns from the scenario folder's `campaigns/` subfolder: the list, one campaign's summary, and
// runs in the background (a queue of worker threads) whose progress and trajectory the console polls.

import type { FastifyInstance } from 'fastify';
import { CAMPAIGN_JOB_ID as JOB_ID, CampaignJobs } from '../io/campaign-jobs.js';
import { CampaignLibrary } from '../io/campaign-library.js';
import type { CampaignJobOptions } from '../io/campaign-job.js';
import { EVALUATION_MODES } from '../model/campaign.js';
import { MAX_HORIZON_DAYS } from '../scenario/index.js';

/** Direct simulation costs a tactical run per night: a server keeps runs × days below this. */
export const MAX_DIRECT_NIGHTS = 10_000;

const runBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runs: { type: 'integer', minimum: 1, maximum: 1000 },
    mode: { type: 'string', enum: [...EVALUATION_MODES] },
    days: { type: 'integer', minimum: 1, maximum: MAX_HORIZON_DAYS },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    surrogatePoints: { type: 'integer', minimum: 8, maximum: 2000 },
    heldOut: { type: 'integer', minimum: 0, maximum: 2000 },
  },
} as const;

export function registerCampaignRoutes(app: FastifyInstance, scenariosDir: string, resultsDir: string): void {
  const library = new CampaignLibrary(scenariosDir);
  const jobs = new CampaignJobs(scenariosDir, resultsDir);
  app.addHook('onClose', async () => jobs.close());

  app.get('/api/campaigns', async () => ({ campaigns: library.list() }));

  app.get<{ Params: { id: string } }>('/api/campaigns/:id', async (request, reply) => {
    const loaded = library.load(request.params.id);
    if (!loaded) return reply.status(404).send({ error: `no campaign '${request.params.id}'` });
    if (!loaded.result.ok)
      return reply.status(422).send({
        error: `the campaign has ${loaded.result.issues.length} problem${loaded.result.issues.length === 1 ? '' : 's'}`,
        issues: loaded.result.issues,
      });
    const c = loaded.result.campaign;
    return {
      id: request.params.id,
      text: loaded.text,
      name: c.name,
      description: c.description,
      horizonDays: c.horizonDays,
      evaluation: c.evaluation,
      seed: c.seed,
      tactical: c.tacticalFile,
      funding: c.attacker.funding ?? null,
    };
  });

  app.post<{ Params: { id: string }; Body: CampaignJobOptions | undefined }>(
    '/api/campaigns/:id/runs',
    { schema: { body: runBodySchema } },
    async (request, reply) => {
      const id = request.params.id;
      const options = request.body ?? {};
      const loaded = library.load(id);
      if (!loaded) return reply.status(404).send({ error: `no campaign '${id}'` });
      if (!loaded.result.ok)
        return reply.status(422).send({ error: 'the campaign has problems', issues: loaded.result.issues });
      const c = loaded.result.campaign;
      const mode = options.mode ?? c.evaluation;
      const nights = (options.runs ?? 1) * (options.days ?? c.horizonDays);
      if (mode === 'direct' && nights > MAX_DIRECT_NIGHTS)
        return reply.status(400).send({
          error: `direct simulation of ${nights} nights (runs × days) is more than this server runs (${MAX_DIRECT_NIGHTS}): use the surrogate or fewer runs or days`,
        });
      const job = jobs.start(id, options);
      if (!job)
        return reply
          .status(503)
          .send({ error: 'campaigns are already running: try again when one has finished' });
      return reply.status(202).send({ ...job, status_url: `/api/campaign-runs/${job.id}` });
    },
  );

  app.get('/api/campaign-runs', async () => ({ runs: jobs.list() }));

  app.get<{ Params: { job: string } }>('/api/campaign-runs/:job', async (request, reply) => {
    const job = JOB_ID.test(request.params.job) ? jobs.info(request.params.job) : undefined;
    if (!job) return reply.status(404).send({ error: `no campaign run '${request.params.job}'` });
    return job;
  });

  app.get<{ Params: { job: string } }>('/api/campaign-runs/:job/trajectory', async (request, reply) => {
    const id = request.params.job;
    const job = JOB_ID.test(id) ? jobs.info(id) : undefined;
    if (!job) return reply.status(404).send({ error: `no campaign run '${id}'` });
    const trajectory = jobs.trajectory(id);
    if (!trajectory)
      return reply.status(409).send({ error: `campaign run '${id}' is ${job.status}`, status: job.status });
    return trajectory;
  });

  app.delete<{ Params: { job: string }; Querystring: { remove?: string } }>(
    '/api/campaign-runs/:job',
    async (request, reply) => {
      const id = request.params.job;
      if (!JOB_ID.test(id) || !jobs.info(id))
        return reply.status(404).send({ error: `no campaign run '${id}'` });
      // A queued or running campaign stops. A finished one is deleted with its saved trajectory only
      // when asked so by name: a Stop that comes just after the end must not delete the run.
      if (jobs.cancel(id)) return jobs.info(id);
      if (request.query.remove !== 'true')
        return reply
          .status(409)
          .send({ error: `campaign run '${id}' has finished (add ?remove=true to delete it)` });
      jobs.remove(id);
      return { id, deleted: true };
    },
  );
}
