// Builds the web console (src/web) into dist/console, where `bulwark serve` finds it.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { buildBaseMap } from './scripts/base-map.mjs';

/**
 * `virtual:places`: towns and cities from GeoNames, the gazetteer snapshot scenarios name towns
 * from (data/gazetteer/towns.tsv, largest first), as [name, lat, lon, population] rows, so the
 * offline map labels the same towns with no network.
 */
function places(): Plugin {
  const id = '\0virtual:places';
  return {
    name: 'bulwark-places',
    resolveId: (source) => (source === 'virtual:places' ? id : undefined),
    load(source) {
      if (source !== id) return undefined;
      const rows = readFileSync(new URL('data/gazetteer/towns.tsv', import.meta.url), 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .slice(1)
        .map((line) => {
          const [name, , lat, lon, population] = line.split('\t');
          return [name, +(+lat).toFixed(3), +(+lon).toFixed(3), +population];
        });
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

/**
 * `virtual:base-map`: Natural Earth rivers, lakes and region borders clipped to Ukraine and its
 * neighbours (scripts/base-map.mjs), generated from npm packages at build time.
 */
function baseMap(): Plugin {
  const id = '\0virtual:base-map';
  return {
    name: 'bulwark-base-map',
    resolveId: (source) => (source === 'virtual:base-map' ? id : undefined),
    load: (source) => (source === id ? `export default ${JSON.stringify(buildBaseMap())};` : undefined),
  };
}

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  plugins: [places(), baseMap()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The console must work with no network: every asset is bundled, nothing is fetched from a CDN.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
