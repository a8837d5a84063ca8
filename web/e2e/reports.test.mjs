// Browser tests of the reports dashboard (/bao-cao, issue 7) against the real server (see
// harness.mjs) with the demo data (Xã Sơn Tịnh 21220 in Quảng Ngãi "51", Phường Sơn Tây 09574 in
// Hà Nội "01"): the dashboard of a province shows the province map and the trend; drilling into a
// commune from the table of child units asks the API for that commune and changes the figures; the
// breadcrumb goes back up; the comparison with the same period last year; the print preview is an
// A4 page; issuing a report lists it; a province's steering officer opens the dashboard from the
// menu on a phone and sees the own province. Screenshots at 1366×900 and 390×844.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  createAccount,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  shot,
  startServer,
  withPage,
  loginAs,
  assertAccessible,
} from './harness.mjs';

const WIDE = { width: 1366, height: 900 };
const STEERING = { username: 'bcd.quangngai', password: 'mat-khau-bao-cao-51', role: 'steering', unit: '51', display_name: 'Lê Văn Tỉnh' };

let server;
let browser;
let admin;

/** 16000 → "16.000" */
const vn = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The current reporting year (15/12 of the year before to 14/12) in Vietnam. */
function reportingYear() {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = today.split('-').map(Number);
  const end = m === 12 && d >= 15 ? y + 1 : y;
  return { from: `${end - 1}-12-15`, to: `${end}-12-14` };
}

/** Sum of the activities' counts of a summary. */
const activitiesCount = (s) => Object.values(s.activities).reduce((n, a) => n + a.count, 0);

async function summaryOf(unit) {
  const { from, to } = reportingYear();
  const res = await admin.call('GET', `/api/v1/reports/summary?${unit ? `unit=${unit}&` : ''}from=${from}&to=${to}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** The text of a KPI card's value. */
const kpi = (page, metric) => page.getByTestId(`kpi-${metric}`).getByTestId('kpi-value');

/** Waits until the map has drawn the 34 provinces (SVG paths) and the trend its bars. */
async function waitForCharts(page) {
  const map = page.getByTestId('reports-map');
  await map.locator('svg').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports-map"] svg path').length >= 34);
  await page.getByTestId('reports-trend').locator('svg').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports-trend"] svg path').length >= 12);
}

describe('reports dashboard', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const { username, password, role, unit, display_name } = STEERING;
    const created = await createAccount(admin, { username, password, role, unit, display_name });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('shows a province with its map and trend, drills into a commune and back up, previews and issues the report', async () => {
    const country = await summaryOf(null);
    const province = await summaryOf('51');
    const commune = await summaryOf('21220');
    assert.ok(activitiesCount(province) > 0, 'the demo data has activities in Quảng Ngãi this reporting year');
    assert.notEqual(activitiesCount(country), activitiesCount(province), 'Hà Nội adds to the whole country');

    await withPage(browser, WIDE, 'reports-province', async (page) => {
      const asked = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/reports')) asked.push(decodeURIComponent(r.url()));
      });
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/bao-cao?unit=51`);
      await page.getByRole('heading', { level: 1, name: 'Báo cáo, số liệu phong trào' }).waitFor();
      await page.getByTestId('reports-unit-name').getByText('Tỉnh Quảng Ngãi').waitFor();
      const { from, to } = reportingYear();
      const [fy, fm, fd] = from.split('-');
      const [ty, tm, td] = to.split('-');
      await page.getByTestId('reports-period').getByText(`Từ ${fd}/${fm}/${fy} đến ${td}/${tm}/${ty}`).waitFor();

      // the figures of the province, formatted the Vietnamese way
      await kpi(page, 'activities.count')
        .getByText(vn(activitiesCount(province)), { exact: true })
        .waitFor();
      await kpi(page, 'tips.received').getByText(vn(province.tips.received), { exact: true }).waitFor();
      await kpi(page, 'activities.leaflet_distribution.quantity')
        .getByText(vn(province.activities.leaflet_distribution.quantity), { exact: true })
        .waitFor();

      // the map (every province drawn, Quảng Ngãi named) and the trend
      await waitForCharts(page);
      await page.getByTestId('reports-map').getByText('Tỉnh Quảng Ngãi').waitFor();
      assert.ok(
        asked.some((u) => /\/reports\/breakdown\?.*metric=activities\.count.*by=child/.test(u) && !/unit=/.test(u)),
        'the map asks for the whole country',
      );
      assert.ok(
        asked.some((u) => /\/reports\/timeseries\?unit=51&.*interval=month/.test(u)),
        asked.join('\n'),
      );
      await page.getByTestId('reports-by-organizer').locator('svg').waitFor();
      await page.getByTestId('reports-by-topic').locator('svg').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'reports-dashboard');
      await assertAccessible(page, 'the reports dashboard');

      // the comparison with the same period last year: a change on every card
      await page.getByTestId('compare-switch').click();
      await page.getByTestId('kpi-activities.count').getByTestId('kpi-change').waitFor();
      assert.ok(asked.some((u) => /\/reports\/summary\?unit=51&.*compare=previous_year/.test(u)));
      // off again, and seen to be off before going on (under load a click on a switch still settling was lost)
      await page.locator('[data-testid="compare-switch"][aria-checked="true"]').waitFor();
      await page.getByTestId('compare-switch').click();
      await page.getByTestId('kpi-activities.count').getByTestId('kpi-change').waitFor({ state: 'detached' });

      // the measure of the map and the trend, on the system's own list; back to the default
      await page.locator('#reports-metric').selectOption({ label: 'Tin báo tiếp nhận' });
      await page.waitForFunction(() => /[?&]metric=tips\.received(&|$)/.test(window.location.search));
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((r) => /timeseries\?.*metric=tips\.received/.test(r.name)),
      );
      await page.locator('#reports-metric').selectOption({ label: 'Số hoạt động' });
      await page.waitForFunction(() => !/[?&]metric=/.test(window.location.search));
      // the period: a quarter, then the year again (its buttons say which is chosen)
      const presets = page.getByTestId('period-presets');
      await presets.getByRole('button', { name: 'Quý', exact: true }).click();
      await page.waitForFunction(() => /[?&]period=quarter(&|$)/.test(window.location.search));
      await presets.getByRole('button', { name: 'Quý', exact: true, pressed: true }).waitFor();
      await presets.getByRole('button', { name: 'Năm', exact: true }).click();
      await page.getByTestId('reports-period').getByText(`Từ ${fd}/${fm}/${fy} đến ${td}/${tm}/${ty}`).waitFor();
      // the range picker shows the period's days; reaching for it opens its calendar
      await page.locator('.ant-picker.antq-reports__range input').first().click();
      await page.locator('.ant-picker-dropdown').first().waitFor();
      assert.equal(await page.locator('.ant-picker.antq-reports__range input').first().inputValue(), `${fd}/${fm}/${fy}`);
      await page.keyboard.press('Escape');

      // drill down: the commune from the table of child units
      await page.getByTestId('children-table').getByTestId('child-21220').click();
      await page.getByTestId('reports-unit-name').getByText('Xã Sơn Tịnh').waitFor();
      await page.waitForFunction(() => /[?&]unit=21220(&|$)/.test(window.location.search));
      await kpi(page, 'activities.count')
        .getByText(vn(activitiesCount(commune)), { exact: true })
        .waitFor();
      assert.ok(
        asked.some((u) => /\/reports\/summary\?unit=21220&/.test(u)),
        'the summary of the commune was asked',
      );
      assert.ok(
        asked.some((u) => /\/reports\/breakdown\?unit=21220&.*by=child/.test(u)),
        'its villages were asked',
      );
      await page.getByTestId('children-table').getByText('Thôn Trường Thọ').waitFor();
      // the breadcrumb: Toàn quốc › Tỉnh Quảng Ngãi › Xã Sơn Tịnh
      await page.getByTestId('reports-breadcrumb').getByTestId('crumb-21220').waitFor();
      await page.getByTestId('crumb-root').click();
      await page.getByTestId('reports-unit-name').getByText('Toàn quốc').waitFor();
      // the whole country's figures differ from the province's
      await kpi(page, 'activities.count')
        .getByText(vn(activitiesCount(country)), { exact: true })
        .waitFor();
      assert.notEqual(await kpi(page, 'activities.count').textContent(), vn(activitiesCount(province)));
      await page.getByTestId('children-table').getByTestId('child-51').click();
      await page.getByTestId('reports-unit-name').getByText('Tỉnh Quảng Ngãi').waitFor();

      // exports carry the same parameters
      const xlsx = await page.getByTestId('export-xlsx').getAttribute('href');
      assert.match(xlsx, /\/api\/v1\/reports\/summary\?unit=51&from=\d{4}-12-15&to=\d{4}-12-14&format=xlsx/);
      const file = await admin.call('GET', xlsx);
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-type'), /spreadsheetml/);
      assert.match(await page.getByTestId('export-csv').getAttribute('href'), /format=csv/);

      // the print preview: the A4 report in a frame 210 mm wide
      await page.getByTestId('print-preview').click();
      const frame = page.getByTestId('report-preview-frame');
      await frame.waitFor();
      const srcdoc = await frame.getAttribute('srcdoc');
      assert.match(srcdoc, /size:\s*A4/);
      assert.match(srcdoc, /Quảng Ngãi/);
      // offsetWidth: the modal's opening animation scales it for a moment
      const width = await frame.evaluate((el) => el.offsetWidth);
      assert.ok(Math.abs(width - 794) <= 4, `A4 width: ${width}`);
      const inner = await (await frame.elementHandle()).contentFrame();
      await inner.waitForLoadState();
      const doc = await inner.evaluate(() => ({ width: document.documentElement.clientWidth, text: document.body.innerText }));
      assert.ok(Math.abs(doc.width - 794) <= 4, `document width ${doc.width}`);
      assert.match(doc.text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Cộng hòa xã hội chủ nghĩa Việt Nam/i);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reports-preview-desktop.png') });
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).or(page.locator('.ant-modal-close')).first().click();

      // issuing: the report is stored and listed; it opens in the preview
      await page.getByTestId('issue-report').click();
      const dialog = page.getByRole('dialog', { name: 'Ban hành báo cáo' });
      await dialog.getByLabel('Người ký').fill('Nguyễn Văn Ký');
      await dialog.getByRole('button', { name: 'Ban hành' }).click();
      await page.getByTestId('issued-table').getByText('1/BC-BCĐ').waitFor();
      const issued = await admin.call('GET', '/api/v1/reports?unit=51');
      assert.equal(issued.status, 200);
      assert.equal(issued.body.items.length, 1);
      assert.equal(issued.body.items[0].signer, 'Nguyễn Văn Ký');
      await page.getByTestId(`issued-open-${issued.body.items[0].id}`).click();
      assert.match(await page.getByTestId('report-preview-frame').getAttribute('srcdoc'), /size:\s*A4/);

      assertNoProblems(page);
    });
  });

  it('a province steering officer opens the dashboard from the menu on a phone and sees the own province', async () => {
    const province = await summaryOf('51');
    await withPage(browser, PHONE, 'reports-phone', async (page) => {
      const geo = [];
      page.on('request', (r) => /\/geo\//.test(r.url()) && geo.push(r.url()));
      await loginAs(page, server.baseUrl, STEERING);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('drawer-menu').getByRole('link', { name: 'Báo cáo, số liệu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo, số liệu phong trào' }).waitFor();
      // no unit chosen: the officer's own area
      await page.getByTestId('reports-unit-name').getByText('Tỉnh Quảng Ngãi').waitFor();
      await kpi(page, 'activities.count')
        .getByText(vn(activitiesCount(province)), { exact: true })
        .waitFor();
      // on a phone the map (2 MB) is downloaded only when asked for
      assert.deepEqual(geo, [], 'no map before it is asked for');
      await page.getByTestId('reports-map-show').click();
      await waitForCharts(page);
      await page.getByTestId('children-table').getByTestId('child-21220').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'reports-dashboard');
      assertNoProblems(page);
    });
  });
});
