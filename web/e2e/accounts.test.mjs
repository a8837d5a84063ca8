// Browser tests of the staff side (login, user menu, own account, user administration, audit
// trail) against the real server (see harness.mjs).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  apiSession,
  createAccount,
  ADMIN_PASSWORD,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  newPage,
  shot,
  startServer,
  loginAs,
  openPage,
  submitLogin,
} from './harness.mjs';

let server;
let browser;

// A Vietnamese message has Vietnamese letters.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
// The browser logs failed API answers; the tests that provoke them expect them.
const FAILED = (status) => new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

/** A login attempt through the API, without following up: { status, body, retryAfter }. */
async function apiLoginAttempt(username, password) {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret. */
function totpCode(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function openUserMenu(page) {
  await page.getByTestId('user-button').click();
  await page.getByTestId('user-menu').waitFor();
}

describe('ANTQ staff side', () => {
  let admin; // an API session of the administrator, to set up accounts

  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // every test logs in, some many times, all from 127.0.0.1: more than the 20 attempts a
    // minute the server allows one address by default
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs the admin in, shows the user menu, and logs out to anonymous', async () => {
    const page = await openPage(browser, server.baseUrl + '/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor();
    await shot(page, 'login');
    await submitLogin(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('user-button').waitFor();
    // an officer's home is the workspace (the site's "/" is the citizens' page)
    await page.waitForURL((u) => new URL(u).pathname === '/lam-viec');
    // the "Đăng nhập" link gives way to the user menu
    assert.equal(await page.getByTestId('main-menu').getByRole('link', { name: 'Đăng nhập' }).count(), 0);
    await openUserMenu(page);
    const menu = page.getByTestId('user-menu');
    await menu.getByTestId('user-menu-role').filter({ hasText: admin.user.role_label }).waitFor();
    await menu
      .getByTestId('user-menu-unit')
      .filter({ hasText: admin.user.unit?.full_name ?? 'Cả nước' })
      .waitFor();
    for (const item of ['Đổi mật khẩu', 'Xác thực hai bước', 'Quản lý tài khoản', 'Nhật ký hệ thống', 'Đăng xuất']) {
      await menu.getByRole('menuitem', { name: item }).waitFor();
    }
    await page.waitForTimeout(400); // the menu fades in
    await shot(page, 'user-menu');
    await menu.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/login');
    await page.getByTestId('login-notice').filter({ hasText: 'Bạn đã đăng xuất.' }).waitFor();
    await page.getByTestId('main-menu').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.getByTestId('user-button').count(), 0);
    // the server agrees: the session is over
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401);
    assertNoProblems(page);
    await page.context().close();
  });

  it('shows the server’s Vietnamese message for a wrong password', async () => {
    const page = await openPage(browser, server.baseUrl + '/login');
    await submitLogin(page, 'admin', 'not-the-password');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    const text = (await alert.innerText()).trim();
    const expected = await apiLoginAttempt('admin', 'not-the-password-either');
    assert.equal(expected.status, 401);
    assert.equal(expected.body.error.code, 'invalid_credentials');
    assert.ok(text.includes(expected.body.error.message), `"${text}" shows "${expected.body.error.message}"`);
    assert.match(text, VIETNAMESE);
    assert.equal(await page.getByTestId('user-button').count(), 0);
    // the admin can still log in (two failures are far from a lockout)
    await submitLogin(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('user-button').waitFor();
    assertNoProblems(page, [FAILED(401)]);
    await page.context().close();
  });

  it('locks an account out after 5 wrong passwords', async () => {
    const created = await admin.call('POST', '/api/v1/users', {
      username: 'canbo.khoa',
      password: 'mat-khau-ban-dau-1',
      role: 'police_officer',
      unit: '21220',
      display_name: 'Nguyễn Văn Khóa',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const page = await openPage(browser, server.baseUrl + '/login');
    let lockedAt = 0;
    for (let attempt = 1; attempt <= 6 && !lockedAt; attempt++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await submitLogin(page, 'canbo.khoa', `sai-mat-khau-${attempt}`);
      const res = await answer;
      if (res.status() === 429) lockedAt = attempt;
      else assert.equal(res.status(), 401, `attempt ${attempt}`);
      await page.getByTestId('login-error').waitFor();
    }
    assert.ok(lockedAt === 5 || lockedAt === 6, `locked at attempt ${lockedAt}`);
    // even the right password is refused now, with the same message
    const locked = await apiLoginAttempt('canbo.khoa', 'mat-khau-ban-dau-1');
    assert.equal(locked.status, 429);
    assert.ok(['account_locked', 'rate_limited'].includes(locked.body.error.code), locked.body.error.code);
    const alert = page.getByTestId('login-error');
    await alert.filter({ hasText: locked.body.error.message }).waitFor();
    assert.match(locked.body.error.message, VIETNAMESE);
    // when to try again, in minutes: in the server's message, or added from Retry-After
    assert.ok(locked.retryAfter, 'a lockout answer carries Retry-After');
    const minutes = Math.max(1, Math.ceil(Number(locked.retryAfter) / 60));
    assert.match(await alert.innerText(), new RegExp(`\\b${minutes} phút`));
    await shot(page, 'login-locked');
    // the lock (per account and address) lets in whoever also has the second factor: the page
    // offers the code's step with the credentials typed
    if (locked.body.error.code === 'account_locked') {
      await page.getByTestId('login-totp-way-in').click();
      await page.getByTestId('totp-form').getByLabel('Mã xác thực').waitFor();
      await page.getByTestId('totp-form').getByRole('button', { name: 'Quay lại' }).click();
      await page.getByTestId('login-form').waitFor();
    }
    assertNoProblems(page, [FAILED(401), FAILED(429)]);
    await page.context().close();
  });

  it('sends an anonymous visitor to the login and back to the page asked for', async () => {
    const page = await openPage(browser, server.baseUrl + '/admin/users?q=admin');
    await page.waitForURL((u) => new URL(u).pathname === '/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/admin/users?q=admin');
    await submitLogin(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL((u) => new URL(u).pathname === '/admin/users');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'admin');
    await page.getByTestId('users-table').getByRole('button', { name: 'admin', exact: true }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('lists, creates and edits accounts', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
    await openUserMenu(page);
    await page.getByTestId('user-menu').getByRole('menuitem', { name: 'Quản lý tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản' }).waitFor();
    const table = page.getByTestId('users-table');
    const adminRow = table.locator('tr', { has: page.getByRole('button', { name: 'admin', exact: true }) });
    await adminRow.waitFor();
    await adminRow.getByText('Hoạt động').waitFor();
    assert.ok((await adminRow.innerText()).includes(admin.user.role_label), 'the role label is shown');
    // the admin logged in in this test: the last login is shown as dd/mm/yyyy HH:mm
    assert.match(await adminRow.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // a new account through the drawer
    await page.getByTestId('user-add').click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: 'Thêm tài khoản' });
    await drawer.getByLabel('Tên đăng nhập').fill('admin');
    await drawer.getByLabel('Họ và tên').fill('Trần Thị Mai');
    await drawer.getByLabel('Vai trò').click();
    const roles = (await admin.call('GET', '/api/v1/roles')).body.items;
    // A steering-committee account may work for the whole country ("Toàn quốc" ticked); other roles
    // must have a unit, which the form and the server check.
    const newRole = roles.find((r) => r.code === 'steering');
    assert.ok(newRole, 'GET /api/v1/roles lists steering');
    await page.locator('.ant-select-item-option', { hasText: newRole.label }).click();
    // the whole country is an explicit choice of a national administrator, never an empty unit
    await drawer.getByRole('checkbox', { name: /Toàn quốc/ }).check();
    await drawer.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-2');
    await shot(page, 'user-create');
    // "admin" is taken: the server's message appears next to the username
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const usernameItem = drawer.locator('.ant-form-item', { has: page.getByLabel('Tên đăng nhập') });
    await usernameItem.locator('.ant-form-item-explain-error').waitFor();
    assert.match(await usernameItem.locator('.ant-form-item-explain-error').innerText(), VIETNAMESE);
    await drawer.getByLabel('Tên đăng nhập').fill('canbo.mai');
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const maiRow = table.locator('tr', { has: page.getByRole('button', { name: 'canbo.mai', exact: true }) });
    await maiRow.waitFor();
    await maiRow.getByText('Trần Thị Mai').waitFor();
    await maiRow.getByText(newRole.label).waitFor();
    await maiRow.getByText('Chưa đăng nhập').waitFor();
    // the password an administrator gave is temporary until its owner changes it
    await maiRow.getByTestId('user-temporary-password').filter({ hasText: 'Mật khẩu tạm' }).waitFor();

    // lock it
    await maiRow.getByRole('button', { name: 'Sửa tài khoản canbo.mai' }).click();
    const editDrawer = page.locator('.ant-drawer-content').filter({ hasText: 'Tài khoản canbo.mai' });
    await editDrawer.getByRole('switch').click();
    await shot(page, 'user-edit');
    await editDrawer.getByRole('button', { name: 'Lưu' }).click();
    await maiRow.getByText('Đã khóa').waitFor();
    const locked = await apiLoginAttempt('canbo.mai', 'mat-khau-ban-dau-2');
    assert.notEqual(locked.status, 200, 'a locked account cannot log in');

    // search
    await page.getByPlaceholder('Tên đăng nhập hoặc họ tên').fill('mai');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/[?&]q=mai/);
    await maiRow.waitFor();
    await adminRow.waitFor({ state: 'detached' });
    assertNoProblems(page, [FAILED(400), FAILED(409), FAILED(422)]);
    await page.context().close();
  });

  it('shows the login entries in the audit trail and checks its integrity', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.baseUrl}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    const api = await admin.call('GET', '/api/v1/audit?actor=admin&per_page=200');
    assert.equal(api.status, 200, JSON.stringify(api.body));
    const logins = api.body.items.filter((e) => /^(auth\.)?login$/.test(e.action));
    assert.ok(logins.length >= 2, `login entries of admin: ${api.body.items.map((e) => e.action).join(', ')}`);
    const table = page.getByTestId('audit-table');
    const loginRow = table.locator('tr', { hasText: logins[0].request_id ?? logins[0].action });
    await loginRow.first().waitFor();
    const rowText = await loginRow.first().innerText();
    assert.match(rowText, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    assert.match(rowText, /admin/);
    assert.match(rowText, /Đăng nhập/);
    // filter by actor
    await page.getByTestId('audit-filters').getByLabel('Người thực hiện').fill('admin');
    await page.getByTestId('audit-filter-apply').click();
    await page.waitForURL(/[?&]actor=admin/);
    await table.locator('tr.ant-table-row', { hasText: 'Đăng nhập' }).first().waitFor();
    // integrity
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    const verify = await admin.call('GET', '/api/v1/audit/verify');
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
    await result.filter({ hasText: 'Nhật ký toàn vẹn' }).waitFor();
    await shot(page, 'audit');
    assertNoProblems(page);
    await page.context().close();
  });

  it('changes the own password, which ends the session', async () => {
    // an account whose owner has already replaced the administrator's temporary password
    const created = await createAccount(admin, {
      username: 'canbo.doimk',
      password: 'mat-khau-cu-12345',
      role: 'village_officer',
      unit: '21220',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const page = await newPage(browser, DESKTOP);
    await loginAs(page, server.baseUrl, { username: 'canbo.doimk', password: 'mat-khau-cu-12345' });
    await openUserMenu(page);
    const menu = page.getByTestId('user-menu');
    // no administration for a village officer
    assert.equal(await menu.getByRole('menuitem', { name: 'Quản lý tài khoản' }).count(), 0);
    assert.equal(await menu.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).count(), 0);
    await menu.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    const form = page.getByTestId('password-form');
    // client-side checks first
    await form.getByLabel('Mật khẩu hiện tại').fill('mat-khau-cu-12345');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('khac');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.getByText('Mật khẩu cần ít nhất 10 ký tự').waitFor();
    await form.getByText('Hai lần nhập mật khẩu mới không khớp').waitFor();
    await shot(page, 'password');
    // a wrong current password: the server's message next to that field
    await form.getByLabel('Mật khẩu hiện tại').fill('khong-dung-mat-khau');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-67890');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-67890');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const currentItem = form.locator('.ant-form-item', { has: page.getByLabel('Mật khẩu hiện tại') });
    await currentItem.locator('.ant-form-item-explain-error').waitFor();
    assert.match(await currentItem.locator('.ant-form-item-explain-error').innerText(), VIETNAMESE);
    // still logged in after a wrong password
    await page.getByTestId('user-button').waitFor();
    await form.getByLabel('Mật khẩu hiện tại').fill('mat-khau-cu-12345');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/login');
    await page.getByTestId('login-notice').filter({ hasText: 'Đã đổi mật khẩu' }).waitFor();
    assert.equal(await page.getByTestId('user-button').count(), 0);
    await submitLogin(page, 'canbo.doimk', 'mat-khau-moi-67890');
    await page.getByTestId('user-button').waitFor();
    assertNoProblems(page, [FAILED(400), FAILED(401)]);
    await page.context().close();
  });

  it('turns on two-step verification and asks for the code at login', async () => {
    const created = await createAccount(admin, {
      username: 'canbo.totp',
      password: 'mat-khau-totp-123',
      role: 'front_officer',
      unit: '21220',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const page = await newPage(browser, DESKTOP);
    await loginAs(page, server.baseUrl, { username: 'canbo.totp', password: 'mat-khau-totp-123' });
    await page.goto(`${server.baseUrl}/account/totp`);
    await page.getByTestId('totp-status').filter({ hasText: 'Chưa bật' }).waitFor();
    await page.getByTestId('totp-setup').click();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    assert.match(await qr.getAttribute('src'), /^data:image\/png;base64,/);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await shot(page, 'totp-setup');
    const enabledStep = Math.floor(Date.now() / 30_000);
    await page.getByLabel('Mã xác thực').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
    await page.getByTestId('totp-status').filter({ hasText: 'Đang bật' }).waitFor();
    await shot(page, 'totp-enabled');

    // a fresh browser: password, then the code
    const page2 = await openPage(browser, server.baseUrl + '/login');
    await submitLogin(page2, 'canbo.totp', 'mat-khau-totp-123');
    const totpForm = page2.getByTestId('totp-form');
    await totpForm.waitFor();
    await totpForm.getByLabel('Mã xác thực').fill('000000' === totpCode(secret) ? '111111' : '000000');
    await totpForm.getByRole('button', { name: 'Xác nhận' }).click();
    await page2.getByTestId('login-error').waitFor();
    await shot(page2, 'login-totp');
    // a code is accepted once: wait for the next one after the code that turned it on
    while (Math.floor(Date.now() / 30_000) <= enabledStep) await page2.waitForTimeout(500);
    await totpForm.getByLabel('Mã xác thực').fill(totpCode(secret));
    await totpForm.getByRole('button', { name: 'Xác nhận' }).click();
    await page2.getByTestId('user-button').waitFor();
    assertNoProblems(page, [FAILED(400)]);
    assertNoProblems(page2, [FAILED(401)]);
    await page.context().close();
    await page2.context().close();
  });

  it('fits the staff pages on a desktop and a phone screen', async () => {
    const pages = [
      { name: 'login', path: '/login', login: false, ready: (p) => p.getByTestId('login-form').waitFor() },
      { name: 'users', path: '/admin/users', ready: (p) => p.getByRole('button', { name: 'admin', exact: true }).waitFor() },
      { name: 'audit', path: '/admin/audit', ready: (p) => p.getByTestId('audit-table').locator('tr.ant-table-row').first().waitFor() },
      { name: 'password', path: '/account/password', ready: (p) => p.getByTestId('password-form').waitFor() },
      { name: 'totp', path: '/account/totp', ready: (p) => p.getByTestId('totp-status').waitFor() },
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await newPage(browser, viewport);
      for (const spec of pages) {
        if (spec.login !== false && (await page.getByTestId('user-button').count()) === 0) {
          await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
        }
        await page.goto(server.baseUrl + spec.path);
        await spec.ready(page);
        await page.waitForLoadState('networkidle');
        await assertNoHorizontalScroll(page);
        await shot(page, spec.name);
      }
      if (viewport === PHONE) {
        await openUserMenu(page);
        await page.getByTestId('user-menu').getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
        await page.waitForTimeout(400); // the menu fades in
        await shot(page, 'user-menu');
        await assertNoHorizontalScroll(page);
      }
      assertNoProblems(page);
      await page.context().close();
    }
  });
});

describe('ANTQ staff side, two-step verification mandatory for administrators', () => {
  let strict;
  let strictBrowser;

  before(async () => {
    strict = await startServer({
      env: { ANTQ_REQUIRE_TOTP_FOR_ADMINS: 'true', ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' },
    });
    strictBrowser = await launchBrowser();
  });

  after(async () => {
    await strictBrowser?.close();
    await strict?.stop();
  });

  it('sends the admin to set it up, then refuses to turn it off (422)', async () => {
    const page = await newPage(strictBrowser, DESKTOP);
    await page.goto(`${strict.baseUrl}/login`);
    await submitLogin(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('user-button').waitFor();
    // administration is refused until two-step verification is on; the page says how to go on
    await page.goto(`${strict.baseUrl}/admin/users`);
    const alert = page.getByTestId('api-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), VIETNAMESE);
    await alert.getByRole('button', { name: 'Thiết lập xác thực hai bước' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/account/totp');
    await page.getByTestId('totp-setup').click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Mã xác thực').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
    await page.getByTestId('totp-status').filter({ hasText: 'Đang bật' }).waitFor();
    await page.goto(`${strict.baseUrl}/admin/users`);
    await page.getByTestId('users-table').getByRole('button', { name: 'admin', exact: true }).waitFor();
    // turning it off is against the rule: the server's message is shown
    await page.goto(`${strict.baseUrl}/account/totp`);
    const form = page.getByTestId('totp-disable-form');
    await form.getByLabel('Mật khẩu hiện tại').fill(ADMIN_PASSWORD);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/totp/disable'));
    await form.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    const res = await answer;
    assert.equal(res.status(), 422);
    const body = await res.json();
    await form.getByTestId('api-error').filter({ hasText: body.error.message }).waitFor();
    assert.match(body.error.message, VIETNAMESE);
    await page.getByTestId('totp-status').filter({ hasText: 'Đang bật' }).waitFor();
    await shot(page, 'totp-mandatory');
    assertNoProblems(page, [FAILED(403), FAILED(422)]);
    await page.context().close();
  });
});
