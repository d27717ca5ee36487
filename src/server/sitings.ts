// Siting results (`bulwark site` writes `<scenario>.siting.json` beside the scenario) from the
// scenario folder: the list, and one result for the console's map of both layouts.

import type { FastifyInstance } from 'fastify';
import { SitingLibrary } from '../io/siting-library.js';

export function registerSitingRoutes(app: FastifyInstance, scenariosDir: string): void {
  const library = new SitingLibrary(scenariosDir);

  app.get('/api/sitings', async () => ({ sitings: library.list() }));

  app.get<{ Params: { id: string } }>('/api/sitings/:id', async (request, reply) => {
    const id = request.params.id;
    const loaded = library.load(id);
    if (!loaded) return reply.status(404).send({ error: `no siting result '${id}'` });
    if (!loaded.ok) return reply.status(422).send({ error: loaded.error });
    return { id, scenario: loaded.scenario, sited: loaded.sited, result: loaded.result };
  });
}
