import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The service worker's outbox sender (src/offline/sw/outboxWorker.ts) as one classic script,
// dist/sw-outbox-sync.js, which the Workbox worker imports (vite.config.ts, `importScripts`).
// Built after the app (`npm run build`), into the same dist/ without emptying it.
export default defineConfig({
  resolve: {
    // api/client.ts's messages without i18next (src/offline/sw/messages.ts)
    alias: [{ find: /^\.\.\/i18n$/, replacement: fileURLToPath(new URL('./src/offline/sw/messages.ts', import.meta.url)) }],
  },
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2020',
    lib: {
      entry: fileURLToPath(new URL('./src/offline/sw/outboxWorker.ts', import.meta.url)),
      formats: ['iife'],
      name: 'antqOutboxSync',
      fileName: () => 'sw-outbox-sync.js',
    },
  },
});
