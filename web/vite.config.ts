import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Builds the web reader into `web/dist`, served by the Parallax server at `/` (works offline, no CDN). */
export default defineConfig({
  root,
  base: '/',
  // The server's CSP forbids inline scripts: keep the preload polyfill out and assets as files.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
