// Shared by the campaign tests: the small test campaign with its tactical night, and a cheap
// night evaluator with plain arithmetic in place of the simulation, for tests of everything around it.

import { readFileSync } from 'node:fs';
import { streamFor } from '../src/core/rng.js';
import { parseCampaign } from '../src/scenario/campaign.js';
import { formatIssue } from '../src/scenario/issue.js';
import { parseScenario } from '../src/scenario/parse.js';
import { campaignContext, type CampaignContext } from '../src/analysis/campaign/context.js';
import type { NightEvaluator, NightInput, NightResult } from '../src/analysis/campaign/night-evaluator.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

export function smallCampaign(
  edit: (text: string) => string = (t) => t,
  editNight: (text: string) => string = (t) => t,
): CampaignContext {
  const night = parseScenario(
    editNight(readFileSync(fixture('small-night.yaml'), 'utf8')),
    'small-night.yaml',
  );
  const text = edit(readFileSync(fixture('campaign/small-campaign.yaml'), 'utf8'));
  const r = parseCampaign(text, 'small-campaign.yaml', () => night);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return campaignContext(r.campaign, r.scenario);
}

/** Each crew flies up to 4 sorties a night, each kills with probability 0.6; leakers damage 5% each. */
export class ArithmeticEvaluator implements NightEvaluator {
  readonly mode = 'surrogate' as const;
  constructor(private readonly context: CampaignContext) {}

  evaluate(input: NightInput, seed: number): NightResult {
    const rng = streamFor(seed, 'test/arithmetic');
    const raid = input.raid.reduce((a, b) => a + b, 0);
    const spent = input.forces.map((f) => Math.min(f.stock, f.crews * 4, raid));
    let kills = 0;
    for (const s of spent) for (let i = 0; i < s; i++) if (rng.next() < 0.6) kills++;
    kills = Math.min(kills, raid);
    const destroyed = input.raid.map((n) => Math.min(n, Math.round((kills * n) / Math.max(1, raid))));
    let leaked = 0;
    input.raid.forEach((n, t) => (leaked += this.context.threatDecoy[t] ? 0 : n - destroyed[t]));
    return {
      destroyed,
      leaked,
      spent,
      damage: this.context.template.assets.map(() => Math.min(1, 0.05 * leaked)),
    };
  }
}

export function smallLayeredCampaign(
  edit: (text: string) => string = (t) => t,
  editNight: (text: string) => string = (t) => t,
): CampaignContext {
  const night = parseScenario(
    editNight(readFileSync(fixture('small-layered-night.yaml'), 'utf8')),
    'small-layered-night.yaml',
  );
  const text = edit(readFileSync(fixture('campaign/small-layered-campaign.yaml'), 'utf8'));
  const r = parseCampaign(text, 'small-layered-campaign.yaml', () => night);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return campaignContext(r.campaign, r.scenario);
}
