// The HTTP face: the built console as static files and a JSON API over the scenario folder (its
// scenarios, campaigns and siting results), the simulation and the results folder. Everything a
// request names is checked: bodies by JSON schema and size, scenario text by the same parser as the
// CLI, file names by io/safe-path.

import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { RunStore } from '../io/run-store.js';
import { ScenarioLibrary } from '../io/scenario-library.js';
import { computeOutcome } from '../metrics/index.js';
import { runScenario } from '../run/index.js';
import { parseScenario, type ScenarioIssue } from '../scenario/index.js';
import type { Scenario } from '../model/scenario.js';
import { requestToken, tokenMatches } from './auth.js';
import { registerBatchRoutes } from './batches.js';
import { registerCampaignRoutes } from './campaigns.js';
import { registerSitingRoutes } from './sitings.js';

export interface ServerConfig {
  scenariosDir: string;
  resultsDir: string;
  /** The built console (index.html and assets); the API alone when absent. */
  consoleDir?: string;
  /** The Monte Carlo and sweep results store (SQLite), read-only; no batch routes when absent. */
  storeFile?: string;
  /** Required on every API request when set. */
  token?: string;
  /** Largest request body accepted, bytes. */
  bodyLimitBytes?: number;
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** A replay needs positions every few seconds; finer than 1 s or coarser than 10 min is a mistake. */
const SAMPLE_EVERY_S = { minimum: 1, maximum: 600 };

interface RunRequest {
  scenario?: string;
  text?: string;
  seed?: number;
  sampleEveryS?: number;
}

const runBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scenario: { type: 'string', minLength: 1, maxLength: 128 },
    text: { type: 'string', minLength: 1 },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    sampleEveryS: { type: 'number', ...SAMPLE_EVERY_S },
  },
  oneOf: [{ required: ['scenario'] }, { required: ['text'] }],
} as const;

const validateBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string' }, file: { type: 'string', maxLength: 128 } },
} as const;

export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const library = new ScenarioLibrary(config.scenariosDir);
  const store = new RunStore(config.resultsDir);

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `request body is larger than the limit of ${config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES} bytes`
        : error.validation
          ? `invalid request: ${error.message}`
          : status === 500
            ? 'internal error'
            : error.message;
    void reply.status(status).send({ error: message });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!config.token || !request.url.startsWith('/api/')) return;
    if (!tokenMatches(config.token, requestToken(request.headers.authorization, request.query))) {
      return reply.status(401).send({ error: 'this server needs a token: Authorization: Bearer <token>' });
    }
  });

  app.get('/api/health', async () => ({ ok: true }));

  app.get('/api/scenarios', async () => ({ scenarios: library.list() }));

  app.get<{ Params: { id: string } }>('/api/scenarios/:id', async (request, reply) => {
    const loaded = library.load(request.params.id);
    if (!loaded) return reply.status(404).send({ error: `no scenario '${request.params.id}'` });
    if (!loaded.result.ok) return reply.status(422).send(invalid(loaded.result.issues, loaded.text));
    return { id: request.params.id, text: loaded.text, scenario: loaded.result.scenario };
  });

  app.post<{ Body: { text: string; file?: string } }>(
    '/api/validate',
    { schema: { body: validateBodySchema } },
    async (request, reply) => {
      const result = parseScenario(request.body.text, request.body.file ?? 'scenario.yaml');
      if (!result.ok) return reply.status(422).send(invalid(result.issues));
      return { ok: true, scenario: result.scenario };
    },
  );

  app.post<{ Body: RunRequest }>('/api/runs', { schema: { body: runBodySchema } }, async (request, reply) => {
    const body = request.body;
    let scenario: Scenario;
    let source: string | undefined;
    if (body.scenario !== undefined) {
      const loaded = library.load(body.scenario);
      if (!loaded) return reply.status(404).send({ error: `no scenario '${body.scenario}'` });
      if (!loaded.result.ok) return reply.status(422).send(invalid(loaded.result.issues));
      scenario = loaded.result.scenario;
      source = body.scenario;
    } else {
      const result = parseScenario(body.text!, 'request');
      if (!result.ok) return reply.status(422).send(invalid(result.issues));
      scenario = result.scenario;
    }
    const seed = body.seed ?? scenario.seed;
    const log = runScenario(scenario, seed, { sampleEveryS: body.sampleEveryS ?? 5 });
    const outcome = computeOutcome(scenario, log);
    const id = store.save(log, { outcome, spec: scenario, ...(source !== undefined ? { source } : {}) });
    return reply.status(201).send({ id, seed, outcome, log: `/api/runs/${id}/log` });
  });

  app.get('/api/runs', async () => ({ runs: store.list() }));

  app.get<{ Params: { id: string } }>('/api/runs/:id/log', async (request, reply) => {
    const stream = store.open(request.params.id);
    if (!stream) return reply.status(404).send({ error: `no run '${request.params.id}'` });
    return reply.type('application/x-ndjson; charset=utf-8').send(stream);
  });

  if (config.storeFile) registerBatchRoutes(app, config.storeFile);
  registerCampaignRoutes(app, config.scenariosDir, config.resultsDir);
  registerSitingRoutes(app, config.scenariosDir);

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: `not found: ${request.method} ${request.url.split('?')[0]}` });
  });

  if (config.consoleDir && existsSync(config.consoleDir)) {
    await app.register(fastifyStatic, { root: config.consoleDir, index: 'index.html', dotfiles: 'deny' });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `npm run build`, then restart `bulwark serve`.\n'),
    );
  }
  return app;
}

function invalid(issues: ScenarioIssue[], text?: string) {
  return {
    error: `the scenario has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    issues,
    ...(text !== undefined ? { text } : {}),
  };
}
