// The console's main chunk, as built: what every visit downloads before the map shows. The scenario
// parser, the YAML library and the gazetteer belong to the scenario editor and load when it is
// first used (a lazily imported chunk), as do the geodata exporters; the map's town labels load on
// their own too. Checks the built files, not sizes, so it holds whatever the minifier does.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partState } from '../../scripts/build-state.mjs';
import { CONSOLE_DIR } from './console-server.js';

describe('console bundle', () => {
  it('keeps the parser, YAML, the gazetteer and the exporters out of the main chunk', () => {
    expect(partState('console')).toBe('fresh');
    const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const main = readFileSync(join(CONSOLE_DIR, entry!), 'utf8');
    const chunks = readdirSync(join(CONSOLE_DIR, 'assets')).filter((f) => f.endsWith('.js'));
    const chunk = (prefix: string) => {
      const file = chunks.find((f) => f.startsWith(prefix));
      expect(file, prefix).toBeDefined();
      return readFileSync(join(CONSOLE_DIR, 'assets', file!), 'utf8');
    };
    // The parser's chunk holds the YAML library and the gazetteer's towns; the main chunk neither,
    // and it imports the chunk only dynamically.
    const parser = chunk('parse-');
    for (const marker of ['YAMLParseError', 'Brovary']) {
      expect(parser).toContain(marker);
      expect(main).not.toContain(marker);
    }
    const name = chunks.find((f) => f.startsWith('parse-'))!;
    expect(main).toMatch(new RegExp(`import\\(["'][^"']*${name.replace('.', '\\.')}["']\\)`));
    expect(main).not.toMatch(new RegExp(`from\\s*["'][^"']*${name.replace('.', '\\.')}["']`));
    expect(chunk('geojson-export-')).toContain('FeatureCollection');
  });
});
