// The campaign files of a scenario folder's `campaigns/` subfolder, offered by name (to the web
// console): listed and read without ever leaving the scenario folder. A campaign names its tactical
// scenario by a path relative to itself; that path too must stay inside the scenario folder.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseCampaign, type ScenarioIssue } from '../scenario/index.js';
import type { LoadedCampaign } from './campaign-file.js';
import { filesInside, resolveInside } from './safe-path.js';
import { loadScenarioFile, readText } from './scenario-file.js';

const CAMPAIGN_FILE = /\.(ya?ml|json)$/i;
/** The subfolder of the scenario folder that holds campaign files. */
export const CAMPAIGN_FOLDER = 'campaigns';

export interface CampaignEntry {
  /** File name inside the campaign folder, the campaign's id in URLs. */
  id: string;
  name: string;
  description: string;
  horizonDays: number;
  evaluation: string;
  ok: boolean;
}

export class CampaignLibrary {
  readonly folder: string;

  constructor(readonly scenariosDir: string) {
    this.folder = join(scenariosDir, CAMPAIGN_FOLDER);
  }

  ids(): string[] {
    return filesInside(this.folder, CAMPAIGN_FILE);
  }

  list(): CampaignEntry[] {
    return this.ids().map((id) => {
      const r = this.load(id)!.result;
      return r.ok
        ? {
            id,
            name: r.campaign.name,
            description: r.campaign.description,
            horizonDays: r.campaign.horizonDays,
            evaluation: r.campaign.evaluation,
            ok: true,
          }
        : { id, name: id, description: '', horizonDays: 0, evaluation: '', ok: false };
    });
  }

  /** The campaign with its tactical scenario, or undefined when no such campaign is offered. */
  load(id: string): LoadedCampaign | undefined {
    if (!CAMPAIGN_FILE.test(id)) return undefined;
    const path = resolveInside(this.folder, id);
    if (path === undefined) return undefined;
    const text = readText(path, undefined, 'campaign');
    if (typeof text !== 'string') {
      if (text.message === 'no such file') return undefined;
      return {
        file: id,
        text: '',
        tacticalText: '',
        tacticalPath: '',
        result: { ok: false, issues: [text] },
      };
    }
    let tacticalText = '';
    let tacticalPath = '';
    const result = parseCampaign(text, id, (written) => {
      const inside = this.inside(resolve(dirname(path), written));
      if (inside === undefined)
        return { ok: false, issues: [outside(written)] } as { ok: false; issues: ScenarioIssue[] };
      tacticalPath = inside;
      const loaded = loadScenarioFile(inside);
      tacticalText = loaded.text;
      if (loaded.result.ok) return loaded.result;
      // Issues name the file as the client knows it (relative to the scenario folder).
      const shown = relative(this.scenariosDir, inside);
      return { ok: false, issues: loaded.result.issues.map((i) => ({ ...i, file: shown })) };
    });
    return { file: id, text, tacticalText, tacticalPath, result };
  }

  /** The path when it (after following links) lies inside the scenario folder. */
  private inside(path: string): string | undefined {
    let real: string;
    let folder: string;
    try {
      folder = realpathSync(this.scenariosDir);
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    const rel = relative(folder, real);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : path;
  }
}

function outside(written: string): ScenarioIssue {
  return {
    file: written,
    line: 1,
    column: 1,
    field: '(file)',
    message: 'no such scenario in the scenario folder',
  };
}
