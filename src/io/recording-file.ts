// Reads recorded-detection files (and tracker output files) from disk; unreadable files become
// located issues like any other error.

import {
  parseRecording,
  parseTrackRows,
  type RecordingResult,
  type TrackRowsResult,
} from '../scenario/recording.js';
import { readText } from './scenario-file.js';

/** Recordings larger than this are refused before reading. */
const MAX_RECORDING_BYTES = 512 * 1024 * 1024;

export function loadRecordingFile(file: string): RecordingResult {
  const text = readText(file, MAX_RECORDING_BYTES, 'recording');
  return typeof text === 'string' ? parseRecording(text, file) : { ok: false, issues: [text] };
}

export function loadTrackRowsFile(file: string): TrackRowsResult {
  const text = readText(file, MAX_RECORDING_BYTES, 'track');
  return typeof text === 'string' ? parseTrackRows(text, file) : { ok: false, issues: [text] };
}
