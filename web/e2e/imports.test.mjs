// Browser tests of "Nhập dữ liệu từ Excel" (issue 14) against the real server (see harness.mjs): a
// commune officer of the Front opens the activities register, goes to its import page, downloads
// the template, uploads a CSV with two bad rows and sees them refused and highlighted, runs the
// import, downloads the failed rows, fixes the two rows in that file and uploads it, runs it, sees
// the progress finish and the figures of the register and of the dashboard grow, then undoes both
// imports and sees them come back. On a phone: the page fits, a file over 50 MiB is refused before
// it is sent, a malformed file gets the server's Vietnamese message; a steering member (who may
// read but not write the register) has no import button. What is not a register imports the same
// way: sessions of help for a person of the reintegration register, from its list's own button.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  ANTQ_BIN,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  assertNoHorizontalScroll,
  assertNoProblems,
  choose,
  daysAgo,
  launchBrowser,
  loginAs,
  shot,
  startServer,
  withPage,
} from './harness.mjs';

const FRONT = { username: 'mttq.sontinh', password: 'mat-khau-mat-tran-9', role: 'front_officer', unit: '21220', name: 'Nguyễn Thị Lan' };
const STEERING = { username: 'bcd.nhap', password: 'mat-khau-bao-cao-77', role: 'steering', unit: '51', name: 'Lê Văn Tỉnh' };
// an import of a few rows runs in the background: well within this
const RUN_MS = 30_000;
// the dashboard's figures come from rollups folded in the background a few seconds after a write
const ROLLUP_MS = 30_000;

let server;
let browser;
let front;
/** The national administrator (API), who creates the person whose sessions are imported. */
let admin;
const ADMIN = { username: 'admin', password: ADMIN_PASSWORD };

/** Adds an account with the command line, as an administrator of the server would. */
function addUser(u) {
  const db = `sqlite:${path.join(server.dir, 'antq.db')}`;
  const args = ['user', 'add', u.username, '--db', db, '--role', u.role, '--unit', u.unit, '--display-name', u.name, '--password-stdin'];
  const res = spawnSync(ANTQ_BIN, args, { input: `${u.password}\n`, encoding: 'utf8', timeout: 30_000 });
  assert.equal(res.status, 0, `antq user add ${u.username}: ${res.stdout}\n${res.stderr}`);
}

/** 16000 → "16.000" */
const vn = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** RFC 4180: rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (src[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const csvField = (v) => (/[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** A CSV as Excel saves "CSV UTF-8": a BOM, CRLF. */
const toCsv = (rows) => '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** Clicks `control`, waits for the download: its name and its bytes. */
async function download(page, control) {
  const waiting = page.waitForEvent('download');
  await control.click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Sum of the activities' counts of a reports summary. */
const activitiesCount = (s) => Object.values(s.activities).reduce((n, a) => n + a.count, 0);

/** The register's total (the officer's area) and the commune's activities of the last ten days in the reports. */
async function figures(period) {
  const list = await front.call('GET', '/api/v1/activities?per_page=1');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const summary = await front.call('GET', `/api/v1/reports/summary?unit=21220&from=${period.from}&to=${period.to}`);
  assert.equal(summary.status, 200, JSON.stringify(summary.body));
  return { total: list.body.total, reported: activitiesCount(summary.body) };
}

/** The dashboard (custom period) until its activities figure reads `expected` (rollups follow writes in the background). */
async function dashboardShows(page, period, expected) {
  const url = `${server.baseUrl}/bao-cao?unit=21220&period=custom&from=${period.from}&to=${period.to}`;
  const value = page.getByTestId('kpi-activities.count').getByTestId('kpi-value');
  const deadline = Date.now() + ROLLUP_MS;
  for (;;) {
    await page.goto(url);
    await page.getByTestId('reports-unit-name').getByText('Xã Sơn Tịnh').waitFor();
    await value.filter({ hasText: /\d/ }).waitFor();
    if ((await value.textContent()).trim() === vn(expected)) return;
    assert.ok(Date.now() < deadline, `the dashboard shows ${await value.textContent()} activities, not ${vn(expected)}`);
    await page.waitForTimeout(1500);
  }
}

/** The file input of the upload step. */
const fileInput = (page) => page.getByTestId('import-upload').locator('input[type=file]');

/** The row numbers of the refused rows shown (one tag a refusal; a row may have several). */
async function refusedRows(page, testId) {
  const tags = await page.getByTestId(testId).getByTestId('refused-row').allTextContents();
  return [...new Set(tags.map((t) => t.trim()))].sort();
}

/** Waits for the batch shown to finish ("Xong"), with its progress at every row. */
async function finished(page, rows) {
  await page
    .getByTestId('import-status')
    .filter({ hasText: /^Xong$/ })
    .waitFor({ timeout: RUN_MS });
  await page
    .getByTestId('import-processed')
    .getByText(`Đã xử lý ${vn(rows)}/${vn(rows)} dòng`)
    .waitFor();
}

describe('spreadsheet import', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    addUser(FRONT);
    addUser(STEERING);
    front = await apiSession(server.baseUrl, FRONT.username, FRONT.password);
    admin = await apiSession(server.baseUrl, ADMIN.username, ADMIN.password);
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('imports activities with two bad rows, fixes them from the failed rows file, sees the figures, and undoes', async () => {
    const period = { from: daysAgo(10)[0], to: daysAgo(0)[0] };
    const start = await figures(period);
    const token = `Nhập thử ${Date.now().toString(36)}`;
    const uploads = [];

    await withPage(
      browser,
      DESKTOP,
      'imports',
      async (page) => {
        page.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/imports')
            uploads.push({ url: r.url(), headers: r.headers() });
        });
        await loginAs(page, server.baseUrl, FRONT);
        await page.goto(`${server.baseUrl}/so/hoat-dong`);
        await page.getByRole('heading', { level: 1, name: 'Hoạt động' }).waitFor();
        await page
          .getByTestId('register-total')
          .getByText(`${vn(start.total)} bản ghi`)
          .waitFor();

        // "Nhập từ Excel" beside the exports leads to the register's import page
        await page.getByTestId('import-open').getByText('Nhập từ Excel').click();
        await page.waitForURL(/\/nhap-du-lieu\/activities$/);
        await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ Excel' }).waitFor();
        await page.getByText('Không gộp ô, không dùng công thức: chỉ ghi giá trị.').waitFor();

        // 1. the template: Excel (a real workbook) and CSV, whose header row the sheet is written from
        assert.equal(await page.getByTestId('template-xlsx').getAttribute('href'), '/api/v1/imports/templates/activities.xlsx');
        const xlsx = await download(page, page.getByTestId('template-xlsx'));
        assert.equal(xlsx.name, 'mau-nhap_so-hoat-dong.xlsx');
        assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel template is a zip (XLSX)');
        const template = await download(page, page.getByTestId('template-csv'));
        assert.equal(template.name, 'mau-nhap_so-hoat-dong.csv');
        const header = parseCsv(template.bytes.toString('utf8'))[0];
        for (const h of ['Mã bản ghi', 'Đơn vị', 'Loại hoạt động', 'Ngày', 'Nội dung', 'Lực lượng tổ chức', 'Chủ đề', 'Ghi chú']) {
          assert.ok(header.includes(h), `the template has a column "${h}": ${JSON.stringify(header)}`);
        }
        const col = (h) => header.indexOf(h);
        const letter = (h) => String.fromCharCode(65 + col(h));
        const row = (values) => header.map((h) => values[h] ?? '');
        const participants = header.find((h) => /^Số lượt người/.test(h));

        // 2. a sheet of five rows; rows 4 and 6 (the sheet's own numbers) are wrong
        const launch = { 'Loại hoạt động': 'Phát động phong trào', 'Lực lượng tổ chức': 'Công an; Mặt trận Tổ quốc', 'Chủ đề': 'Ma túy' };
        const sheet = [
          header,
          row({ ...launch, 'Đơn vị': '21220', Ngày: daysAgo(3)[1], 'Nội dung': `${token} 1`, [participants]: '1.200' }),
          row({ ...launch, 'Đơn vị': 'Xã Sơn Tịnh, Quảng Ngãi', Ngày: daysAgo(4)[1], 'Nội dung': `${token} 2`, [participants]: '300' }),
          row({ ...launch, 'Đơn vị': '21220', Ngày: '31/02/2026', 'Nội dung': `${token} 3` }),
          row({
            ...launch,
            'Loại hoạt động': 'campaign_launch',
            'Lực lượng tổ chức': 'front',
            'Đơn vị': '21220',
            Ngày: daysAgo(5)[1],
            'Nội dung': `${token} 4`,
          }),
          row({ ...launch, 'Loại hoạt động': 'Loại không có', 'Đơn vị': '21220', Ngày: daysAgo(6)[1], 'Nội dung': `${token} 5` }),
        ];
        await fileInput(page).setInputFiles({ name: 'hoat-dong-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(sheet)) });
        await page.getByTestId('import-file').getByText('hoat-dong-2026.csv').waitFor();

        // 3. the dry run: the counts, the mapping, the two refused rows in red
        await page.getByTestId('check-counts-refused').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('check-counts-create').getByText('3', { exact: true }).waitFor();
        await page.getByTestId('check-counts-rows').getByText('5', { exact: true }).waitFor();
        assert.deepEqual(await refusedRows(page, 'refused-rows'), ['Dòng 4', 'Dòng 6']);
        assert.ok((await page.getByTestId('refused-rows').locator('tr.antq-import-refused').count()) >= 2, 'refused rows highlighted');
        await page
          .getByTestId(`mapping-${letter('Đơn vị')}`)
          .getByText('Đơn vị', { exact: true })
          .waitFor();
        await page
          .getByTestId(`mapping-${letter('Ngày')}`)
          .getByText('Ngày', { exact: true })
          .waitFor();
        const dry = uploads.at(-1);
        assert.ok(dry, 'the dry run was sent');
        const dryQuery = new URL(dry.url).searchParams;
        assert.equal(dryQuery.get('register'), 'activities');
        assert.equal(dryQuery.get('dry_run'), 'true');
        assert.equal(dryQuery.get('file_name'), 'hoat-dong-2026.csv');
        assert.equal(dry.headers['content-type'], 'text/csv');
        assert.ok(dry.headers['x-csrf-token'], 'the upload carries the CSRF token');

        // the mapping is the person's to correct: "Ghi chú" ignored, the file checked again with it
        const rechecked = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/imports\?.*mapping=/.test(r.url()));
        await choose(page, page.getByTestId(`mapping-${letter('Ghi chú')}`), 'Bỏ qua');
        const recheck = await rechecked;
        assert.equal(recheck.status(), 200, await recheck.text());
        await page.getByTestId('import-run').getByText('Nhập 3 dòng').waitFor();
        await page.getByTestId('import-run').and(page.locator(':enabled')).waitFor();
        const remapped = JSON.parse(new URL(recheck.url()).searchParams.get('mapping'));
        assert.equal(remapped['Ghi chú'], null);
        assert.equal(remapped['Đơn vị'], 'unit');
        await shot(page, 'imports-check');

        // 4. the run: the address keeps the batch, the progress reaches every row
        await page.getByTestId('import-run').click();
        await page.waitForURL(/[?&]import=\d+/);
        const run = new URL(uploads.at(-1).url).searchParams;
        assert.equal(run.get('dry_run'), null);
        assert.equal(JSON.parse(run.get('mapping'))['Ghi chú'], null, 'the corrected mapping goes with the run');
        await finished(page, 5);
        const firstId = new URL(page.url()).searchParams.get('import');
        // a reload shows the same batch
        await page.reload();
        await finished(page, 5);

        // 5. the result: three created, two refused, and their file to fix
        await page.getByTestId('result-counts-created').getByText('3', { exact: true }).waitFor();
        await page.getByTestId('result-counts-refused').getByText('2', { exact: true }).waitFor();
        assert.deepEqual(await refusedRows(page, 'result-errors'), ['Dòng 4', 'Dòng 6']);
        await page.getByText('Tệp các dòng lỗi có thêm cột “Lỗi cần sửa”', { exact: false }).waitFor();
        const failed = await download(page, page.getByTestId('failed-rows'));
        assert.equal(failed.name, 'hoat-dong-2026_dong-loi.csv');
        const failedRows = parseCsv(failed.bytes.toString('utf8'));
        assert.equal(failedRows[0].at(-1), 'Lỗi cần sửa');
        assert.equal(failedRows.length, 3, `two failed rows: ${JSON.stringify(failedRows)}`);
        assert.match(failedRows[1].at(-1), /^Dòng 4: /);
        assert.match(failedRows[2].at(-1), /^Dòng 6: /);
        await shot(page, 'imports-result');

        // the two rows fixed in that file, which is uploaded as it is (its error column ignored)
        const fixed = failedRows.map((r) => [...r]);
        fixed[1][failedRows[0].indexOf('Ngày')] = daysAgo(7)[1];
        fixed[2][failedRows[0].indexOf('Loại hoạt động')] = 'Phát động phong trào';
        await page.getByTestId('import-another').click();
        await fileInput(page).setInputFiles({ name: failed.name, mimeType: 'text/csv', buffer: Buffer.from(toCsv(fixed)) });
        await page.getByTestId('check-counts-create').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('check-counts-refused').getByText('0', { exact: true }).waitFor();
        assert.equal(await page.getByTestId('refused-rows').count(), 0);
        await page.getByTestId('import-run').getByText('Nhập 2 dòng').click();
        await page.waitForURL((u) => /[?&]import=\d+/.test(u.search) && new URL(u).searchParams.get('import') !== firstId);
        await finished(page, 2);
        await page.getByTestId('result-counts-created').getByText('2', { exact: true }).waitFor();
        const secondId = new URL(page.url()).searchParams.get('import');

        // the register and the dashboard count the five new activities
        await page.getByTestId('import-to-list').click();
        await page.waitForURL(/\/so\/hoat-dong/);
        await page
          .getByTestId('register-total')
          .getByText(`${vn(start.total + 5)} bản ghi`)
          .waitFor();
        const now = await figures(period);
        assert.equal(now.total, start.total + 5);
        await dashboardShows(page, period, start.reported + 5);

        // the past imports list both; each one's result opens from it, and is undone
        await page.goto(`${server.baseUrl}/nhap-du-lieu/activities`);
        const past = page.getByTestId('past-imports');
        await past.getByTestId(`past-import-${secondId}`).waitFor();
        await past
          .locator('tr', { has: page.getByTestId(`past-import-${firstId}`) })
          .getByText('Xong', { exact: true })
          .waitFor();
        for (const [id, removed] of [
          [secondId, 2],
          [firstId, 3],
        ]) {
          await past.getByTestId(`past-import-${id}`).click();
          await page.waitForURL(new RegExp(`[?&]import=${id}(&|$)`));
          await page.getByTestId('import-undo').click();
          await page.getByText('Xóa các bản ghi lần nhập này đã thêm?').waitFor();
          await page.getByTestId('import-undo-confirm').click();
          await page.getByTestId('import-undone').getByText(`Đã hoàn tác: xóa ${removed} bản ghi.`).waitFor();
          await page
            .getByTestId('import-status')
            .filter({ hasText: /^Đã hoàn tác$/ })
            .waitFor();
          await past
            .locator('tr', { has: page.getByTestId(`past-import-${id}`) })
            .getByText('Đã hoàn tác', { exact: true })
            .waitFor();
        }
        await shot(page, 'imports-undone');

        // a second undo is refused with the server's reason
        const again = await front.call('DELETE', `/api/v1/imports/${firstId}`);
        assert.equal(again.status, 409);
        assert.equal(again.body.error.message, 'Lần nhập này đã được hoàn tác.');

        // the figures are back
        const end = await figures(period);
        assert.equal(end.total, start.total);
        await page.goto(`${server.baseUrl}/so/hoat-dong`);
        await page
          .getByTestId('register-total')
          .getByText(`${vn(start.total)} bản ghi`)
          .waitFor();
        await dashboardShows(page, period, start.reported);
        assertNoProblems(page);
      },
      { timeout: 20_000 },
    );
  });

  it('names a required column the sheet lacks, lets the person map one of theirs to it, then imports (on a phone)', async () => {
    const token = `Thiếu cột ${Date.now().toString(36)}`;
    const before = await front.call('GET', '/api/v1/activities?per_page=1');
    assert.equal(before.status, 200, JSON.stringify(before.body));

    await withPage(
      browser,
      PHONE,
      'imports-missing',
      async (page) => {
        const uploads = [];
        page.on('request', (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/imports' && uploads.push(r.url()));
        await loginAs(page, server.baseUrl, FRONT);
        await page.goto(`${server.baseUrl}/nhap-du-lieu/activities`);
        await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ Excel' }).waitFor();

        // the date column is headed "Ngày tổ chức": the server matches no column to "Ngày"
        const header = ['Đơn vị', 'Loại hoạt động', 'Ngày tổ chức', 'Nội dung', 'Lực lượng tổ chức'];
        const sheet = [
          header,
          ['21220', 'Phát động phong trào', daysAgo(2)[1], `${token} 1`, 'Công an'],
          ['21220', 'Phát động phong trào', daysAgo(3)[1], `${token} 2`, 'Mặt trận Tổ quốc'],
        ];
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/imports\?.*dry_run=true/.test(r.url()));
        await fileInput(page).setInputFiles({ name: 'ngay-to-chuc.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(sheet)) });
        const first = await answered;
        assert.equal(first.status(), 200, await first.text());
        const firstBody = await first.json();
        assert.deepEqual(firstBody.missing_columns, [{ field: 'date', label: 'Ngày' }]);
        assert.ok(
          firstBody.columns.some((c) => c.field === 'date' && c.required),
          `the answer lists the columns the register takes: ${JSON.stringify(firstBody.columns)}`,
        );

        // the page says which column is missing, that no row was checked, and keeps the run off
        const missing = page.getByTestId('missing-columns');
        await missing.getByText('Tệp thiếu cột bắt buộc:').waitFor();
        assert.equal((await missing.getByTestId('missing-column-date').textContent()).trim(), 'Ngày');
        assert.equal(await missing.locator('[data-testid^="missing-column-"]').count(), 1);
        await missing.getByText('Chưa dòng nào trong 2 dòng của tệp được kiểm tra.').waitFor();
        await page.getByTestId('import-run-blocked').getByText('Ghép đủ các cột bắt buộc thì mới nhập được.').waitFor();
        assert.equal(await page.getByTestId('import-run').isDisabled(), true);
        // the mapping is shown: "Ngày tổ chức" is ignored for now
        const dateColumn = page.getByTestId('mapping-C');
        await dateColumn.getByText('Bỏ qua', { exact: true }).waitFor();
        await assertNoHorizontalScroll(page);
        await shot(page, 'imports-missing');

        // "Ngày tổ chức" → "Ngày": checked again with the mapping, the rows counted
        const rechecked = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/imports\?.*mapping=/.test(r.url()));
        await choose(page, dateColumn, 'Ngày');
        const recheck = await rechecked;
        assert.equal(recheck.status(), 200, await recheck.text());
        assert.deepEqual((await recheck.json()).missing_columns, []);
        assert.equal(JSON.parse(new URL(recheck.url()).searchParams.get('mapping'))['Ngày tổ chức'], 'date');
        await page.getByTestId('check-counts-create').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('check-counts-refused').getByText('0', { exact: true }).waitFor();
        assert.equal(await missing.count(), 0);
        assert.equal(await page.getByTestId('import-run-blocked').count(), 0);
        await page.getByTestId('import-run').getByText('Nhập 2 dòng').waitFor();
        await page.getByTestId('import-run').and(page.locator(':enabled')).waitFor();
        await shot(page, 'imports-missing-mapped');

        // the run takes the same mapping, and writes both rows with their dates
        await page.getByTestId('import-run').click();
        await page.waitForURL(/[?&]import=\d+/);
        assert.equal(JSON.parse(new URL(uploads.at(-1)).searchParams.get('mapping'))['Ngày tổ chức'], 'date');
        await finished(page, 2);
        await page.getByTestId('result-counts-created').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('result-counts-refused').getByText('0', { exact: true }).waitFor();
        const batchId = new URL(page.url()).searchParams.get('import');
        const after = await front.call('GET', '/api/v1/activities?per_page=1');
        assert.equal(after.body.total, before.body.total + 2);

        // undone, so that the other tests' figures stay as they were
        const undone = await front.call('DELETE', `/api/v1/imports/${batchId}`);
        assert.equal(undone.status, 200, JSON.stringify(undone.body));
        assert.equal(undone.body.removed, 2);
        assertNoProblems(page);
      },
      { timeout: 20_000 },
    );
  });

  it('on a phone: fits 390 px, refuses a file over 50 MiB before sending it, shows the server message for a malformed file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'antq-import-'));
    try {
      await withPage(browser, PHONE, 'imports-phone', async (page) => {
        const uploads = [];
        page.on('request', (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/imports' && uploads.push(r.url()));
        await loginAs(page, server.baseUrl, FRONT);
        await page.goto(`${server.baseUrl}/so/hoat-dong`);
        await page.getByTestId('import-open').click();
        await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ Excel' }).waitFor();
        await page.getByTestId('past-imports').waitFor();
        await assertNoHorizontalScroll(page);
        await shot(page, 'imports');

        // over 50 MiB: refused here, nothing sent
        const big = path.join(dir, 'qua-lon.csv');
        writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
        await fileInput(page).setInputFiles(big);
        await page
          .getByTestId('file-problem')
          .getByText(/^Tệp lớn hơn 50 MiB/)
          .waitFor();
        assert.deepEqual(uploads, []);

        // unbalanced quotes: the server's 400, its Vietnamese message shown
        const bad = 'Đơn vị,Loại hoạt động,Ngày,Nội dung,Lực lượng tổ chức\r\n21220,"campaign_launch,01/01/2026,x,police\r\n';
        await fileInput(page).setInputFiles({ name: 'hong.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
        const alert = page.getByTestId('import-upload').getByTestId('api-error');
        await alert.waitFor();
        assert.ok((await alert.textContent()).trim().length > 10, 'a message saying what is wrong');
        assert.equal(uploads.length, 1);
        assert.match(uploads[0], /dry_run=true/);
        await assertNoHorizontalScroll(page);
        assertNoProblems(page, [/status of 400/]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows no import to someone who may read the register but not write it', async () => {
    await withPage(browser, DESKTOP, 'imports-steering', async (page) => {
      await loginAs(page, server.baseUrl, STEERING);
      await page.goto(`${server.baseUrl}/so/hoat-dong`);
      await page.getByTestId('export-csv').waitFor();
      assert.equal(await page.getByTestId('import-open').count(), 0);
      await page.goto(`${server.baseUrl}/nhap-du-lieu/activities`);
      await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
      assertNoProblems(page);
    });
  });
  it('imports sessions of help for a person from the reintegration list, a bad date refused with its row number', async () => {
    const created = await admin.call('POST', '/api/v1/reintegration/people', {
      unit: '21220',
      category: 'post_rehab',
      name: 'Trần Văn Nhập',
      start_date: daysAgo(60)[0],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const person = created.body;
    assert.match(person.ref, /^HN-\d+$/);

    await withPage(
      browser,
      DESKTOP,
      'imports-sessions',
      async (page) => {
        const uploads = [];
        page.on('request', (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/imports' && uploads.push(r.url()));
        await loginAs(page, server.baseUrl, ADMIN);
        await page.goto(`${server.baseUrl}/tai-hoa-nhap`);
        await page.getByTestId('register-reintegration').waitFor();
        // the people list has its own import beside its sessions' one
        await page.getByTestId('import-open').waitFor();
        await page.getByTestId('import-open-reintegration-sessions').getByText('Nhập lượt giúp đỡ từ Excel').click();
        await page.waitForURL(/\/nhap-du-lieu\/reintegration-sessions$/);
        await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ Excel' }).waitFor();
        await page.getByText('“Lượt giúp đỡ người tái hòa nhập”: thêm nhiều bản ghi mới một lần', { exact: false }).waitFor();
        await page.getByTestId('import-note').getByText('HN-000042', { exact: false }).waitFor();
        await page.getByTestId('import-back').getByText('Về sổ Giúp đỡ, tái hòa nhập cộng đồng').waitFor();
        assert.equal(await page.getByTestId('import-back').getAttribute('href'), '/tai-hoa-nhap');
        // the menu still lights the register the sessions belong to
        await page.locator('.ant-menu-submenu-selected').getByTestId('menu-security').waitFor();
        // a session has no unit of its own: no rule about units
        assert.equal(await page.getByText('Đơn vị ghi bằng mã', { exact: false }).count(), 0);

        // the template, served under the target's name with a hyphen
        assert.equal(await page.getByTestId('template-csv').getAttribute('href'), '/api/v1/imports/templates/reintegration-sessions.csv');
        const xlsx = await download(page, page.getByTestId('template-xlsx'));
        assert.equal(xlsx.name, 'mau-nhap_luot-giup-do-nguoi-tai-hoa-nhap.xlsx');
        assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel template is a zip (XLSX)');
        const template = await download(page, page.getByTestId('template-csv'));
        assert.equal(template.name, 'mau-nhap_luot-giup-do-nguoi-tai-hoa-nhap.csv');
        const header = parseCsv(template.bytes.toString('utf8'))[0];
        assert.deepEqual(header, ['Mã hồ sơ', 'Ngày', 'Hình thức', 'Người tham gia giúp đỡ', 'Ghi chú']);
        const row = (values) => header.map((h) => values[h] ?? '');

        // three sessions of the person (by reference and by id); the second's date does not exist
        const sheet = [
          header,
          row({ 'Mã hồ sơ': person.ref, Ngày: daysAgo(20)[1], 'Hình thức': 'Thăm hỏi', 'Người tham gia giúp đỡ': 'Bí thư chi đoàn' }),
          row({ 'Mã hồ sơ': person.id, Ngày: '30/02/2026', 'Hình thức': 'Giáo dục, cảm hóa' }),
          row({ 'Mã hồ sơ': person.ref, Ngày: daysAgo(10)[1], 'Hình thức': 'Hỗ trợ việc làm, sinh kế', 'Ghi chú': 'Giới thiệu việc làm' }),
        ];
        await fileInput(page).setInputFiles({ name: 'luot-giup-do.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(sheet)) });
        await page.getByTestId('check-counts-rows').getByText('3', { exact: true }).waitFor();
        await page.getByTestId('check-counts-create').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('check-counts-refused').getByText('1', { exact: true }).waitFor();
        assert.deepEqual(await refusedRows(page, 'refused-rows'), ['Dòng 3']);
        await page.getByTestId('refused-rows').getByText('30/02/2026', { exact: false }).waitFor();
        await page.getByTestId('mapping-A').getByText('Mã hồ sơ', { exact: true }).waitFor();
        assert.equal(new URL(uploads.at(-1)).searchParams.get('register'), 'reintegration/sessions');
        await shot(page, 'imports-sessions-check');

        await page.getByTestId('import-run').getByText('Nhập 2 dòng').click();
        await page.waitForURL(/[?&]import=\d+/);
        await finished(page, 3);
        await page.getByTestId('result-counts-created').getByText('2', { exact: true }).waitFor();
        await page.getByTestId('result-counts-refused').getByText('1', { exact: true }).waitFor();
        const batchId = new URL(page.url()).searchParams.get('import');
        await page.getByTestId('past-imports').getByTestId(`past-import-${batchId}`).waitFor();

        // the person has the two sessions
        const sessions = await admin.call('GET', `/api/v1/reintegration/people/${person.id}/sessions`);
        assert.equal(sessions.status, 200, JSON.stringify(sessions.body));
        assert.equal(sessions.body.items.length, 2, JSON.stringify(sessions.body));
        assert.deepEqual(sessions.body.items.map((x) => x.date).sort(), [daysAgo(20)[0], daysAgo(10)[0]]);
        assert.deepEqual(sessions.body.items.map((x) => x.kind).sort(), ['support', 'visit']);

        // back to the people list
        await page.getByTestId('import-to-list').getByText('Xem sổ Giúp đỡ, tái hòa nhập cộng đồng').click();
        await page.waitForURL(/\/tai-hoa-nhap/);
        await page.getByTestId('register-reintegration').waitFor();
        assertNoProblems(page);
      },
      { timeout: 20_000 },
    );

    // on a phone the list's two imports and the page fit 390 px
    await withPage(browser, PHONE, 'imports-sessions-phone', async (page) => {
      await loginAs(page, server.baseUrl, ADMIN);
      await page.goto(`${server.baseUrl}/tai-hoa-nhap`);
      await page.getByTestId('import-open-reintegration-sessions').waitFor();
      await assertNoHorizontalScroll(page);
      await page.getByTestId('import-open-reintegration-sessions').click();
      await page.getByTestId('past-imports').getByText('luot-giup-do.csv').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'imports-sessions');
      assertNoProblems(page);
    });
  });
});
