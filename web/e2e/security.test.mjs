// Browser tests of the security registers against the real server (see harness.mjs): a commune
// police officer records a person under community education (the identity sealed), a session of
// help and a change of status; the list, the search and the exports never show the person's name;
// the exact identity search goes in a POST body, never in the address; an administrator outside the
// commune police sees the record without the identity and reveals it with a stated reason. A
// hotspot with its milestones. Screenshots at 1366×800 and 390×844.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  choose,
  createAccount,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  shot,
  startServer,
  pickUnit,
  withPage,
  typeDate,
  loginAs,
  daysAgo,
  dropdown,
} from './harness.mjs';

const POLICE = {
  username: 'ca.sontinh',
  password: 'mat-khau-cong-an-3',
  role: 'police_officer',
  unit: '21220',
  display_name: 'Đỗ Minh Quân',
};
const PERSON = { name: 'Nguyễn Văn Bình', id_number: '051090001234', address: 'Xóm 2, Thôn Trường Thọ' };

let server;
let browser;
let admin;
/** The reference (HN-…) of the person the first test records: the demo has years of others. */
let personRef;

describe('security registers: reintegration and hotspots', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const created = await createAccount(admin, POLICE);
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('a commune police officer records a person, a session and a change of status; the list never names the person', async () => {
    await withPage(browser, DESKTOP, 'reintegration-create', async (page) => {
      await loginAs(page, server.baseUrl, POLICE);
      await page.getByTestId('menu-security').hover();
      await page.getByTestId('menu-register-reintegration').click();
      await page.getByRole('heading', { level: 1, name: 'Giúp đỡ, tái hòa nhập cộng đồng' }).waitFor();

      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByText('Thêm người được giúp đỡ').waitFor();
      await pickUnit(
        page,
        drawer.locator('.ant-select', { has: page.locator('#unit') }),
        'Tỉnh Quảng Ngãi',
        'Xã Sơn Tịnh',
        'Thôn Trường Thọ',
      );
      await choose(page, drawer.getByTestId('select-category'), 'Người sau cai nghiện ma túy');
      await drawer.locator('#name').fill(PERSON.name);
      await drawer.locator('#birth_year').fill('1990');
      await drawer.locator('#id_number').fill(PERSON.id_number);
      await drawer.locator('#address').fill(PERSON.address);
      const [startIso, startShown] = daysAgo(30);
      await typeDate(drawer.locator('#start_date'), startShown);
      await drawer.locator('#helper_organisation').fill('Đoàn Thanh niên xã');
      await drawer.locator('#plan').fill('Tạo việc làm tại xưởng may; gặp gỡ hằng tháng.');
      await shot(page, 'reintegration-form');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu người được giúp đỡ.').waitFor();

      // the drawer goes on with the record: the commune police see the identity
      await drawer.getByTestId('identity-visible').waitFor();
      const title = (await drawer.locator('.antq-reg-drawer-title').innerText()).trim();
      assert.match(title, /^HN-\d+$/);
      personRef = title;
      assert.equal(await drawer.locator('#name').inputValue(), PERSON.name);

      // a session of help
      await drawer.getByRole('tab', { name: 'Lượt giúp đỡ' }).click();
      await drawer.getByTestId('session-add').click();
      await drawer.getByTestId('session-kind').getByText('Giáo dục, cảm hóa').click();
      await drawer.getByTestId('session-helpers').fill('Bí thư Đoàn xã, mẹ của người được giúp đỡ');
      await drawer.getByTestId('session-notes').fill('Đã nhận việc tại xưởng may.');
      await drawer.getByTestId('session-save').click();
      await page.getByText('Đã ghi lượt giúp đỡ.').waitFor();
      await drawer.getByTestId('session').getByText('Giáo dục, cảm hóa').waitFor();
      await drawer.getByTestId('session').getByText('Đã nhận việc tại xưởng may.').waitFor();
      await shot(page, 'reintegration-sessions');

      // a change of status, kept in the history
      await drawer.getByRole('tab', { name: 'Tình trạng' }).click();
      await choose(page, drawer.getByTestId('status-select'), 'Có tiến bộ');
      await drawer.getByTestId('status-submit').click();
      await page.getByText('Đã chuyển tình trạng.').waitFor();
      const history = drawer.getByTestId('status-history');
      await history.getByText('Có tiến bộ').waitFor();
      await history.getByText('Đang giúp đỡ').waitFor();
      await shot(page, 'reintegration-status');
      await page.locator('.ant-drawer-footer').getByRole('button', { name: 'Đóng' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // the list: the reference, the category and the status, never the name
      const row = page.getByTestId('register-table').locator('tr', { hasText: title });
      await row.getByText('Người sau cai nghiện ma túy').waitFor();
      await row.getByText('Có tiến bộ').waitFor();
      const shown = await page.locator('body').innerText();
      for (const secret of [PERSON.name, PERSON.id_number, PERSON.address]) assert.ok(!shown.includes(secret), `the list shows ${secret}`);
      await shot(page, 'reintegration-list');

      const list = await admin.call('GET', '/api/v1/reintegration/people?unit=21220');
      assert.equal(list.status, 200);
      assert.ok(!JSON.stringify(list.body).includes(PERSON.name), 'the API list never carries the name');
      const saved = list.body.items.find((p) => p.ref === title);
      assert.ok(saved, JSON.stringify(list.body));
      assert.equal(saved.start_date, startIso);
      assert.equal(saved.status, 'progressing');
      const csvHref = await page.getByTestId('export-csv').getAttribute('href');
      const csv = await admin.call('GET', csvHref);
      assert.equal(csv.status, 200);
      assert.ok(csv.body.includes(title) && !csv.body.includes(PERSON.name), 'the export carries the reference, never the name');

      // the exact search: the name without diacritics, in a POST body, never in the address
      const posted = [];
      page.on('request', (r) => {
        if (r.url().includes('/reintegration/people/search')) posted.push({ method: r.method(), url: r.url(), body: r.postData() });
      });
      await page.getByTestId('identity-name').fill('nguyen van binh');
      await page.getByTestId('identity-submit').click();
      await page.getByTestId('register-total').filter({ hasText: 'Tìm thấy 1 người' }).waitFor();
      // a single match opens at once
      await drawer.locator('.antq-reg-drawer-title', { hasText: title }).waitFor();
      assert.equal(posted.length, 1);
      assert.equal(posted[0].method, 'POST');
      assert.ok(!posted[0].url.includes('nguyen'), posted[0].url);
      assert.ok(!page.url().includes('nguyen'), page.url());
      assert.equal(JSON.parse(posted[0].body).name, 'nguyen van binh');
      assertNoProblems(page);
    });
  });

  it('an administrator outside the commune police reveals the identity with a reason', async () => {
    await withPage(browser, DESKTOP, 'reintegration-reveal', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/tai-hoa-nhap`);
      await page
        .getByTestId('record-link')
        .filter({ hasText: new RegExp(`^${personRef}$`) })
        .click();
      const drawer = page.getByTestId('record-drawer');
      const sealed = drawer.getByTestId('identity-sealed');
      await sealed.waitFor();
      // the form has no identity fields to fill: they are sealed
      assert.equal(await drawer.locator('#name').count(), 0);
      assert.ok(!(await page.locator('body').innerText()).includes(PERSON.name));
      await sealed.getByTestId('reveal-open').click();
      const dialog = page.getByTestId('reveal-dialog');
      await page.getByTestId('reveal-reason').fill('xác minh');
      await page.getByTestId('reveal-submit').click();
      await dialog.getByText('Lý do cần ít nhất 10 ký tự.').waitFor();
      await page.getByTestId('reveal-reason').fill('Xác minh trước khi phân công người giúp đỡ mới');
      await page.getByTestId('reveal-submit').click();
      const revealed = page.getByTestId('revealed');
      await revealed.getByText(PERSON.name).waitFor();
      await revealed.getByText(PERSON.id_number).waitFor();
      await revealed.getByText('1990').waitFor();
      // the sealed helpers and notes of the sessions come with the identity
      await dialog.getByTestId('revealed-sessions').getByText('Đã nhận việc tại xưởng may.').waitFor();
      await shot(page, 'reintegration-reveal');
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(!(await page.locator('body').innerText()).includes(PERSON.name), 'the identity is gone with the dialog');
      assertNoProblems(page);
    });
    await withPage(browser, PHONE, 'reintegration-phone', async (page) => {
      await loginAs(page, server.baseUrl, { username: 'admin', password: ADMIN_PASSWORD });
      await page.goto(`${server.baseUrl}/tai-hoa-nhap`);
      await page.getByTestId('record-card').first().waitFor();
      await assertNoHorizontalScroll(page);
      assert.ok(!(await page.locator('body').innerText()).includes(PERSON.name));
      await shot(page, 'reintegration-list');
      await page.getByTestId('record-link').first().click();
      await page.getByTestId('identity-sealed').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'reintegration-record');
      assertNoProblems(page);
    });
  });

  it('records a hotspot with its milestones', async () => {
    await withPage(browser, DESKTOP, 'hotspots', async (page) => {
      await loginAs(page, server.baseUrl, POLICE);
      await page.getByTestId('menu-security').hover();
      await page.getByTestId('menu-register-hotspots').click();
      await page.getByRole('heading', { level: 1, name: 'Địa bàn trọng điểm' }).waitFor();
      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      await pickUnit(page, drawer.locator('.ant-select', { has: page.locator('#unit') }), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', 'Thôn Cổ Lũy');
      await drawer.locator('#name').fill('Khu vực bãi sông thôn Cổ Lũy');
      await drawer.getByTestId('select-problem_types').click();
      await dropdown(page)
        .locator('.ant-select-item-option', { hasText: /^Ma túy$/ })
        .click();
      await page.keyboard.press('Escape');
      await drawer.locator('#decision').fill('Quyết định số 12/QĐ-UBND');
      await drawer.getByTestId('item-add-milestones').click();
      await drawer.getByTestId('item-add-milestones').click();
      const [, due1] = daysAgo(-30);
      const [, due2] = daysAgo(-90);
      await drawer.getByLabel('Nội dung mốc 1').fill('Lắp camera an ninh');
      await typeDate(drawer.getByLabel('Hạn 1'), due1);
      await drawer.getByLabel('Nội dung mốc 2').fill('Họp dân, ký cam kết');
      await typeDate(drawer.getByLabel('Hạn 2'), due2);
      // "transformed" needs its date
      await choose(page, drawer.getByTestId('select-status'), 'Đã chuyển hóa');
      await page.getByTestId('record-save').click();
      await drawer.getByText('Vui lòng chọn “Ngày công nhận chuyển hóa”.').waitFor();
      await shot(page, 'hotspots-form');
      await choose(page, drawer.getByTestId('select-status'), 'Đang chuyển hóa');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu địa bàn trọng điểm.').waitFor();
      await drawer.waitFor({ state: 'hidden' });
      const row = page.getByTestId('register-table').locator('tr', { hasText: 'Khu vực bãi sông thôn Cổ Lũy' });
      await row.getByText('0/2 mốc xong').waitFor();
      await row.getByText('Đang chuyển hóa').waitFor();
      await shot(page, 'hotspots-list');
      const list = await admin.call('GET', '/api/v1/hotspots?unit=21220');
      const saved = list.body.items.find((h) => h.name === 'Khu vực bãi sông thôn Cổ Lũy');
      assert.ok(saved, JSON.stringify(list.body));
      assert.deepEqual(saved.problem_types, ['drugs']);
      assert.deepEqual(
        saved.milestones.map((m) => m.title),
        ['Lắp camera an ninh', 'Họp dân, ký cam kết'],
      );
      assert.equal(saved.milestones[0].due_on, daysAgo(-30)[0]);
      assertNoProblems(page);
    });
    await withPage(browser, PHONE, 'hotspots-phone', async (page) => {
      await loginAs(page, server.baseUrl, POLICE);
      await page.goto(`${server.baseUrl}/dia-ban-trong-diem`);
      await page.getByTestId('record-card').first().waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'hotspots-list');
      await page.getByTestId('record-link').first().click();
      await page.getByTestId('field-milestones').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'hotspots-form');
      assertNoProblems(page);
    });
  });
});
