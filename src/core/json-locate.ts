// Line and column of a value inside JSON text, by its path of keys and indices: lets readers of
// large JSON files (parsed with JSON.parse for speed) point their errors at the right place.

export interface TextPosition {
  line: number;
  column: number;
}

/** Position of the value at `path` (or of the deepest part of it that exists); 1-based. */
export function locateJson(text: string, path: readonly (string | number)[]): TextPosition {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const skipValue = () => {
    ws();
    const ch = text[i];
    if (ch === '"') return skipString();
    if (ch === '{' || ch === '[') {
      let depth = 0;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    while (i < text.length && !',]}'.includes(text[i])) i++;
  };
  ws();
  let found = i;
  for (const key of path) {
    ws();
    if (typeof key === 'number' && text[i] === '[') {
      i++;
      let index = 0;
      ws();
      let ok = false;
      while (i < text.length && text[i] !== ']') {
        if (index === key) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
        index++;
      }
      if (!ok) break;
    } else if (typeof key === 'string' && text[i] === '{') {
      i++;
      let ok = false;
      ws();
      while (i < text.length && text[i] === '"') {
        const keyStart = i;
        const name = readString();
        ws();
        if (text[i] === ':') i++;
        ws();
        if (name === key) {
          ok = true;
          found = keyStart;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      if (!ok) break;
    } else {
      break;
    }
    ws();
    found = i;
  }
  return positionOf(text, found);
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
