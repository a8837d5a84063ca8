#!/usr/bin/env node
// Prerenders the citizen pages after `vite build` (package.json "build"): each page's first frame,
// in Vietnamese, goes into dist/pages/<path>.html, with the page's stylesheet linked and its
// modules preloaded from the head. On a slow phone the page's text then paints as soon as the HTML
// and one stylesheet have arrived, instead of after five chained scripts (Lighthouse's LCP, issue
// 17); the page's script takes the markup over when it arrives (src/public/main.tsx).
//
// How: Vite builds src/public/prerender.tsx for Node (React's renderToString; React itself comes
// from node_modules), this script loads it with a minimal `window` (the pages read the address
// while rendering), and fills dist/index.html's shell with each page. Vite's manifest
// (dist/.vite/manifest.json, written by the client build) names each page's chunks and
// stylesheets; it is removed afterwards, the server has no use for it.
//
// usage: node scripts/prerender.mjs [dist-dir]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(WEB, 'dist'));
// inside node_modules: the bundle imports react and react-dom from web/node_modules
const ssrOut = path.join(WEB, 'node_modules', '.cache', 'antq-prerender');

const manifestFile = path.join(dist, '.vite', 'manifest.json');
const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
const shell = await readFile(path.join(dist, 'index.html'), 'utf8');

await build({
  root: WEB,
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    ssr: 'src/public/prerender.tsx',
    outDir: ssrOut,
    emptyOutDir: true,
    rolldownOptions: { output: { entryFileNames: 'prerender.mjs' } },
  },
});

// What the pages read while rendering: the address (set per page below). Nothing else of the
// browser is touched before effects run, and effects do not run here.
const location = { pathname: '/', search: '', hash: '', origin: 'http://localhost', href: 'http://localhost/' };
globalThis.window = { location, addEventListener() {}, removeEventListener() {} };

const { PAGES, render } = await import(pathToFileURL(path.join(ssrOut, 'prerender.mjs')).href);

/** The page's chunk, the chunks it imports (transitively) and their stylesheets, in order. */
function assetsOf(entry) {
  const js = [];
  const css = [];
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`prerender: ${key} is not in Vite's manifest`);
    for (const dep of chunk.imports ?? []) visit(dep);
    js.push(`/${chunk.file}`);
    for (const file of chunk.css ?? []) css.push(`/${file}`);
  };
  visit(entry);
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(page, html, title) {
  const { js, css } = assetsOf(page.entry);
  const head = [
    ...css.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    ...js.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ].join('\n    ');
  const out = shell
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace('</head>', `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root" data-prerendered="${escapeHtml(page.address)}">${html}</div>`);
  if (!out.includes('data-prerendered=')) throw new Error('prerender: dist/index.html has no <div id="root"></div>');
  return out;
}

for (const page of PAGES) {
  location.pathname = page.address;
  location.href = `http://localhost${page.address}`;
  const { html, title } = await render(page);
  const file = path.join(dist, 'pages', `${page.file}.html`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, fill(page, html, title));
  console.log(`prerender: ${page.address} → ${path.relative(dist, file)} (${(html.length / 1024).toFixed(1)} KiB of markup)`);
}
await rm(path.join(dist, '.vite'), { recursive: true, force: true });
await rm(ssrOut, { recursive: true, force: true });
