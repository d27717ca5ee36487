// Shared by the campaign tests: the small test campaigns with their tactical nights, and a cheap
// night evaluator with plain arithmetic in place of the simulation, for tests of everything around it.

import { readFileSync } from 'node:fs';
import { streamFor } from '../src/core/rng.js';
import { parseCampaign } from '../src/scenario/campaign.js';
import { formatIssue } from '../src/scenario/issue.js';
import { parseScenario } from '../src/scenario/parse.js';
import { campaignContext, type CampaignContext } from '../src/analysis/campaign/context.js';
import type { NightEvaluator, NightInput, NightResult } from '../src/analysis/campaign/night-evaluator.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

function loadCampaign(
  campaignFile: string,
  nightFile: string,
  edit: (text: string) => string,
  editNight: (text: string) => string,
): CampaignContext {
  const night = parseScenario(editNight(readFileSync(fixture(nightFile), 'utf8')), nightFile);
  const text = edit(readFileSync(fixture(`campaign/${campaignFile}`), 'utf8'));
  const r = parseCampaign(text, campaignFile, () => night);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return campaignContext(r.campaign, r.scenario);
}

/** The small test campaign: one pool of interceptor drones on the small night. */
export function smallCampaign(
  edit: (text: string) => string = (t) => t,
  editNight: (text: string) => string = (t) => t,
): CampaignContext {
  return loadCampaign('small-campaign.yaml', 'small-night.yaml', edit, editNight);
}

/** The small layered test campaign: drones, jets, fire units and radars on the small layered night. */
export function smallLayeredCampaign(
  edit: (text: string) => string = (t) => t,
  editNight: (text: string) => string = (t) => t,
): CampaignContext {
  return loadCampaign('small-layered-campaign.yaml', 'small-layered-night.yaml', edit, editNight);
}

/** Per pool kind: threats a crew works in a night, and the kill probability of each shot. */
const ARITHMETIC_KINDS = {
  'interceptor-drone': { perCrew: 4, pk: 0.6 },
  jet: { perCrew: 4, pk: 0.85 },
  sam: { perCrew: 8, pk: 0.9 },
  sensor: { perCrew: 0, pk: 0 },
} as const;

/**
 * Plain arithmetic in place of the simulation. Each sensor pool sees min(1, 0.4 + 0.3 × radars) of
 * the raid (all of it without sensor pools); the weapon pools in turn shoot once at each threat
 * seen, as far as stock and crews allow (a drone crew 4 shots, a jet 4, a fire unit 8), killing
 * with 0.6, 0.85 and 0.9; every leaker damages each asset by 5%.
 */
export class ArithmeticEvaluator implements NightEvaluator {
  readonly mode = 'surrogate' as const;
  constructor(private readonly context: CampaignContext) {}

  evaluate(input: NightInput, seed: number): NightResult {
    const rng = streamFor(seed, 'test/arithmetic');
    const pools = this.context.campaign.defender.pools;
    const raid = input.raid.reduce((a, b) => a + b, 0);
    let seen = raid;
    input.forces.forEach((f, p) => {
      if (pools[p].kind === 'sensor') seen = Math.round(seen * Math.min(1, 0.4 + 0.3 * f.crews));
    });
    let left = seen;
    let kills = 0;
    const spent = input.forces.map((f, p) => {
      const kind = ARITHMETIC_KINDS[pools[p].kind];
      const shots = Math.min(f.stock, f.crews * kind.perCrew, left);
      left -= shots;
      for (let i = 0; i < shots; i++) if (rng.next() < kind.pk) kills++;
      return shots;
    });
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
