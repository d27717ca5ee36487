// Reads a campaign file and the tactical scenario it names (a path relative to the campaign file).
// Unreadable files become located issues like any other error.

import { dirname, resolve } from 'node:path';
import type { Campaign } from '../model/campaign.js';
import type { Scenario } from '../model/scenario.js';
import { parseCampaign, type ScenarioIssue } from '../scenario/index.js';
import { loadScenarioFile, readText } from './scenario-file.js';

export interface LoadedCampaign {
  file: string;
  /** The campaign's text and its tactical scenario's, for cache keys and reports. */
  text: string;
  tacticalText: string;
  tacticalPath: string;
  result: { ok: true; campaign: Campaign; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };
}

export function loadCampaignFile(file: string): LoadedCampaign {
  const text = readText(file, undefined, 'campaign');
  if (typeof text !== 'string')
    return { file, text: '', tacticalText: '', tacticalPath: '', result: { ok: false, issues: [text] } };
  let tacticalText = '';
  let tacticalPath = '';
  const result = parseCampaign(text, file, (path) => {
    tacticalPath = resolve(dirname(file), path);
    const loaded = loadScenarioFile(tacticalPath);
    tacticalText = loaded.text;
    return loaded.result;
  });
  return { file, text, tacticalText, tacticalPath, result };
}
