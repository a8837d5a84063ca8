// The retry rules of the shipped deploy/nginx/antq-site.conf, against two stub upstreams: the
// first one fails (it drops the connection after reading the request, answers 503, or refuses
// the connection), the second (a backup) answers. nginx may send a request again to the second
// only when that is safe: GET and HEAD, or a request with an Idempotency-Key; any request when
// the first connection was refused (nothing was sent). Also: /metrics is not public, and the body
// limit lets a 25 MiB attachment through but not more than 26 MiB.
//
//   node deploy/tests/nginx-retry-test.mjs      (exits non-zero with the failed cases)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = path.join(ROOT, 'deploy/nginx/antq-site.conf');
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const dir = mkdtempSync(path.join(tmpdir(), 'antq-nginx-retry-'));
const children = [];
const servers = [];
const failures = [];

function listen(server) {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

// The failing upstream: how it fails is chosen by the path (/drop, /busy).
const hits = { failing: 0, good: 0 };
const failing = http.createServer((req, res) => {
  hits.failing++;
  req.resume();
  req.on('end', () => {
    if (req.url.startsWith('/busy')) {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"unavailable"}}');
    } else {
      req.socket.destroy(); // the request was sent; the instance dies before answering
    }
  });
});
const good = http.createServer((req, res) => {
  hits.good++;
  let size = 0;
  req.on('data', (c) => (size += c.length));
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ from: 'good', method: req.method, size }));
  });
});
const failingPort = await listen(failing);
const goodPort = await listen(good);
// A port where nothing listens: a closed server socket's port, not reused within this test.
const refused = net.createServer();
const refusedPort = await new Promise((r) => refused.listen(0, '127.0.0.1', () => r(refused.address().port)));
await new Promise((r) => refused.close(r));

async function startNginx(name, firstPort) {
  const d = path.join(dir, name);
  const port = await new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${d}.pid;
error_log ${d}.error.log info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${d}.body; proxy_temp_path ${d}.proxy; fastcgi_temp_path ${d}.fcgi;
  uwsgi_temp_path ${d}.uwsgi; scgi_temp_path ${d}.scgi;
  # max_fails=0: the failing upstream is tried first every time; the good one only as a retry.
  upstream antq { server 127.0.0.1:${firstPort} max_fails=0; server 127.0.0.1:${goodPort} backup; }
  server { listen 127.0.0.1:${port}; include ${SITE}; }
}
`;
  writeFileSync(`${d}.conf`, conf);
  const child = spawn(NGINX, ['-p', dir, '-e', `${d}.error.log`, '-c', `${d}.conf`], { stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (up) return `http://127.0.0.1:${port}`;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start:\n${existsSync(`${d}.error.log`) ? readFileSync(`${d}.error.log`, 'utf8') : ''}`);
}

async function check(base, name, method, url, { key, body, expect, goodHits }) {
  const before = hits.good;
  let status;
  try {
    const res = await fetch(base + url, {
      method,
      headers: { ...(key ? { 'Idempotency-Key': key } : {}), ...(body ? { 'Content-Type': 'application/octet-stream' } : {}) },
      body,
    });
    await res.arrayBuffer();
    status = res.status;
  } catch (e) {
    status = `error ${e.cause?.code ?? e}`;
  }
  const reached = hits.good - before;
  const ok = status === expect && (goodHits === undefined || reached === goodHits);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${method} ${url} → ${status}, sent on to the other instance ${reached}×`);
  if (!ok) failures.push(`${name}: expected ${expect} (other instance ${goodHits}×), got ${status} (${reached}×)`);
}

try {
  const base = await startNginx('dying', failingPort);
  await check(base, 'GET is retried', 'GET', '/api/v1/units', { expect: 200, goodHits: 1 });
  await check(base, 'HEAD is retried', 'HEAD', '/api/v1/units', { expect: 200, goodHits: 1 });
  await check(base, 'POST with a key is retried', 'POST', '/api/v1/public/tips', { key: 'k1', body: '{}', expect: 200, goodHits: 1 });
  await check(base, 'PATCH with a key is retried', 'PATCH', '/api/v1/activities/1', { key: 'k2', body: '{}', expect: 200, goodHits: 1 });
  await check(base, 'DELETE with a key is retried', 'DELETE', '/api/v1/activities/1', { key: 'k3', expect: 200, goodHits: 1 });
  await check(base, 'POST without a key is not', 'POST', '/api/v1/public/tips', { body: '{}', expect: 502, goodHits: 0 });
  await check(base, 'PATCH without a key is not', 'PATCH', '/api/v1/activities/1', { body: '{}', expect: 502, goodHits: 0 });
  await check(base, 'PUT without a key is not', 'PUT', '/api/v1/news/settings/x', { body: '{}', expect: 502, goodHits: 0 });
  await check(base, 'DELETE without a key is not', 'DELETE', '/api/v1/activities/1', { expect: 502, goodHits: 0 });
  await check(base, 'a 503 GET is retried', 'GET', '/busy', { expect: 200, goodHits: 1 });
  await check(base, 'a 503 POST with a key is retried', 'POST', '/busy', { key: 'k4', body: '{}', expect: 200, goodHits: 1 });
  await check(base, 'a 503 POST without a key is passed on', 'POST', '/busy', { body: '{}', expect: 503, goodHits: 0 });
  await check(base, '/metrics is not public', 'GET', '/metrics', { expect: 404, goodHits: 0 });
  const mib = 1024 * 1024;
  await check(base, 'a 25 MiB attachment passes', 'POST', '/api/v1/public/tips/X/attachments', {
    key: 'k5',
    body: Buffer.alloc(25 * mib),
    expect: 200,
    goodHits: 1,
  });
  await check(base, 'over 26 MiB is refused by nginx', 'POST', '/api/v1/public/tips/X/attachments', {
    body: Buffer.alloc(26 * mib + 1),
    expect: 413,
    goodHits: 0,
  });

  const base2 = await startNginx('refusing', refusedPort);
  await check(base2, 'POST without a key, connection refused: sent to another', 'POST', '/api/v1/public/tips', {
    body: '{}',
    expect: 200,
    goodHits: 1,
  });
  await check(base2, 'PUT without a key, connection refused: 502', 'PUT', '/api/v1/news/settings/x', {
    body: '{}',
    expect: 502,
    goodHits: 0,
  });
} catch (e) {
  failures.push(String(e.stack ?? e));
} finally {
  for (const c of children) c.kill('SIGQUIT');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`nginx-retry: FAILED:\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log('nginx-retry: OK: only GET/HEAD and requests with an Idempotency-Key are sent again after being sent');
process.exit(0);
