// Reads the calibration dataset from disk (data/calibration/nights.yaml by default). An unreadable
// file is a located issue like any other.

import { join } from 'node:path';
import type { CalibrationDataset } from '../model/calibration.js';
import { parseCalibrationNights, type ScenarioIssue } from '../scenario/index.js';
import { PACKAGE_ROOT, readText } from './scenario-file.js';

export const DEFAULT_CALIBRATION_NIGHTS = join(PACKAGE_ROOT, 'data', 'calibration', 'nights.yaml');
/** The base scenario whose raid is scaled to each night. */
export const DEFAULT_CALIBRATION_BASE = join(PACKAGE_ROOT, 'scenarios', 'record-night.yaml');

export interface LoadedCalibrationNights {
  file: string;
  text: string;
  result: { ok: true; dataset: CalibrationDataset } | { ok: false; issues: ScenarioIssue[] };
}

export function loadCalibrationNights(file: string = DEFAULT_CALIBRATION_NIGHTS): LoadedCalibrationNights {
  const text = readText(file, 5 * 1024 * 1024, 'calibration dataset');
  if (typeof text !== 'string') return { file, text: '', result: { ok: false, issues: [text] } };
  return { file, text, result: parseCalibrationNights(text, file) };
}
