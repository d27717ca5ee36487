// Builds the web console (src/web) into dist/console, where `bulwark serve` finds it.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The console must work with no network: every asset is bundled, nothing is fetched from a CDN.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
