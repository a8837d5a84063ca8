// Browser tests of issue 18, "the first day in a real office" (staff side), against the real server
// (see harness.mjs), on a 1440×900 desktop and a 390×844 phone: an administrator creates a village
// officer with a unit (nationwide is an explicit choice); a session that expires while a form is
// filled in keeps the draft, logs in again in a dialog and saves what was typed; each role lands on
// its own page after login; the unit picker searches without diacritics and replicates a model to
// three villages in a few clicks; a village officer attaches a photo to a patrol on a phone; the
// audit trail is filtered by a Vietnamese action name, with nothing read out in English; the
// administrator's password is a temporary one, so a new officer first chooses their own (and can
// open nothing else meanwhile); an administrator lifts a login lock and sets a temporary password.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
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
  pickUnit,
  shot,
  startServer,
  withPage,
  loginAs,
  dropdown,
} from './harness.mjs';

const WIDE = { width: 1440, height: 900 };
const POLICE = {
  username: 'ca.sontinh',
  password: 'mat-khau-cong-an-5',
  role: 'police_officer',
  unit: '21220',
  display_name: 'Trần Văn Bình',
};
const VILLAGE = {
  username: 'cb.truongtho',
  password: 'mat-khau-thon-tt-4',
  role: 'village_officer',
  unit: '21220-001',
  display_name: 'Lê Văn Tư',
};
const STEERING = { username: 'bcd.quangngai', password: 'mat-khau-bcd-qn-8', role: 'steering', unit: '51', display_name: 'Phạm Thị Mai' };
const FRONT = {
  username: 'mttq.sontinh',
  password: 'mat-khau-mat-tran-9',
  role: 'front_officer',
  unit: '21220',
  display_name: 'Nguyễn Thị Lan',
};

// a real 2×2 PNG (the server checks the type by content)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGM4IScnd0KOAUIBAB3SBBHfPB1bAAAAAElFTkSuQmCC', 'base64');

let server;
let browser;
let admin;

// A Vietnamese message has Vietnamese letters.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
// The browser logs failed API answers; the tests that provoke them expect them.
const FAILED = (status) => new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

describe('the first day in a real office (staff side)', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    // accounts whose owners have already replaced the administrator's temporary password
    for (const u of [POLICE, VILLAGE, STEERING, FRONT]) {
      const r = await createAccount(admin, u);
      assert.equal(r.status, 201, `${u.username}: ${JSON.stringify(r.body)}`);
    }
  });

  after(async () => {
    await browser?.close();
    const { code } = await server.stop();
    assert.equal(code, 0, 'the server stops cleanly');
  });

  it('an administrator creates a village officer with a unit; nationwide scope needs its own tick', async () => {
    await withPage(browser, WIDE, 'office-users', async (page) => {
      const posted = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/users') && posted.push(r.postDataJSON()));
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/admin/users`);
      await page.getByTestId('user-add').click();
      const drawer = page.getByTestId('user-drawer');
      const form = drawer.getByTestId('user-form');
      await form.getByLabel('Tên đăng nhập').fill('cb.phutho');
      await form.getByLabel('Họ và tên').fill('Đỗ Văn Hải');
      await form.getByTestId('user-role').click();
      await dropdown(page).getByText('Cán bộ thôn, tổ dân phố', { exact: true }).click();
      await form.getByLabel('Mật khẩu ban đầu').fill('mat-khau-phu-tho-3');
      // a national administrator sees the explicit choice, not ticked
      const nationwide = form.getByRole('checkbox', { name: /Toàn quốc/ });
      await nationwide.waitFor();
      assert.equal(await nationwide.isChecked(), false);
      // no unit: the form says so and sends nothing
      await drawer.getByTestId('user-save').click();
      await form.getByText('Vui lòng chọn đơn vị của tài khoản').waitFor();
      assert.equal(posted.length, 0, 'an account without a unit is not sent');
      await shot(page, 'office-user-unit-required');
      // ticking "Toàn quốc" turns the unit off; unticking brings it back
      await nationwide.click();
      await form.getByText('Tài khoản có phạm vi toàn quốc', { exact: false }).waitFor();
      assert.ok(await form.locator('#unit').isDisabled(), 'the unit is off for a nationwide account');
      await nationwide.click();
      await pickUnit(page, form.locator('.ant-select', { has: page.locator('#unit') }), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', 'Thôn Phú Thọ');
      await shot(page, 'office-user-create');
      await drawer.getByTestId('user-save').click();
      await page.getByText('cb.phutho', { exact: false }).first().waitFor();
      await drawer.waitFor({ state: 'hidden' });
      assert.equal(posted.length, 1);
      assert.equal(posted[0].nationwide, undefined, 'nationwide is not sent unless chosen');
      assert.match(posted[0].unit, /^21220-\d+$/);
      const saved = await admin.call('GET', '/api/v1/users/cb.phutho');
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.role, 'village_officer');
      assert.equal(saved.body.unit.full_name, 'Thôn Phú Thọ');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
    // the same form on a phone
    await withPage(browser, PHONE, 'office-users-phone', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/admin/users`);
      await page.getByTestId('user-add').click();
      await page.getByTestId('user-nationwide').waitFor();
      await shot(page, 'office-user-create');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });

  it('sends the new officer to choose their own password first, and nowhere else until then', async () => {
    // cb.phutho was created in the test above, with the administrator's (temporary) password
    const TEMPORARY = 'mat-khau-phu-tho-3';
    const OWN = 'Lúa xanh Phú Thọ 2026';
    await withPage(browser, PHONE, 'office-first-password', async (page) => {
      await page.goto(`${server.baseUrl}/login`);
      const login = page.getByTestId('login-form');
      await login.getByLabel('Tên đăng nhập').fill('cb.phutho');
      await login.getByLabel('Mật khẩu').fill(TEMPORARY);
      await login.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => new URL(u).pathname === '/account/set-password');
      const card = page.getByTestId('first-password-card');
      await card.getByRole('heading', { level: 1, name: 'Đặt mật khẩu của bạn' }).waitFor();
      await card.getByTestId('first-password-why').filter({ hasText: 'cb.phutho' }).waitFor();
      // nothing else meanwhile: no menu, every address leads back here, the server refuses the rest
      for (const id of ['main-menu', 'menu-button', 'user-button', 'notification-bell']) {
        assert.equal(await page.getByTestId(id).count(), 0, `no ${id} on the first-password page`);
      }
      for (const path of ['/so/ghi-hoat-dong', '/lam-viec', '/tin-bao', '/admin/users', '/account/password', '/login']) {
        await page.goto(server.baseUrl + path);
        await page.waitForURL((u) => new URL(u).pathname === '/account/set-password');
        await card.waitFor();
      }
      const refused = await page.evaluate(async () => {
        const r = await fetch('/api/v1/activities');
        return { status: r.status, body: await r.json() };
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'password_change_required');
      assert.match(refused.body.error.message, VIETNAMESE);
      // the rules and words of "Đổi mật khẩu"
      const form = page.getByTestId('first-password-form');
      await form.getByLabel('Mật khẩu tạm').fill(TEMPORARY);
      await form.getByLabel('Mật khẩu mới', { exact: true }).fill(TEMPORARY);
      await form.getByLabel('Nhập lại mật khẩu mới').fill('khac');
      await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      await form.getByText('Mật khẩu mới phải khác mật khẩu hiện tại').waitFor();
      await form.getByText('Hai lần nhập mật khẩu mới không khớp').waitFor();
      await form.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
      await form.getByText('Mật khẩu cần ít nhất 10 ký tự').waitFor();
      // a wrong temporary password: the server's words next to it
      await form.getByLabel('Mật khẩu tạm').fill('khong-phai-mat-khau-tam');
      await form.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN);
      await form.getByLabel('Nhập lại mật khẩu mới').fill(OWN);
      await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      const current = form.locator('.ant-form-item', { has: page.getByLabel('Mật khẩu tạm') });
      await current.locator('.ant-form-item-explain-error').filter({ hasText: 'Mật khẩu hiện tại không đúng' }).waitFor();
      await shot(page, 'office-first-password');
      await assertNoHorizontalScroll(page);
      // the right one: the server ends every session, the officer logs in again with their own
      await form.getByLabel('Mật khẩu tạm').fill(TEMPORARY);
      await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      await page.waitForURL((u) => new URL(u).pathname === '/login');
      await page.getByTestId('login-notice').filter({ hasText: 'Đã đặt mật khẩu của bạn' }).waitFor();
      assert.equal(await page.getByTestId('user-button').count(), 0);
      await loginAs(page, server.baseUrl, { username: 'cb.phutho', password: OWN });
      // and lands as usual: the quick entry of the village
      await page.waitForURL(/\/so\/ghi-hoat-dong$/);
      await page
        .getByTestId('quick-form')
        .locator('.ant-select', { has: page.locator('#unit') })
        .getByText('Thôn Phú Thọ')
        .waitFor();
      const saved = await admin.call('GET', '/api/v1/users/cb.phutho');
      assert.equal(saved.body.must_change_password, false);
      assertNoProblems(page, [FAILED(401), FAILED(403)]);
    });
  });

  it('lets an administrator lift a login lock, and set a temporary password the officer then replaces', async () => {
    const THO = {
      username: 'cb.thotrung',
      password: 'mat-khau-tho-trung-6',
      role: 'village_officer',
      unit: '21220-001',
      display_name: 'Võ Thị Hoa',
    };
    const TEMPORARY = 'mat-khau-tam-thoi-77';
    const OWN = 'Mưa thuận gió hòa 2027';
    assert.equal((await createAccount(admin, THO)).status, 201);
    const attempt = async (password) =>
      (
        await fetch(`${server.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: THO.username, password }),
        })
      ).status;
    // five wrong passwords from this address lock the account here, the right one included
    for (let i = 1; i <= 5; i++) assert.equal(await attempt(`sai-mat-khau-${i}`), 401);
    assert.equal(await attempt(THO.password), 429);

    const findRow = (page) =>
      page.getByTestId('users-table').locator('tr', { has: page.getByRole('button', { name: THO.username, exact: true }) });
    await withPage(browser, WIDE, 'office-unlock', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/admin/users?q=${THO.username}`);
      const row = findRow(page);
      await row.getByTestId('user-login-locked').filter({ hasText: 'Tạm khóa đăng nhập' }).waitFor();
      assert.equal(await row.getByTestId('user-temporary-password').count(), 0, 'the owner chose their own password');
      await row.getByRole('button', { name: `Sửa tài khoản ${THO.username}` }).click();
      const actions = page.getByTestId('user-drawer').getByTestId('user-login-actions');
      await actions.getByTestId('user-login-lock').filter({ hasText: 'Đang tạm khóa đăng nhập' }).waitFor();
      await actions.getByTestId('user-unlock').click();
      // asked first, saying what it does
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.locator('.ant-modal-confirm-title', { hasText: `Mở khóa đăng nhập cho ${THO.username}?` }).waitFor();
      await confirm.locator('.ant-modal-confirm-content', { hasText: 'ghi vào nhật ký' }).waitFor();
      await page.waitForTimeout(300); // the dialog zooms in
      await shot(page, 'office-unlock-confirm');
      await confirm.getByRole('button', { name: 'Mở khóa đăng nhập' }).click();
      await page.getByText(`Đã mở khóa đăng nhập cho ${THO.username}.`).waitFor();
      await actions.getByTestId('user-login-lock').filter({ hasText: 'Không bị khóa đăng nhập' }).waitFor();
      await row.getByTestId('user-login-locked').waitFor({ state: 'detached' });
      assert.equal(await attempt(THO.password), 200, 'the officer gets in again');
      const audit = await admin.call('GET', `/api/v1/audit?action=user.update&entity_id=${THO.username}`);
      assert.ok(
        audit.body.items.some((e) => (e.details?.changed ?? []).includes('unlock')),
        `the unlock is audited: ${JSON.stringify(audit.body.items)}`,
      );
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });

    // the same actions on a phone
    await withPage(browser, PHONE, 'office-user-login-actions', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/admin/users?q=${THO.username}`);
      await page.getByRole('button', { name: `Sửa tài khoản ${THO.username}` }).click();
      const actions = page.getByTestId('user-drawer').getByTestId('user-login-actions');
      await actions.getByTestId('user-login-lock').filter({ hasText: 'Không bị khóa đăng nhập' }).waitFor();
      await actions.getByTestId('user-unlock').scrollIntoViewIfNeeded();
      await shot(page, 'office-user-login-actions');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });

    // The officer is at work when the administrator sets a temporary password (a forgotten one,
    // say): the session ends; logging in again with the temporary password leads to choosing one's own.
    await withPage(browser, WIDE, 'office-temporary-password', async (officer) => {
      await loginAs(officer, server.baseUrl, THO);
      await officer.waitForURL(/\/so\/ghi-hoat-dong$/);
      const quick = officer.getByTestId('quick-form');
      await quick.locator('#type').selectOption({ label: 'Tuyên truyền' });
      await quick.getByTestId('quick-title').fill('Tuyên truyền phòng chống lừa đảo qua mạng');
      await quick.getByTestId('quick-organizers').getByRole('button', { name: 'Công an' }).click();
      await quick.locator('#participants').fill('25');

      await withPage(browser, WIDE, 'office-temporary-password-admin', async (page) => {
        await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
        await page.goto(`${server.baseUrl}/admin/users?q=${THO.username}`);
        const row = findRow(page);
        await row.getByRole('button', { name: `Sửa tài khoản ${THO.username}` }).click();
        const actions = page.getByTestId('user-drawer').getByTestId('user-login-actions');
        await actions.getByTestId('user-login-password').filter({ hasText: 'do chính người dùng đặt' }).waitFor();
        await actions.getByTestId('user-reset-password').click();
        const modal = page.locator('.ant-modal', {
          has: page.locator('.ant-modal-title', { hasText: `Đặt mật khẩu tạm cho ${THO.username}` }),
        });
        await modal.getByText('phải đổi mật khẩu này ở lần đăng nhập đầu tiên').waitFor();
        // the strength rules of every password
        await modal.getByLabel('Mật khẩu tạm').fill('ngan');
        await modal.getByRole('button', { name: 'Đặt mật khẩu tạm' }).click();
        await modal.getByText('Mật khẩu cần ít nhất 10 ký tự').waitFor();
        await modal.getByLabel('Mật khẩu tạm').fill(TEMPORARY);
        await page.waitForTimeout(300);
        await shot(page, 'office-temporary-password');
        await modal.getByRole('button', { name: 'Đặt mật khẩu tạm' }).click();
        await page.getByText(`Đã đặt mật khẩu tạm cho ${THO.username}.`).waitFor();
        await row.getByTestId('user-temporary-password').filter({ hasText: 'Mật khẩu tạm' }).waitFor();
        await actions.getByTestId('user-login-password').filter({ hasText: 'mật khẩu tạm' }).waitFor();
        assertNoProblems(page);
      });
      const saved = await admin.call('GET', `/api/v1/users/${THO.username}`);
      assert.equal(saved.body.must_change_password, true);

      // saving asks for the password again; the temporary one opens only "Đặt mật khẩu của bạn"
      await officer.getByTestId('quick-save').click();
      const modal = officer.getByTestId('reauth-modal');
      await modal.getByLabel('Mật khẩu').fill(TEMPORARY);
      await modal.getByTestId('reauth-submit').click();
      await officer.waitForURL((u) => new URL(u).pathname === '/account/set-password');
      const form = officer.getByTestId('first-password-form');
      await form.getByLabel('Mật khẩu tạm').fill(TEMPORARY);
      await form.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN);
      await form.getByLabel('Nhập lại mật khẩu mới').fill(OWN);
      await shot(officer, 'office-first-password');
      await assertNoHorizontalScroll(officer);
      await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      await officer.getByTestId('login-notice').filter({ hasText: 'Đã đặt mật khẩu của bạn' }).waitFor();
      await loginAs(officer, server.baseUrl, { username: THO.username, password: OWN });
      await officer.waitForURL(/\/so\/ghi-hoat-dong$/);
      // nothing was saved with the temporary password
      const list = await admin.call('GET', '/api/v1/activities?unit=21220-001');
      assert.equal(list.body.items.filter((a) => a.title === 'Tuyên truyền phòng chống lừa đảo qua mạng').length, 0);
      assertNoProblems(officer, [FAILED(401), FAILED(403)]);
    });
  });

  it('keeps the draft when the session expires, logs in again in place and saves what was typed', async () => {
    await withPage(browser, WIDE, 'office-session', async (page) => {
      await loginAs(page, server.baseUrl, VILLAGE);
      // the village officer lands on the quick entry of the village
      await page.waitForURL(/\/so\/ghi-hoat-dong$/);
      const form = page.getByTestId('quick-form');
      await form
        .locator('.ant-select', { has: page.locator('#unit') })
        .getByText('Thôn Trường Thọ')
        .waitFor();
      const title = 'Họp dân bàn phương án giữ gìn an ninh trật tự dịp Tết';
      await form.locator('#type').selectOption({ label: 'Tuyên truyền' });
      await form.getByTestId('quick-title').fill(title);
      await form.getByTestId('quick-organizers').getByRole('button', { name: 'Công an' }).click();
      await form.locator('#participants').fill('37');

      // meanwhile the session ends on the server (as after 30 idle minutes)
      const cookie = (await page.context().cookies()).find((c) => c.name === 'antq_session');
      assert.ok(cookie, 'the browser holds the session cookie');
      const me = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { Cookie: `antq_session=${cookie.value}` } });
      const { csrf_token: csrf } = await me.json();
      const out = await fetch(`${server.baseUrl}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { Cookie: `antq_session=${cookie.value}`, 'X-CSRF-Token': csrf },
      });
      assert.ok(out.status < 300, `logout: ${out.status}`);
      const gone = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { Cookie: `antq_session=${cookie.value}` } });
      assert.equal(gone.status, 401, 'the session is over');

      // saving asks for the password in place; the page and the draft stay
      await page.getByTestId('quick-save').click();
      const modal = page.getByTestId('reauth-modal');
      await modal.getByText('Phiên làm việc đã hết hạn').waitFor();
      await modal.getByTestId('reauth-username').getByText(VILLAGE.username).waitFor();
      assert.match(page.url(), /\/so\/ghi-hoat-dong$/, 'still on the form, not sent to the login page');
      assert.equal(await form.getByTestId('quick-title').inputValue(), title, 'the draft is kept');
      await shot(page, 'office-session-expired');
      // a wrong password is said in the dialog
      await modal.getByLabel('Mật khẩu').fill('sai-mat-khau-123');
      await modal.getByTestId('reauth-submit').click();
      await modal.getByTestId('reauth-error').waitFor();
      await modal.getByLabel('Mật khẩu').fill(VILLAGE.password);
      await modal.getByTestId('reauth-submit').click();
      // the request that failed goes again: the activity is saved with what was typed
      await page.getByTestId('quick-activity-done').waitFor();
      await modal.waitFor({ state: 'hidden' });
      await page
        .getByTestId('quick-saved-title')
        .filter({ hasText: `${title} · Thôn Trường Thọ · 37 người tham gia` })
        .waitFor();
      const list = await admin.call('GET', '/api/v1/activities?unit=21220-001');
      const saved = list.body.items.filter((a) => a.title === title);
      assert.equal(saved.length, 1, 'saved once');
      assert.equal(saved[0].participants, 37);
      assert.deepEqual(saved[0].organizers, ['police']);
      assert.equal(saved[0].created_by, VILLAGE.username);
      // the new session works on
      await page.getByTestId('user-button').waitFor();
      assertNoProblems(page, [/status of 401/, /status of 400/]);
    });
  });

  it('lands each role on its own page after login', async () => {
    // the police officer: the new and overdue tips, the deadlines
    const tip = await (
      await apiSession(server.baseUrl, POLICE.username, POLICE.password)
    ).call('POST', '/api/v1/tips', {
      unit: '21220-002',
      category: (await (await fetch(`${server.baseUrl}/api/v1/public/tip-categories`)).json()).items[0].code,
      channel: 'phone',
      description: 'Có nhóm thanh niên lạ tụ tập đua xe trái phép ở đường liên thôn vào ban đêm.',
    });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));
    const police = await apiSession(server.baseUrl, POLICE.username, POLICE.password);
    const fresh = (await police.call('GET', '/api/v1/tips?status=received&per_page=1')).body.total;
    const overdue = (await police.call('GET', '/api/v1/tips?overdue=true&per_page=1')).body.total;
    assert.ok(fresh >= 1);
    for (const vp of [WIDE, PHONE]) {
      await withPage(browser, vp, 'office-landing-police', async (page) => {
        await loginAs(page, server.baseUrl, POLICE);
        await page.waitForURL(/\/tin-bao\?xem=viec-can-lam$/);
        const todo = page.getByTestId('tips-todo');
        await todo
          .getByTestId('todo-new-count')
          .filter({ hasText: new RegExp(`^${fresh}$`) })
          .waitFor();
        await todo
          .getByTestId('todo-overdue-count')
          .filter({ hasText: new RegExp(`^${overdue}$`) })
          .waitFor();
        await todo
          .getByTestId('todo-new')
          .getByTestId('todo-tip')
          .filter({ hasText: tip.body.tracking_code.replace(/-/g, '').replace(/^(.{4})/, '$1-') })
          .waitFor();
        await todo.getByTestId('todo-overdue').waitFor();
        await todo.getByTestId('todo-due').getByTestId('todo-tip').first().waitFor();
        await shot(page, 'office-landing-police');
        await assertNoHorizontalScroll(page);
        if (vp === WIDE) {
          // Opened again (the app's first page in this tab): the inbox under the panel (filters,
          // table) is asked for only once the page's heading shows, and then comes by itself.
          await page.addInitScript(() => {
            new MutationObserver(() => {
              if (document.querySelector('#main h1')) window.__antqHeadingAt ??= performance.now();
            }).observe(document, { childList: true, subtree: true });
          });
          await page.reload();
          await page.getByTestId('tips-table').locator('tr.ant-table-row').first().waitFor();
          const [headingAt, inboxAt] = await page.evaluate(() => [
            window.__antqHeadingAt,
            performance.getEntriesByType('resource').find((e) => /\/assets\/TipsInbox-[^/]+\.js$/.test(e.name))?.startTime,
          ]);
          assert.ok(
            headingAt > 0 && inboxAt > headingAt,
            `the inbox's code asked for at ${inboxAt} ms, the heading shown at ${headingAt} ms`,
          );
        }
        assertNoProblems(page);
      });
    }
    // the steering member: the dashboard; on a phone the map waits to be asked for
    await withPage(browser, PHONE, 'office-landing-steering', async (page) => {
      const geo = [];
      page.on('request', (r) => /\/geo\//.test(r.url()) && geo.push(r.url()));
      await loginAs(page, server.baseUrl, STEERING);
      await page.waitForURL(/\/bao-cao$/);
      await page.getByTestId('reports-unit-name').getByText('Tỉnh Quảng Ngãi').waitFor();
      await page.getByTestId('reports-map-ask').waitFor();
      assert.deepEqual(geo, [], 'no map downloaded on a phone before it is asked for');
      await shot(page, 'office-landing-steering');
      await page.getByTestId('reports-map-show').click();
      await page.getByTestId('reports-map').locator('svg').waitFor();
      assert.equal(geo.length, 1);
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
    // a commune account's map: its province, zoomed and highlighted, and the note saying so
    await withPage(browser, WIDE, 'office-map-commune', async (page) => {
      await loginAs(page, server.baseUrl, POLICE);
      await page.goto(`${server.baseUrl}/bao-cao`);
      await page.getByTestId('reports-map').locator('svg').waitFor();
      await page.getByTestId('reports-map').getByText('Tỉnh Quảng Ngãi').waitFor();
      await page
        .getByTestId('reports-map-note')
        .getByText(/Tỉnh Quảng Ngãi \(nơi có Xã Sơn Tịnh\)/)
        .waitFor();
      await shot(page, 'office-map-commune');
      // the header of a logged-in officer at 1440 px: every entry without the overflow menu
      await page
        .getByTestId('main-menu')
        .getByRole('menuitem', { name: /Báo cáo/ })
        .waitFor();
      assert.equal(
        await page.getByTestId('main-menu').locator('.ant-menu-overflow-item-rest:visible').count(),
        0,
        'no "⋯" menu at 1440 px',
      );
      assertNoProblems(page);
    });
    // the village officer: the quick entry (activity or patrol) — also in the session test above
    await withPage(browser, PHONE, 'office-landing-village', async (page) => {
      await loginAs(page, server.baseUrl, VILLAGE);
      await page.waitForURL(/\/so\/ghi-hoat-dong$/);
      await page.getByTestId('quick-kind').waitFor();
      await shot(page, 'office-landing-village');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });

  it('finds "son tinh" without diacritics and replicates a model to three villages in a few clicks', async () => {
    // the unit bar of a national account: "son tinh" finds Xã Sơn Tịnh
    await withPage(browser, WIDE, 'office-unit-search', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/units`);
      const picker = page.locator('.antq-unitbar__picker .ant-select');
      await picker.click();
      await page.keyboard.type('son tinh');
      const hit = page.locator('.antq-unit-picker-popup .antq-unit-hit', { hasText: 'Xã Sơn Tịnh' });
      await hit.first().waitFor();
      await hit.first().getByText('Tỉnh Quảng Ngãi').waitFor();
      await shot(page, 'office-unit-search');
      await hit.first().click();
      await page.waitForURL(/[?&]unit=21220(&|$)/);
      assertNoProblems(page);
    });

    const catalog = await admin.call('GET', '/api/v1/catalog');
    const model = await admin.call('POST', '/api/v1/models', {
      unit: '21220',
      name: 'Camera an ninh kết nối cộng đồng',
      kind: 'model',
      field: catalog.body.model_fields[0].code,
      started_on: '2026-01-05',
    });
    assert.equal(model.status, 201, JSON.stringify(model.body));

    await withPage(browser, WIDE, 'office-replicate', async (page) => {
      await loginAs(page, server.baseUrl, FRONT);
      await page.goto(`${server.baseUrl}/so/mo-hinh?record=${model.body.id}`);
      const reps = page.getByTestId('replications');
      await reps.getByText('Chưa nhân rộng ở đơn vị nào.').waitFor();
      let clicks = 0;
      const click = async (locator) => {
        clicks += 1;
        await locator.click();
      };
      await click(reps.getByTestId('replicate'));
      const modal = page.getByTestId('replicate-modal');
      // the picker starts at the officer's commune, its villages open: a tick each
      await click(modal.locator('.ant-select', { has: page.locator('#replicate_unit') }));
      const popup = page.locator('.antq-unit-picker-popup:visible');
      // within the own area, "truong tho" (no diacritics) finds the village too
      const villages = ['Thôn Trường Thọ', 'Thôn Phú Thọ', 'Thôn Thọ Trung'];
      for (const v of villages) {
        await click(
          popup
            .locator('.ant-select-tree-treenode')
            .filter({ has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${v}$`) }) })
            .locator('.ant-select-tree-title'),
        );
      }
      for (const v of villages) await modal.locator('.ant-select-selection-item', { hasText: v }).waitFor();
      await shot(page, 'office-replicate');
      await click(modal.locator('.ant-modal-title'));
      await click(page.getByTestId('replicate-save'));
      await page.getByText(/Đã nhân rộng đến 3 đơn vị/).waitFor();
      await reps.getByText('Nhân rộng ở 3 đơn vị, đang chạy ở 3.').waitFor();
      console.log(`# a model replicated to three villages in ${clicks} clicks`);
      assert.ok(clicks <= 7, `${clicks} clicks`);
      const list = await admin.call('GET', `/api/v1/models/${model.body.id}/replications`);
      assert.deepEqual(list.body.items.map((r) => r.unit.name).sort(), [...villages].sort());

      // a search inside the own area, without diacritics
      await reps.getByTestId('replicate').click();
      await modal.locator('.ant-select', { has: page.locator('#replicate_unit') }).click();
      await page.keyboard.type('lien hiep');
      await page.locator('.antq-unit-picker-popup:visible .antq-unit-hit', { hasText: 'Thôn Liên Hiệp' }).waitFor();
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });

  it('lets a village officer attach a photo to a patrol on a phone', async () => {
    await withPage(browser, PHONE, 'office-patrol-photo', async (page) => {
      await loginAs(page, server.baseUrl, VILLAGE);
      await page.waitForURL(/\/so\/ghi-hoat-dong$/);
      await page.getByTestId('quick-kind').getByText('Tuần tra').click();
      const patrol = page.getByTestId('quick-patrol');
      await patrol.waitFor();
      await patrol.locator('#route').fill('Đường liên thôn Trường Thọ – Phú Thọ');
      await patrol.locator('#participants').fill('6');
      // the day and the time fit the phone
      await patrol.getByTestId('datetime-day').first().waitFor();
      await patrol.getByTestId('photo-input').setInputFiles({ name: 'tuan-tra.png', mimeType: 'image/png', buffer: PNG });
      await patrol.getByTestId('photo-chosen').waitFor();
      await shot(page, 'office-patrol-photo');
      await assertNoHorizontalScroll(page);
      await page.getByTestId('quick-save').click();
      await page.getByTestId('quick-patrol-done').getByText('1 ảnh', { exact: false }).waitFor();
      const list = await admin.call('GET', '/api/v1/patrols?unit=21220-001');
      const p = list.body.items.find((x) => x.route === 'Đường liên thôn Trường Thọ – Phú Thọ');
      assert.ok(p, JSON.stringify(list.body));
      const files = await admin.call('GET', `/api/v1/patrols/${p.id}/attachments`);
      assert.equal(files.status, 200, JSON.stringify(files.body));
      assert.equal(files.body.items.length, 1);
      assert.equal(files.body.items[0].kind, 'image');
      // the register shows the photo with the record
      await page.getByTestId('quick-view').click();
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('record-photos').getByTestId('photo-saved').waitFor();
      await drawer.getByTestId('photo-saved').locator('img').waitFor();
      await shot(page, 'office-patrol-record');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });

  it('filters the audit trail by a Vietnamese action name, and reads nothing out in English', async () => {
    const police = await apiSession(server.baseUrl, POLICE.username, POLICE.password);
    const categories = await (await fetch(`${server.baseUrl}/api/v1/public/tip-categories`)).json();
    const tip = await police.call('POST', '/api/v1/tips', {
      unit: '21220',
      category: categories.items[0].code,
      channel: 'in_person',
      description: 'Người dân trình báo có đối tượng lạ cất giấu hàng cấm trong vườn nhà bỏ hoang.',
      reporter: { name: 'Nguyễn Văn An', phone: '0905000111' },
    });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));
    const reveal = await police.call('POST', `/api/v1/tips/${tip.body.id}/reveal`, {
      reason: 'Cần gọi lại người báo để xác minh địa điểm',
    });
    assert.equal(reveal.status, 200, JSON.stringify(reveal.body));

    for (const vp of [WIDE, PHONE]) {
      await withPage(browser, vp, 'office-audit', async (page) => {
        await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
        await page.goto(`${server.baseUrl}/admin/audit`);
        const filters = page.getByTestId('audit-filters');
        await filters.getByTestId('audit-filter-action').click();
        await page.keyboard.type('xem danh tinh nguoi bao');
        await dropdown(page).getByText('Xem danh tính người báo', { exact: true }).click();
        await page.getByTestId('audit-filter-apply').click();
        await page.waitForURL(/[?&]action=tip\.reveal/);
        const table = page.getByTestId('audit-table');
        // the filtered list replaces the whole trail
        await table.locator('tr.ant-table-row').nth(1).waitFor({ state: 'detached' });
        await table.locator('tr.ant-table-row', { hasText: 'Xem danh tính người báo' }).first().waitFor();
        await table.locator('tr.ant-table-row', { hasText: POLICE.username }).first().waitFor();
        assert.equal(await table.getByText('tip.reveal', { exact: true }).count(), 0, 'no internal code shown');
        assert.equal(await table.locator('tr.ant-table-row').count(), 1);
        // icons are not read out, icon-only controls have Vietnamese names
        const english = await page.evaluate(() =>
          [...document.querySelectorAll('[aria-label]')]
            .map((e) => e.getAttribute('aria-label'))
            .filter((l) =>
              /^(close|search|plus|left|right|down|up|edit|delete|eye|eye-invisible|close-circle|menu|bell|calendar|Close)$/.test(l ?? ''),
            ),
        );
        assert.deepEqual(english, [], 'English icon names read out');
        await shot(page, 'office-audit');
        await assertNoHorizontalScroll(page);
        assertNoProblems(page);
      });
    }
  });
});
