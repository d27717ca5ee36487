// Reads static WTA instance files from disk; unreadable files become located issues.

import { parseWtaInstance, type WtaInstanceResult } from '../scenario/wta-instance.js';
import { readText } from './scenario-file.js';

export function loadWtaInstanceFile(file: string): WtaInstanceResult {
  const text = readText(file);
  if (typeof text !== 'string') return { ok: false, issues: [text] };
  return parseWtaInstance(text, file);
}
