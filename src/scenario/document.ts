// Reads YAML (or JSON) text into a plain value and a located Reader for it: the first step of every
// file format (scenarios, campaigns). Syntax errors come back located, like every other issue.

import { LineCounter, parseDocument } from 'yaml';
import type { ScenarioIssue } from './issue.js';
import { Reader, type Raw } from './reader.js';
import { SourceMap } from './source-map.js';

export type DocumentRead = { ok: true; reader: Reader; raw: Raw } | { ok: false; issues: ScenarioIssue[] };

export function readDocument(text: string, file: string): DocumentRead {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          field: '(syntax)',
          message: e.message.split('\n')[0],
        };
      }),
    };
  }
  const reader = new Reader(file, new SourceMap(doc, lines));
  try {
    return { ok: true, reader, raw: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    reader.error([], `cannot read the document: ${(e as Error).message}`);
    return { ok: false, issues: reader.issues };
  }
}
