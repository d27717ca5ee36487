// A worker thread's task for a campaign surrogate's fit: simulates design nights of a campaign
// (its text and its tactical scenario's travel with the task) and hands back what each night did.
// The same DirectEvaluator the local fit uses, so a fit on queue workers is the fit made here.

import { createHash } from 'node:crypto';
import {
  campaignContext,
  DirectEvaluator,
  type DesignNight,
  type NightResult,
} from '../analysis/campaign/index.js';
import { formatIssue, parseCampaign, parseScenario } from '../scenario/index.js';

export interface NightsTask {
  campaignText: string;
  campaignFile: string;
  tacticalText: string;
  tacticalFile: string;
  /** Index of each night in the surrogate plan (fit nights first, then held-out ones). */
  nights: (DesignNight & { index: number })[];
}

const evaluators = new Map<string, DirectEvaluator>();

export function runNights(task: NightsTask): NightResult[] {
  const key = createHash('sha256')
    .update(task.campaignText)
    .update('\0')
    .update(task.tacticalText)
    .digest('hex');
  let direct = evaluators.get(key);
  if (!direct) {
    const parsed = parseCampaign(task.campaignText, task.campaignFile, () =>
      parseScenario(task.tacticalText, task.tacticalFile),
    );
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
    direct = new DirectEvaluator(campaignContext(parsed.campaign, parsed.scenario));
    if (evaluators.size >= 4) evaluators.clear();
    evaluators.set(key, direct);
  }
  return task.nights.map(({ input, seed }) => direct.evaluate(input, seed));
}
