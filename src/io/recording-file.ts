// Reads recorded-detection files (and tracker output files) from disk; unreadable files become
// located issues like any other error.

import { readFileSync, statSync } from 'node:fs';
import type { ScenarioIssue } from '../scenario/index.js';
import {
  parseRecording,
  parseTrackRows,
  type RecordingResult,
  type TrackRowsResult,
} from '../scenario/recording.js';

/** Recordings larger than this are refused before reading. */
const MAX_RECORDING_BYTES = 512 * 1024 * 1024;

export function loadRecordingFile(file: string): RecordingResult {
  const text = readText(file);
  return typeof text === 'string' ? parseRecording(text, file) : { ok: false, issues: [text] };
}

export function loadTrackRowsFile(file: string): TrackRowsResult {
  const text = readText(file);
  return typeof text === 'string' ? parseTrackRows(text, file) : { ok: false, issues: [text] };
}

function readText(file: string): string | ScenarioIssue {
  const fail = (message: string): ScenarioIssue => ({ file, line: 1, column: 1, field: '(file)', message });
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail('is a folder, not a recording file');
    if (stat.size > MAX_RECORDING_BYTES)
      return fail(`file is ${stat.size} bytes; the limit is ${MAX_RECORDING_BYTES}`);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === 'ENOENT') return fail('no such file');
    if (error.code === 'EACCES') return fail('permission denied');
    if (error instanceof TypeError) return fail('not UTF-8 text');
    return fail(`cannot read: ${error.message}`);
  }
}
