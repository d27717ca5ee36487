// Monte Carlo and sweep batches from the results store, read-only: the list, and one batch's report
// data (statistics per point, the headline measures of every run) for the console's charts.

import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { gatherReport } from '../io/report-data.js';
import { encodeJson, openResultsStore, StoreError, type ResultsStore } from '../io/results-store.js';

/** Batch ids are short hex-like names; a prefix is enough, as on the command line. */
const BATCH_ID = /^[0-9A-Za-z_-]{1,64}$/;

export function registerBatchRoutes(app: FastifyInstance, storeFile: string): void {
  const withStore = <T>(use: (store: ResultsStore) => T): T | undefined => {
    if (!existsSync(storeFile)) return undefined;
    const store = openResultsStore(storeFile, { readonly: true });
    try {
      return use(store);
    } finally {
      store.close();
    }
  };

  app.get('/api/batches', async () => ({
    batches:
      withStore((store) => store.listBatches().map(({ scenarioText: _text, ...batch }) => batch)) ?? [],
  }));

  app.get<{ Params: { id: string } }>('/api/batches/:id', async (request, reply) => {
    const id = request.params.id;
    if (!BATCH_ID.test(id)) return reply.status(404).send({ error: `no batch '${id}'` });
    try {
      const report = withStore((store) => {
        const batch = store.getBatch(id);
        return batch ? gatherReport(store, batch) : undefined;
      });
      if (!report) return reply.status(404).send({ error: `no batch '${id}'` });
      // NaN and ±Infinity (a cost-exchange ratio with no spend) travel as strings, as in the store.
      return reply.type('application/json; charset=utf-8').send(encodeJson(report));
    } catch (e) {
      if (e instanceof StoreError) return reply.status(409).send({ error: e.message });
      throw e;
    }
  });
}
