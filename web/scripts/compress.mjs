#!/usr/bin/env node
// Writes precompressed copies (.gz and .br) next to every text asset larger than 1 KiB in
// the build output, so that the server can send them as they are. Uses node:zlib only.
//
// usage: node scripts/compress.mjs [dist-dir]
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const EXTENSIONS = new Set(['.js', '.css', '.html', '.svg', '.json', '.geojson']);
const MIN_SIZE = 1024;

const root = path.resolve(process.argv[2] ?? 'dist');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

let files = 0;
let raw = 0;
let gz = 0;
let br = 0;
for await (const file of walk(root)) {
  if (!EXTENSIONS.has(path.extname(file))) continue;
  const { size } = await stat(file);
  if (size <= MIN_SIZE) continue;
  const data = await readFile(file);
  const gzipped = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  await writeFile(`${file}.gz`, gzipped);
  await writeFile(`${file}.br`, brotli);
  files += 1;
  raw += size;
  gz += gzipped.length;
  br += brotli.length;
}

console.log(`compress: ${files} files in ${path.relative(process.cwd(), root) || '.'}: ${kib(raw)} → gzip ${kib(gz)}, brotli ${kib(br)}`);
