// A worker thread computing one campaign for the server, so that fitting a surrogate or simulating
// months of nights never holds up the HTTP loop: it reads the campaign from the library, reports
// progress now and then, and hands back the trajectory or the error.

import { parentPort } from 'node:worker_threads';
import { CampaignLibrary } from './campaign-library.js';
import type { CampaignTrajectory } from '../model/campaign-trajectory.js';
import { computeCampaign, type CampaignJobOptions, type CampaignProgress } from './campaign-job.js';

export interface CampaignWorkRequest {
  scenariosDir: string;
  id: string;
  options: CampaignJobOptions;
  /** Where fitted surrogates are kept between runs. */
  surrogateDir: string;
}

export type CampaignWorkMessage =
  | { type: 'progress'; progress: CampaignProgress }
  | { type: 'done'; trajectory: CampaignTrajectory }
  | { type: 'failed'; error: string };

/** Progress goes out at most this often (the last step always). */
const PROGRESS_EVERY_MS = 100;

export function work(request: CampaignWorkRequest, post: (m: CampaignWorkMessage) => void): void {
  try {
    const loaded = new CampaignLibrary(request.scenariosDir).load(request.id);
    if (!loaded || !loaded.result.ok) {
      post({ type: 'failed', error: `campaign '${request.id}' cannot be read` });
      return;
    }
    let last = 0;
    const trajectory = computeCampaign(
      { id: request.id, text: loaded.text, tacticalText: loaded.tacticalText, ...loaded.result },
      request.options,
      (progress) => {
        const now = performance.now();
        if (now - last < PROGRESS_EVERY_MS && progress.done < progress.total) return;
        last = now;
        post({ type: 'progress', progress });
      },
      request.surrogateDir,
    );
    post({ type: 'done', trajectory });
  } catch (e) {
    post({ type: 'failed', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

parentPort?.once('message', (request: CampaignWorkRequest) => {
  work(request, (m) => parentPort!.postMessage(m));
});
