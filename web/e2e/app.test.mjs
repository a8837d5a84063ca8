// Browser tests of the ANTQ web app against the real server (see harness.mjs).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  shot,
  startServer,
  openPage,
  assertAccessible,
} from './harness.mjs';

const HOME_TITLE = 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc';
const WORKSPACE_TITLE = 'Trang làm việc của cán bộ';

let server;
let browser;
let serverStopped = false;

describe('ANTQ web app', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (server && !serverStopped) await server.stop();
  });

  it('renders the home page in Vietnamese', async () => {
    // the site's home page is the citizens' page of the small public app (e2e/citizen.test.mjs)
    const page = await openPage(browser, server.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.getByTestId('public-header').getByText('ANTQ', { exact: true }).waitFor();
    for (const item of ['Gửi tin báo', 'Tra cứu tin báo', 'Góp ý kiến']) {
      await page.getByTestId('public-nav').getByRole('link', { name: item, exact: true }).waitFor();
      await page
        .getByTestId('home-actions')
        .getByRole('link', { name: new RegExp(`^${item}`) })
        .waitFor();
    }
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).first().waitFor();
    assert.match(await page.title(), /ANTQ/);
    await shot(page, 'home');
    assertNoProblems(page);
    await page.context().close();

    // the staff workspace: the staff app's frame, the figures a review adds up, the system's state
    const workspace = await openPage(browser, server.baseUrl + '/lam-viec');
    await workspace.getByRole('heading', { level: 1, name: WORKSPACE_TITLE }).waitFor();
    const header = workspace.getByTestId('app-header');
    await header.getByText('ANTQ', { exact: true }).waitFor();
    for (const item of ['Trang chủ', 'Đơn vị hành chính', 'Đăng nhập']) {
      await workspace.getByTestId('main-menu').getByRole('link', { name: item }).waitFor();
    }
    for (const card of ['Gửi tin báo', 'Theo dõi tin báo', 'Ý kiến nhân dân']) {
      await workspace.getByRole('heading', { name: card, exact: true }).waitFor();
    }
    await workspace.getByText('16.000', { exact: true }).waitFor();
    const health = workspace.getByTestId('health');
    await health.filter({ hasText: 'Hệ thống hoạt động bình thường — CSDL: sqlite' }).waitFor();
    assert.match(await workspace.title(), /ANTQ/);
    await shot(workspace, 'workspace');
    assertNoProblems(workspace);
    await workspace.context().close();
  });

  it('walks the unit picker: Quảng Ngãi → Xã Sơn Tịnh → Thôn Trường Thọ', async () => {
    const page = await openPage(browser, server.baseUrl + '/units');
    await page.locator('.antq-unitbar__picker .ant-select-selector').click();
    const popup = page.locator('.antq-unit-picker-popup');
    const node = (title) =>
      popup.locator('.ant-select-tree-treenode').filter({
        has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${title}$`) }),
      });
    await node('Tỉnh Quảng Ngãi').locator('.ant-select-tree-switcher').click();
    await node('Xã Sơn Tịnh').locator('.ant-select-tree-switcher').click();
    await node('Thôn Trường Thọ').waitFor();
    for (const village of ['Thôn Phú Thọ', 'Thôn Thọ Trung', 'Thôn Liên Hiệp', 'Thôn Cổ Lũy']) {
      await node(village).waitFor();
    }
    await shot(page, 'unit-picker');
    await node('Thôn Trường Thọ').locator('.ant-select-tree-title').click();
    await page.waitForURL(/[?&]unit=/);
    const code = new URL(page.url()).searchParams.get('unit');
    assert.ok(code, 'the chosen unit is kept in the URL');
    await page.getByTestId('selected-unit').filter({ hasText: 'Tỉnh Quảng Ngãi › Xã Sơn Tịnh › Thôn Trường Thọ' }).waitFor();
    const detail = page.getByTestId('unit-detail');
    await detail.getByTestId('unit-name').filter({ hasText: 'Thôn Trường Thọ' }).waitFor();
    await detail.getByTestId('unit-kind').filter({ hasText: 'Thôn/Tổ dân phố' }).waitFor();
    // the choice survives a reload and a move to another page
    await page.reload();
    await page.getByTestId('unit-name').filter({ hasText: 'Thôn Trường Thọ' }).waitFor();
    await page.getByTestId('main-menu').getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('unit'), code);
    await page.getByTestId('selected-unit').filter({ hasText: 'Thôn Trường Thọ' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('finds "Xã Sơn Tịnh" when searching "son tinh" without diacritics', async () => {
    const page = await openPage(browser, server.baseUrl + '/units');
    await page.locator('#antq-unit-search').fill('son tinh');
    const results = page.getByTestId('unit-search-results');
    const hit = results.getByRole('button', { name: 'Xã Sơn Tịnh', exact: true });
    await hit.waitFor();
    await results.getByText('Tỉnh Quảng Ngãi').first().waitFor();
    await hit.click();
    await page.waitForURL(/[?&]unit=21220(&|$)/);
    const detail = page.getByTestId('unit-detail');
    await detail.getByTestId('unit-name').filter({ hasText: 'Xã Sơn Tịnh' }).waitFor();
    await detail.getByTestId('unit-kind').filter({ hasText: 'Xã/Phường' }).waitFor();
    await detail.getByTestId('unit-breadcrumb').getByText('Tỉnh Quảng Ngãi').waitFor();
    const children = page.getByTestId('unit-children');
    for (const village of ['Thôn Trường Thọ', 'Thôn Phú Thọ', 'Thôn Thọ Trung', 'Thôn Liên Hiệp', 'Thôn Cổ Lũy']) {
      await children.getByRole('button', { name: village, exact: true }).waitFor();
    }
    // up the breadcrumb to the province
    await detail.getByTestId('unit-breadcrumb').getByText('Tỉnh Quảng Ngãi').click();
    await page.getByTestId('unit-name').filter({ hasText: 'Tỉnh Quảng Ngãi' }).waitFor();
    await page.getByTestId('unit-kind').filter({ hasText: 'Tỉnh/Thành phố' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('shows the server’s Vietnamese message for an unknown unit', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/units/99999`);
    assert.equal(res.status, 404);
    const body = await res.json();
    assert.equal(typeof body.error?.message, 'string');
    const page = await openPage(browser, server.baseUrl + '/units?unit=99999');
    await page.getByTestId('api-error').filter({ hasText: body.error.message }).waitFor();
    // the browser itself logs the 404 answers of the API: those are expected here
    assertNoProblems(page, [/Failed to load resource: the server responded with a status of 404/]);
    await page.context().close();
  });

  it('shows the 404 page for an unknown address', async () => {
    const page = await openPage(browser, server.baseUrl + '/khong-co-trang-nay');
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('shows the login form', async () => {
    const page = await openPage(browser, server.baseUrl + '/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.getByLabel('Mật khẩu').waitFor();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await assertAccessible(page, 'the login page');
    assertNoProblems(page);
    await page.context().close();
  });

  it('switches to English and remembers the choice', async () => {
    const page = await openPage(browser, server.baseUrl + '/lam-viec');
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    const menu = page.getByTestId('main-menu');
    await menu.getByRole('link', { name: 'Home', exact: true }).waitFor();
    await menu.getByRole('link', { name: 'Administrative units' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Staff workspace' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.reload();
    await page.getByTestId('main-menu').getByRole('link', { name: 'Home', exact: true }).waitFor();
    await shot(page, 'workspace-en');
    // the choice holds on the home page (the public app shares it)
    await page.getByTestId('main-menu').getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'All-People National Security Protection movement' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await shot(page, 'home-en');
    await page.goBack();
    await page.getByTestId('language-switch').getByText('Tiếng Việt', { exact: true }).click();
    await page.getByTestId('main-menu').getByRole('link', { name: 'Trang chủ' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('fits every page on a desktop and a phone screen', async () => {
    const pages = [
      { name: 'home', path: '/', ready: (p) => p.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor() },
      { name: 'workspace', path: '/lam-viec', ready: (p) => p.getByTestId('health').filter({ hasText: 'sqlite' }).waitFor() },
      { name: 'units', path: '/units?unit=21220', ready: (p) => p.getByText('Thôn Trường Thọ').first().waitFor() },
      { name: 'units-top', path: '/units', ready: (p) => p.getByText('Tỉnh Quảng Ngãi').first().waitFor() },
      { name: 'login', path: '/login', ready: (p) => p.getByTestId('login-form').waitFor() },
      { name: 'not-found', path: '/khong-co-trang-nay', ready: (p) => p.getByText('Không tìm thấy trang').first().waitFor() },
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      for (const spec of pages) {
        const page = await openPage(browser, server.baseUrl + spec.path, viewport);
        await spec.ready(page);
        await assertNoHorizontalScroll(page);
        await shot(page, spec.name);
        assertNoProblems(page);
        await page.context().close();
      }
    }
  });

  it('collapses the menu into a drawer on a phone', async () => {
    const page = await openPage(browser, server.baseUrl + '/lam-viec', PHONE);
    assert.equal(await page.getByTestId('main-menu').count(), 0, 'no horizontal menu on a phone');
    await page.getByTestId('menu-button').click();
    const drawerMenu = page.getByTestId('drawer-menu');
    await drawerMenu.getByRole('link', { name: 'Đơn vị hành chính' }).waitFor();
    await shot(page, 'menu-drawer');
    await drawerMenu.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    // the unit picker works on a phone too
    await page.locator('.antq-unitbar__picker .ant-select-selector').click();
    await page.locator('.antq-unit-picker-popup .ant-select-tree-title', { hasText: /^Tỉnh Quảng Ngãi$/ }).waitFor();
    await shot(page, 'unit-picker');
    await assertNoHorizontalScroll(page);
    assertNoProblems(page);
    await page.context().close();
  });

  it('stops the server cleanly on SIGTERM', async () => {
    await browser.close();
    browser = undefined;
    const result = await server.stop();
    serverStopped = true;
    assert.equal(result.signal, null, `server ended by signal ${result.signal}\n${result.log}`);
    assert.equal(result.code, 0, `server exit code ${result.code}\n${result.log}`);
  });
});
