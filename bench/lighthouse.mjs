#!/usr/bin/env node
// The measurements of bench/lighthouse.sh (which starts the server): Lighthouse on the public
// pages, then the staff app's JavaScript before its first page after login is usable.
//
// usage: node bench/lighthouse.mjs BASE_URL [STAFF_USERNAME...]
//   env: ANTQ_CHROMIUM (/usr/bin/chromium), BENCH_STAFF_PASSWORD (the staff accounts' password),
//        BENCH_LH_RUNS (3), BENCH_LH_PAGES (paths, space-separated), BENCH_WEB_ROOT (printed only)
// Exits 0 whatever the figures (OVER is printed); 2 when a measurement could not be made.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WEB_DIR = path.resolve(BENCH_DIR, '..', 'web');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const CHROMIUM = process.env.ANTQ_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3) || 3);

const BUDGET = { score: 90, lcpMs: 2000, publicJs: 100 * 1024, staffJs: 300 * 1024 };
// BENCH_LH_PAGES=- : the staff app only
const PUBLIC_PAGES = process.env.BENCH_LH_PAGES?.trim()
  ? process.env.BENCH_LH_PAGES.trim()
      .split(/\s+/)
      .filter((p) => p !== '-')
  : ['/gui-tin-bao', '/tra-cuu-tin-bao', '/tin-tuc?unit=21220', '/tin-tuc/1'];

const [baseUrl, ...staffUsers] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node bench/lighthouse.mjs BASE_URL [STAFF_USERNAME...]');
  process.exit(2);
}

// lighthouse, chrome-launcher and playwright-core are web/'s dev dependencies
const webRequire = createRequire(path.join(WEB_DIR, 'package.json'));
const load = async (name) => import(pathToFileURL(webRequire.resolve(name)).href);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** Bytes of `url` as the server sends it to a client that accepts gzip (node:http does not inflate). */
function gzipBytes(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity', status: res.statusCode }));
      })
      .on('error', reject);
  });
}

async function sumGzip(urls) {
  let total = 0;
  for (const url of new Set(urls)) total += (await gzipBytes(url)).bytes;
  return total;
}

/** CPU use by every process over one second (0–100 %), as bench/run.sh prints it. */
async function cpuBusy() {
  const sample = () =>
    os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, total: a.total + Object.values(c.times).reduce((x, y) => x + y, 0) }), {
      idle: 0,
      total: 0,
    });
  const a = sample();
  await new Promise((r) => setTimeout(r, 1000));
  const b = sample();
  const total = b.total - a.total;
  return total > 0 ? Math.round((100 * (total - (b.idle - a.idle))) / total) : 0;
}

// ---------------------------------------------------------------- public pages (Lighthouse)

async function lighthouseRun(lighthouse, launch, url) {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    // the defaults: the mobile form factor and simulated throttling (slow 4G, 4× CPU slowdown)
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result?.lhr) throw new Error(`Lighthouse gave no report for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

async function measurePage(lighthouse, launch, pagePath) {
  const url = new URL(pagePath, baseUrl).href;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(lighthouse, launch, url));
  // the run with the median score (ties: the median LCP)
  runs.sort(
    (a, b) =>
      a.categories.performance.score - b.categories.performance.score ||
      a.audits['largest-contentful-paint'].numericValue - b.audits['largest-contentful-paint'].numericValue,
  );
  const lhr = runs[Math.floor((runs.length - 1) / 2)];
  const requests = lhr.audits['network-requests'].details.items;
  const of = (type) => requests.filter((r) => r.resourceType === type && r.url.startsWith(baseUrl));
  const js = of('Script');
  const css = of('Stylesheet');
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && a.score !== null && a.score < 0.9)
    .map((a) => ({ id: a.id, title: a.title, savings: a.displayValue ?? '' }));
  return {
    page: pagePath,
    score: Math.round(lhr.categories.performance.score * 100),
    scores: runs.map((r) => Math.round(r.categories.performance.score * 100)),
    lcp_ms: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    fcp_ms: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    tbt_ms: Math.round(lhr.audits['total-blocking-time'].numericValue),
    js_gzip: await sumGzip(js.map((r) => r.url)),
    js_transferred: js.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    js_files: js.length,
    css_gzip: await sumGzip(css.map((r) => r.url)),
    css_transferred: css.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    opportunities,
    lhr,
  };
}

// ---------------------------------------------------------------- staff app (playwright-core)

/** The script requests of `page` to this server, as they are made. */
function scriptLog(page) {
  const urls = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && r.url().startsWith(baseUrl)) urls.push(r.url());
  });
  return urls;
}

/** Waits for the page's main heading (its first h1) and answers its text. */
async function headingShown(page) {
  const heading = page.locator('h1').first();
  await heading.waitFor({ state: 'visible' });
  return (await heading.textContent())?.trim() ?? '';
}

/**
 * One account in a fresh profile (nothing cached): the login page, then the first page after it.
 * Then, in another fresh profile with the session cookie alone, that first page opened again: what
 * a logged-in officer's browser loads when the app opens (the budget's figure).
 */
async function measureStaff(chromium, username, password) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const options = { viewport: { width: 1366, height: 800 }, locale: 'vi-VN' };
  try {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const flow = scriptLog(page);
    await page.goto(new URL('/login', baseUrl).href);
    const form = page.getByTestId('login-form');
    await form.getByLabel('Tên đăng nhập').waitFor();
    const loginPage = flow.slice();
    await form.getByLabel('Tên đăng nhập').fill(username);
    await form.getByLabel('Mật khẩu').fill(password);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await headingShown(page);
    const loginFlow = flow.slice();
    const landing = new URL(page.url()).pathname + new URL(page.url()).search;
    const { cookies } = await context.storageState();
    await context.close();

    const again = await browser.newContext({ ...options, storageState: { cookies, origins: [] } });
    // The page notes, by its own clock, when its heading first shows: the scripts it had asked for
    // by then are the first page's (what starts after loads once the page is usable, such as a
    // chart after the figures). Playwright's own wait answers later, the later the busier the
    // machine, and counted what started meanwhile.
    await again.addInitScript(() => {
      const seen = () => {
        const h = document.querySelector('h1');
        if (h && h.textContent.trim() && h.getClientRects().length) window.__antqHeadingAt ??= performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const opened = await again.newPage();
    opened.setDefaultTimeout(60_000);
    const scripts = scriptLog(opened);
    await opened.goto(new URL(landing, baseUrl).href);
    const heading = await headingShown(opened);
    const shownAt = await opened.evaluate(() => window.__antqHeadingAt ?? Infinity);
    const usable = await opened.evaluate(
      ([origin, until]) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(origin) && new URL(e.name).pathname.endsWith('.js') && e.startTime <= until)
          .map((e) => e.name),
      [new URL(baseUrl).origin, shownAt],
    );
    await opened.waitForLoadState('networkidle');
    const idle = scripts.slice();
    await again.close();
    return {
      username,
      landing,
      heading,
      login_page_js_gzip: await sumGzip(loginPage),
      login_flow_js_gzip: await sumGzip(loginFlow),
      js_gzip: await sumGzip(usable),
      js_files: new Set(usable).size,
      js_gzip_idle: await sumGzip(idle),
      scripts: [...new Set(usable.map((u) => new URL(u).pathname))],
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- report

const verdict = (ok) => (ok ? 'OK' : 'OVER');

async function main() {
  const busy = await cpuBusy();
  const now = new Date().toISOString();
  console.log(`ANTQ web pages benchmark — ${now} — ${os.cpus().length} CPU(s); web root ${process.env.BENCH_WEB_ROOT ?? '?'}`);
  console.log(
    `CPU busy just before the run: ${busy}%${busy > 20 ? ' (Lighthouse scales the CPU time it observes: expect lower scores on a busy machine)' : ''}`,
  );

  const { default: lighthouse } = await load('lighthouse');
  const { launch } = await load('chrome-launcher');
  const playwright = await load('playwright-core');
  const chromium = playwright.chromium ?? playwright.default.chromium;

  if (PUBLIC_PAGES.length) console.log('');
  if (PUBLIC_PAGES.length) console.log(`Public pages — Lighthouse, mobile profile (simulated slow 4G, 4× CPU), median of ${RUNS} run(s)`);
  if (PUBLIC_PAGES.length)
    console.log(`budgets: performance ≥ ${BUDGET.score}, LCP ≤ ${(BUDGET.lcpMs / 1000).toFixed(1)} s, JS ≤ ${kb(BUDGET.publicJs)} gzip`);
  if (PUBLIC_PAGES.length)
    console.log(
      `${pad('page', 22)}${lpad('score', 6)} ${lpad('(runs)', 12)}${lpad('LCP', 8)}${lpad('JS gzip', 11)}${lpad('(br)', 10)}${lpad('CSS gzip', 11)}${lpad('(br)', 10)}  verdict`,
    );
  const pages = [];
  for (const p of PUBLIC_PAGES) {
    const r = await measurePage(lighthouse, launch, p);
    pages.push(r);
    const over = [];
    if (r.score < BUDGET.score) over.push('score');
    if (r.lcp_ms > BUDGET.lcpMs) over.push('LCP');
    if (r.js_gzip > BUDGET.publicJs) over.push('JS');
    r.verdict = over.length ? `OVER (${over.join(', ')})` : 'OK';
    console.log(
      `${pad(r.page, 22)}${lpad(r.score, 6)} ${lpad(`(${r.scores.join(',')})`, 12)}${lpad(`${(r.lcp_ms / 1000).toFixed(2)} s`, 8)}${lpad(kb(r.js_gzip), 11)}${lpad(kb(r.js_transferred), 10)}${lpad(kb(r.css_gzip), 11)}${lpad(kb(r.css_transferred), 10)}  ${r.verdict}`,
    );
    if (over.length && r.opportunities.length) {
      console.log(`${''.padEnd(22)}opportunities: ${r.opportunities.map((o) => `${o.id} ${o.savings}`).join('; ')}`);
    }
  }

  const staff = [];
  if (staffUsers.length) {
    const password = process.env.BENCH_STAFF_PASSWORD ?? '';
    console.log('');
    console.log(
      `Staff app — JavaScript requested until the page shows its heading (gzip as served, nothing cached); budget ≤ ${kb(BUDGET.staffJs)} for "first page"`,
    );
    console.log(
      `${pad('account', 15)}${pad('first page', 28)}${lpad('login page', 11)}${lpad('login+page', 11)}${lpad('first page', 11)}${lpad('files', 6)}${lpad('at idle', 10)}  verdict`,
    );
    for (const u of staffUsers) {
      const r = await measureStaff(chromium, u, password);
      r.verdict = verdict(r.js_gzip <= BUDGET.staffJs);
      staff.push(r);
      console.log(
        `${pad(u, 15)}${pad(r.landing, 28)}${lpad(kb(r.login_page_js_gzip), 11)}${lpad(kb(r.login_flow_js_gzip), 11)}${lpad(kb(r.js_gzip), 11)}${lpad(r.js_files, 6)}${lpad(kb(r.js_gzip_idle), 10)}  ${r.verdict}`,
      );
    }
    console.log('login page: the login form alone; login+page: the login page, then the first page after it (one profile);');
    console.log(
      "first page: that page opened by a logged-in officer, the JS it asked for before its heading showed (the budget's figure); at idle: all of its JS once the network is idle",
    );
  }

  mkdirSync(path.join(RESULTS_DIR, 'lighthouse'), { recursive: true });
  for (const p of pages) {
    const name = p.page.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '_') || 'home';
    writeFileSync(path.join(RESULTS_DIR, 'lighthouse', `${name}.json`), JSON.stringify(p.lhr));
  }
  const summary = {
    date: now,
    cpus: os.cpus().length,
    cpu_busy_before_pct: busy,
    lighthouse_version: pages[0]?.lhr.lighthouseVersion,
    runs: RUNS,
    budgets: BUDGET,
    pages: pages.map(({ lhr, ...rest }) => rest),
    staff,
  };
  writeFileSync(path.join(RESULTS_DIR, 'lighthouse-latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log('');
  console.log('bench/results/lighthouse-latest.json; median reports in bench/results/lighthouse/');
}

main().catch((e) => {
  console.error(`bench lighthouse: ${e.stack ?? e}`);
  process.exit(2);
});
