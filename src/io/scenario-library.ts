// The scenario files of one folder, offered by name (to the web console): listed, read and
// parsed without ever leaving the folder.

import type { ParseResult } from '../scenario/index.js';
import { loadScenarioFile } from './scenario-file.js';
import { filesInside, resolveInside } from './safe-path.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** `bulwark site` results lie beside the scenarios they were made from; they are not scenarios. */
const SITING_RESULT = /\.siting\.json$/i;

export interface ScenarioEntry {
  /** File name inside the folder, the scenario's id in URLs. */
  id: string;
  name: string;
  description: string;
  ok: boolean;
}

export class ScenarioLibrary {
  constructor(readonly folder: string) {}

  ids(): string[] {
    return filesInside(this.folder, SCENARIO_FILE).filter((id) => !SITING_RESULT.test(id));
  }

  list(): ScenarioEntry[] {
    return this.ids().map((id) => {
      const loaded = this.load(id)!;
      return loaded.result.ok
        ? { id, name: loaded.result.scenario.name, description: loaded.result.scenario.description, ok: true }
        : { id, name: id, description: '', ok: false };
    });
  }

  /** The file's text and parse result, or undefined when no such scenario is offered. */
  load(id: string): { text: string; result: ParseResult } | undefined {
    if (!SCENARIO_FILE.test(id) || SITING_RESULT.test(id)) return undefined;
    const path = resolveInside(this.folder, id);
    if (path === undefined) return undefined;
    const loaded = loadScenarioFile(path, { importsInside: this.folder });
    if (!loaded.result.ok && loaded.result.issues[0]?.message === 'no such file') return undefined;
    // Issues name the file as the client knows it, not by its place on this disk.
    if (!loaded.result.ok) {
      return {
        text: loaded.text,
        result: { ok: false, issues: loaded.result.issues.map((i) => ({ ...i, file: id })) },
      };
    }
    return { text: loaded.text, result: loaded.result };
  }
}
