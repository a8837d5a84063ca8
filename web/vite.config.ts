import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The C++ server (`antq serve`) serves dist/ itself; in development Vite
// forwards API calls to a locally running server.
const apiTarget = process.env.ANTQ_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // Ant Design is most of the weight; it changes less often than the app, so it gets its
    // own long-cacheable chunk, and so do React and its companions.
    // every browser the app supports preloads modules natively: no polyfill in the entry
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200, // the antd chunk is ~1.1 MB raw (with Table, DatePicker, Drawer…), ~270 kB brotli
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // only the two-factor page draws QR codes: keep it out of the chunk every page loads
            { name: 'qrcode', test: /[\\/]node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/, priority: 30 },
            // Apache ECharts (and its renderer zrender): only the reports dashboard loads it
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            // React alone: the public pages (/, /gui-tin-bao, /tra-cuu-tin-bao, /gop-y …) load this and their own code only
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 25 },
            // the public pages' frame, texts machinery, API calls and form parts: one chunk for all of
            // them (small shared chunks each cost a request and their own compression overhead)
            {
              name: 'public',
              test: /[\\/]src[\\/]public[\\/]((main|PublicApp|i18n|ui|api|icons|files)\.tsx?|i18n[\\/]common\.vi\.json)$/,
              priority: 25,
              // only these: what they import (lib/*, shared with the staff app) stays out, else the
              // staff app would load this chunk and the public pages' CSS
              includeDependenciesRecursively: false,
            },
            // the tip rules and the Vietnamese number and date formats: one small chunk that every
            // public page and the staff app load (the news pages use the formats alone; without
            // this the formats would be a chunk of their own, one more request on every page)
            { name: 'tips', test: /[\\/]src[\\/]lib[\\/](tips|format)\.ts$/, priority: 25, includeDependenciesRecursively: false },
            // the proof of work's SHA-256 (the worker has its own copy; this one is the fallback)
            { name: 'sha256', test: /[\\/]node_modules[\\/]@noble[\\/]/, priority: 25 },
            // the staff app's companions of React
            {
              name: 'libs',
              test: /[\\/]node_modules[\\/](react-router|@tanstack|i18next|react-i18next)[\\/]/,
              priority: 20,
            },
            { name: 'antd', test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  worker: {
    // the proof-of-work solver of the public form (src/public/pow.worker.ts)
    format: 'es',
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
