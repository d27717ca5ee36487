// Maps a field path of the parsed document back to line and column in the source text.

import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { FieldPath } from './issue.js';

export class SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Line and column (1-based) of the value at `path`, of its key when `atKey`, or of the nearest
   * enclosing node that exists (a missing field is reported where it should have been).
   */
  locate(path: FieldPath, atKey = false): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let located: Node | null = (this.doc.contents as Node | null) ?? null;
    for (let depth = 0; depth < path.length; depth++) {
      const part = path[depth];
      const last = depth === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
        );
        if (!pair) break;
        if (last && atKey && isScalar(pair.key)) {
          located = pair.key;
          break;
        }
        node = pair.value;
        if (node && (isScalar(node) || isMap(node) || isSeq(node))) located = node as Node;
        else if (isScalar(pair.key)) located = pair.key;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (!item) break;
        node = item;
        if (isScalar(item) || isMap(item) || isSeq(item)) located = item as Node;
      } else {
        break;
      }
    }
    const offset = located?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}
