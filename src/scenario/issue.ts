// A problem found in a scenario file, located to the character so an editor can jump to it.

export type FieldPath = readonly (string | number)[];

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted field path, e.g. `threats[1].launch.spread`. */
  field: string;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(document)' : out;
}

/** One line a terminal or an editor's problem matcher reads: file:line:column: field: message. */
export function formatIssue(issue: ScenarioIssue): string {
  let text = `${issue.file}:${issue.line}:${issue.column}: ${issue.field}: ${issue.message}`;
  if (issue.expected !== undefined) text += `; expected ${issue.expected}`;
  if (issue.found !== undefined) text += `, found ${issue.found}`;
  if (issue.hint !== undefined) text += ` (${issue.hint})`;
  return text;
}

export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}
