// Starts a real ANTQ server on a fresh SQLite database with the demo data, and a headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the browser tests.
//
//   ANTQ_BIN        server binary (default: ../build/antq relative to web/)
//   ANTQ_CHROMIUM   browser binary (default: /usr/bin/chromium)
//   ANTQ_E2E_KEEP   set to 1 to keep the temporary directory (database, server log)
//   ANTQ_WEB_ROOT   the built web files to serve (default: web/dist)
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ANTQ_WEB_ROOT: a build elsewhere (e.g. `npx vite build --outDir /tmp/x`), so that a test run is not
// disturbed by another build of web/dist at the same time
export const DIST_DIR = process.env.ANTQ_WEB_ROOT ? path.resolve(process.env.ANTQ_WEB_ROOT) : path.join(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = path.join(WEB_DIR, 'test-results', 'screenshots');
export const ANTQ_BIN = path.resolve(WEB_DIR, process.env.ANTQ_BIN ?? '../build/antq');
export const CHROMIUM = process.env.ANTQ_CHROMIUM ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'demo-password-123';

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

const STARTUP_TIMEOUT_MS = 30_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;

function run(args, input) {
  const res = spawnSync(ANTQ_BIN, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (res.error) throw new Error(`antq ${args.join(' ')}: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(`antq ${args.join(' ')} exited with ${res.status}\n${res.stdout}\n${res.stderr}`);
  }
  return res;
}

/**
 * Initialises a temporary database, seeds the demo data and starts `antq serve` on a free port.
 * `env` adds settings of the server (`ANTQ_<SETTING>` variables, e.g. ANTQ_LOGIN_ATTEMPTS_PER_MINUTE).
 * Returns { baseUrl, stop() }; stop() sends SIGTERM and resolves with the exit code.
 */
export async function startServer({ env = {} } = {}) {
  if (!existsSync(ANTQ_BIN)) {
    throw new Error(`server binary not found: ${ANTQ_BIN} (build it, or set ANTQ_BIN)`);
  }
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html not found: run "npm run build" first`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'antq-e2e-'));
  const db = `sqlite:${path.join(dir, 'antq.db')}`;
  run(['init', '--db', db, '--admin-password-stdin'], `${ADMIN_PASSWORD}\n`);
  run(['seed', 'demo', '--db', db]);

  const child = spawn(ANTQ_BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', DIST_DIR], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not report "listening on" within ${STARTUP_TIMEOUT_MS} ms\n${out}\n${log}`));
    }, STARTUP_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal})\n${out}\n${log}`));
    });
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ code: null, signal: 'timeout' }), SHUTDOWN_TIMEOUT_MS));
    const result = await Promise.race([exited, timeout]);
    if (result.signal === 'timeout') child.kill('SIGKILL');
    if (process.env.ANTQ_E2E_KEEP === '1') {
      writeFileSync(path.join(dir, 'server.log'), log);
      console.log(`# kept ${dir}`);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
    return { ...result, log };
  }

  return { baseUrl, stop, dir };
}

/** Launches Debian's Chromium headless. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new page in its own context, with the console errors and uncaught exceptions it
 * produces collected in `page.problems`.
 */
export async function newPage(browser, viewport = DESKTOP, { locale = 'vi-VN', serviceWorkers = 'block', javaScriptEnabled = true } = {}) {
  // reduced motion: the app then opens dialogs, drawers and lists without sliding them in, so a click
  // on a loaded machine never lands on something still moving (it was lost now and then before).
  // The staff app's service worker (issue 17) is blocked unless a test asks for it
  // (e2e/offline.test.mjs): its first visit precaches the whole app, which keeps the network busy
  // for seconds and makes a test's "network idle" wait on it rather than on the page.
  const context = await browser.newContext({
    viewport,
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    reducedMotion: 'reduce',
    serviceWorkers,
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location()?.url ?? '';
    // every page asks GET /api/v1/auth/me who is logged in; a visitor's answer is 401, which
    // the browser logs as a failed resource: that one is expected
    if (/status of 401/.test(msg.text()) && /\/api\/v1\/auth\/me(\?|$)/.test(url)) return;
    problems.push(`console: ${msg.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.problems = problems;
  page.setDefaultTimeout(10_000);
  return page;
}

/** True when nothing scrolls sideways. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** A full-page screenshot in test-results/screenshots/<name>-<desktop|phone>.png. */
export async function shot(page, name) {
  const vp = page.viewportSize();
  const kind = vp && vp.width < 600 ? 'phone' : 'desktop';
  // animations ended: a drawer or a dialog caught mid-slide looks cut off in the picture
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${kind}.png`), fullPage: true, animations: 'disabled' });
}

/** Fails the test when the page logged console errors or threw (minus the expected ones). */
export function assertNoProblems(page, expected = []) {
  const left = page.problems.filter((p) => !expected.some((re) => re.test(p)));
  assert.deepEqual(left, [], `unexpected console errors on ${page.url()}`);
}

/** Fails when the page scrolls sideways. */
export async function assertNoHorizontalScroll(page) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  assert.ok(scrollWidth <= innerWidth, `page scrolls sideways on ${page.url()}: ${scrollWidth} > ${innerWidth}`);
}

// An API session as a logged-in user (cookie + CSRF), for setting up and checking what the pages
// did. `call` answers {status, headers, body}: JSON parsed, other bodies (CSV, HTML) as text.
export async function apiSession(baseUrl, username, password) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json();
  assert.equal(res.status, 200, `API login of ${username}: ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('antq_session='));
  assert.ok(cookie, 'the login sets the antq_session cookie');
  return {
    user: body.user,
    baseUrl,
    async call(method, path, payload) {
      const r = await fetch(baseUrl + path, {
        method,
        headers: {
          Cookie: cookie,
          'X-CSRF-Token': body.csrf_token,
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await r.text();
      let parsed = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // CSV, HTML: kept as text
      }
      return { status: r.status, headers: r.headers, body: parsed };
    },
  };
}

/**
 * Creates a staff account as an administrator does (`admin`: an apiSession), then its owner sets
 * `account.password` for good. The password an administrator gives is a temporary one: until its
 * owner changes it, every staff request but the password change answers 403
 * `password_change_required` (tests of that first day create their accounts with a plain
 * POST /api/v1/users instead). Answers the creation's {status, body}.
 */
export async function createAccount(admin, account) {
  const temporary = `tam-${account.password}`;
  const created = await admin.call('POST', '/api/v1/users', { ...account, password: temporary });
  if (created.status !== 201) return created;
  const owner = await apiSession(admin.baseUrl, account.username, temporary);
  assert.equal(owner.user.must_change_password, true, `${account.username} starts with a temporary password`);
  const changed = await owner.call('POST', '/api/v1/auth/password', { current_password: temporary, new_password: account.password });
  assert.equal(changed.status, 204, `${account.username} sets their own password: ${JSON.stringify(changed.body)}`);
  return created;
}

/**
 * Chooses `options` (their exact labels) in the Ant Design select `select`, each confirmed as
 * selected. A click on an option while the list is still opening (its slide-in animation, slow on
 * a loaded machine) can be lost: the list is reopened and the option clicked again, up to three
 * times, before the test fails.
 */
export async function choose(page, select, ...options) {
  const list = page.locator('.ant-select-dropdown:visible');
  const selected = (o) => select.locator('.ant-select-selection-item', { hasText: o }).first();
  for (const o of options) {
    const option = list.locator('.ant-select-item-option', { hasText: new RegExp(`^${o}$`) });
    for (let attempt = 0; ; attempt++) {
      try {
        // this select's own list (another one may still be closing)
        if (!(await select.getAttribute('class'))?.includes('ant-select-open')) await select.click();
        await option.waitFor({ timeout: 5000 });
        await option.click();
        // a multiple select keeps its list open: the option is ticked before the next one
        if (options.length > 1) await option.and(page.locator('.ant-select-item-option-selected')).waitFor({ timeout: 3000 });
        else await selected(o).waitFor({ timeout: 3000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        await page.keyboard.press('Escape');
      }
    }
  }
  if (options.length > 1) await page.keyboard.press('Escape');
  for (const o of options) await selected(o).waitFor();
}

/** Fills and sends the login form; the page must be on /login. Waits for nothing. */
export async function submitLogin(page, username, password) {
  const form = page.getByTestId('login-form');
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Mật khẩu').fill(password);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs `user` ({username, password}) in through the login page of the server at `baseUrl`. */
export async function loginAs(page, baseUrl, user) {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, user.username, user.password);
  await page.getByTestId('user-button').waitFor();
}

/** A new page (see newPage) at `url`, once the network is idle. */
export async function openPage(browser, url, viewport = DESKTOP) {
  const page = await newPage(browser, viewport);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return page;
}

/**
 * Runs `fn(page)` in a new page of `browser` (see newPage) and closes its context after; when it
 * fails, keeps a screenshot test-results/screenshots/FAILED-<name>.png and logs the page's console
 * problems. `timeout`: the page's default timeout instead of newPage's.
 */
export async function withPage(browser, viewport, name, fn, { timeout, serviceWorkers } = {}) {
  const page = await newPage(browser, viewport, { serviceWorkers });
  if (timeout !== undefined) page.setDefaultTimeout(timeout);
  try {
    await fn(page);
  } catch (e) {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
    console.log(`# ${name}: console of the page: ${JSON.stringify(page.problems)}`);
    throw e;
  } finally {
    await page.context().close();
  }
}

/** Types a day (dd/mm/yyyy) into an Ant Design date picker's input and confirms it. */
export async function typeDate(input, ddmmyyyy) {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** The open dropdown of a select (Ant Design renders it at the end of the page). */
export const dropdown = (page) => page.locator('.ant-select-dropdown:visible');

/** A day `days` before today in Vietnam (UTC+7): [YYYY-MM-DD, dd/mm/yyyy]; daysAgo(0) is today. */
export function daysAgo(days) {
  const d = new Date(Date.now() + 7 * 3600_000 - days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, dd] = iso.split('-');
  return [iso, `${dd}/${m}/${y}`];
}

/** The JavaScript files the page loaded, with their size as the server sends them gzip-compressed. */
export async function scriptBytes(page) {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\.js(\?|$)/.test(n)),
  );
  return Promise.all(
    urls.map(
      (url) =>
        new Promise((resolve, reject) => {
          // node:http leaves the body compressed (fetch would inflate it)
          http
            .get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
              let bytes = 0;
              res.on('data', (c) => (bytes += c.length));
              res.on('end', () => resolve({ url, bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
            })
            .on('error', reject);
        }),
    ),
  );
}

/**
 * Walks the unit picker `picker` down `names` (the last one is chosen). The picker starts at the
 * user's own area: the names above it (the province of a commune officer) are not in the tree and
 * are skipped.
 */
export async function pickUnit(page, picker, ...names) {
  await picker.click();
  const popup = page.locator('.antq-unit-picker-popup:visible');
  const node = (title) =>
    popup.locator('.ant-select-tree-treenode:not([aria-hidden="true"])').filter({
      has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${title}$`) }),
    });
  await popup.locator('.ant-select-tree-treenode:not([aria-hidden="true"])').first().waitFor();
  while (names.length > 1 && (await node(names[0]).count()) === 0) names = names.slice(1);
  for (const [i, name] of names.slice(0, -1).entries()) {
    const switcher = node(name).locator('.ant-select-tree-switcher');
    const child = node(names[i + 1]);
    // a click while the list is still opening can be lost: open the branch until its child shows
    for (let attempt = 0; ; attempt++) {
      if (!(await switcher.getAttribute('class')).includes('switcher_open')) await switcher.click();
      try {
        await child.waitFor({ timeout: 3000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  }
  // the same for the choice itself: clicked again only while it is not selected (a second click on
  // a picker of several units would take it out again)
  const chosen = picker.locator('.ant-select-selection-item', { hasText: names.at(-1) });
  for (let attempt = 0; ; attempt++) {
    if (!(await chosen.count())) await node(names.at(-1)).locator('.ant-select-tree-title').click();
    try {
      await chosen.waitFor({ timeout: 3000 });
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
  // a picker of several units keeps its list open for more: leaving the field closes it
  if ((await picker.getAttribute('class'))?.includes('ant-select-multiple')) {
    await page.keyboard.press('Tab');
    await popup.waitFor({ state: 'hidden' });
  }
}

// The WCAG 2.1 A and AA rules of axe-core (issue 17: accessibility).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What axe finds inside Ant Design 5 that our code cannot change, each left out of the check by its
 * exact rule and element, with why. Nothing else is left out.
 */
const ANTD_KNOWN = [
  {
    // Form.Item gives the control of a required field aria-required="true". A Select passes it to
    // its combobox input (where it belongs) and also to its outer <div>, which has no role; a
    // Radio.Group passes it to its <div> and gives that no role="radiogroup" (nor passes ours on).
    // The field still shows that it is required (the asterisk, the message when left empty).
    rule: 'aria-allowed-attr',
    node: (n) =>
      /^<div\b[^>]*\bclass="ant-(select|radio-group)\b/.test(n.html) &&
      n.failureSummary?.trim().endsWith('ARIA attribute is not allowed: aria-required="true"'),
  },
];

/**
 * Runs axe-core on the page as it is now (WCAG 2.1 A and AA) and fails listing every serious or
 * critical violation: its rule, impact, help and the first few elements. Moderate and minor ones
 * are only counted in the log. `label` names the page in the messages.
 */
export async function assertAccessible(page, label) {
  const { violations: found } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = found
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !ANTD_KNOWN.some((k) => k.rule === v.id && k.node(n))) }))
    .filter((v) => v.nodes.length > 0);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !serious.includes(v));
  if (other.length) {
    const nodes = other.reduce((n, v) => n + v.nodes.length, 0);
    console.log(
      `# axe ${label}: ${other.length} moderate/minor (${other.map((v) => `${v.id}×${v.nodes.length}`).join(', ')}; ${nodes} elements)`,
    );
  }
  const described = serious.map((v) => {
    const targets = v.nodes
      .slice(0, 4)
      .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`);
    return `${v.id} [${v.impact}] ${v.help} (${v.nodes.length} elements): ${targets.join('; ')}`;
  });
  assert.deepEqual(described, [], `serious or critical accessibility violations on ${label} (${page.url()})`);
}
