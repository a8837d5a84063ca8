// Browser tests of the movement registers (Sổ phong trào) against the real server (see harness.mjs):
// a commune officer of the Front records a campaign launch with two organising forces, creates a
// model and replicates it to three villages, records a mediation and takes it to a successful
// outcome (a server refusal shown on its field first), checks a mediation team's composition; a
// village officer on a phone records an activity for the village in under a minute (timed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  apiSession,
  choose,
  ADMIN_PASSWORD,
  ANTQ_BIN,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
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
  assertAccessible,
} from './harness.mjs';

const FRONT = { username: 'mttq.sontinh', password: 'mat-khau-mat-tran-9', role: 'front_officer', unit: '21220', name: 'Nguyễn Thị Lan' };
const VILLAGE = { username: 'cb.truongtho', password: 'mat-khau-thon-tt-4', role: 'village_officer', unit: '21220-001', name: 'Lê Văn Tư' };
// the quick path of a village officer must take well under a minute
const QUICK_BUDGET_MS = 60_000;

let server;
let browser;
let admin;

/** Adds an account with the command line, as an administrator of the server would. */
function addUser(u) {
  const res = spawnSync(
    ANTQ_BIN,
    [
      'user',
      'add',
      u.username,
      '--db',
      `sqlite:${path.join(server.dir, 'antq.db')}`,
      '--role',
      u.role,
      '--unit',
      u.unit,
      '--display-name',
      u.name,
      '--password-stdin',
    ],
    { input: `${u.password}\n`, encoding: 'utf8', timeout: 30_000 },
  );
  assert.equal(res.status, 0, `antq user add ${u.username}: ${res.stdout}\n${res.stderr}`);
}

describe('movement registers', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    addUser(FRONT);
    addUser(VILLAGE);
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('records a campaign launch with two organising forces, and filters and exports it', async () => {
    await withPage(browser, DESKTOP, 'campaign', async (page) => {
      await loginAs(page, server.baseUrl, FRONT);
      // the menu group leads to the register
      await page.getByTestId('menu-registers').hover();
      await page.getByTestId('menu-register-activities').click();
      await page.getByRole('heading', { level: 1, name: 'Hoạt động' }).waitFor();
      // the demo's years of activities, newest first
      await page.getByTestId('register-table').locator('tr.ant-table-row').first().waitFor();
      await shot(page, 'registers-activities');
      await assertAccessible(page, 'the register of activities');

      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByText('Thêm hoạt động').waitFor();
      // the officer's own commune is the default unit
      await drawer
        .locator('.ant-select', { has: page.locator('#unit') })
        .getByText('Xã Sơn Tịnh')
        .waitFor();

      // nothing filled in: the form says what is missing, in Vietnamese
      await page.getByTestId('record-save').click();
      await drawer.getByText('Vui lòng chọn “Loại hoạt động”.').waitFor();
      await drawer.getByText('Vui lòng nhập “Nội dung”.').waitFor();
      await drawer.getByText('Vui lòng chọn “Lực lượng tổ chức”.').waitFor();
      await assertAccessible(page, 'the new activity drawer with its errors');

      const [dayIso, dayShown] = daysAgo(3);
      const title = 'Phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc tại xã Sơn Tịnh';
      await choose(page, drawer.getByTestId('select-type'), 'Phát động phong trào');
      await typeDate(drawer.locator('#date'), dayShown);
      await drawer.locator('#title').fill(title);
      await choose(page, drawer.getByTestId('select-organizers'), 'Công an', 'Mặt trận Tổ quốc');
      await choose(page, drawer.getByTestId('select-topics'), 'Ma túy');
      await drawer.locator('#participants').fill('16000');
      await drawer.locator('#notes').click(); // the count shows 16.000 once it loses the focus
      assert.equal(await drawer.locator('#participants').inputValue(), '16.000');
      await shot(page, 'registers-activity-form');
      await assertAccessible(page, 'the filled activity drawer');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu hoạt động.').waitFor();
      await drawer.waitFor({ state: 'hidden' });

      const row = page.getByTestId('register-table').locator('tr', { hasText: title });
      await row.getByText('Phát động phong trào', { exact: true }).waitFor();
      await row.getByText('16.000').waitFor();
      await row.getByText(dayShown).waitFor();
      await row.getByText('Mặt trận Tổ quốc').waitFor();

      const list = await admin.call('GET', `/api/v1/activities?unit=21220&type=campaign_launch&q=${encodeURIComponent('Sơn Tịnh')}`);
      const saved = list.body.items.find((a) => a.title === title);
      assert.ok(saved, JSON.stringify(list.body));
      assert.equal(saved.type, 'campaign_launch');
      assert.equal(saved.date, dayIso);
      assert.deepEqual([...saved.organizers].sort(), ['front', 'police']);
      assert.deepEqual(saved.topics, ['drugs']);
      assert.equal(saved.participants, 16000);
      assert.equal(saved.unit.code, '21220');
      assert.equal(saved.created_by, FRONT.username);

      // the type filter narrows the list and the address keeps it; the export carries the same filter
      await choose(page, page.getByTestId('filter-type').locator('.ant-select'), 'Phát động phong trào');
      await page.waitForURL(/[?&]type=campaign_launch/);
      // the demo's campaign launches of the commune (one a year since 2021) and the new one
      const launches = (await admin.call('GET', '/api/v1/activities?unit=21220&type=campaign_launch&per_page=1')).body.total;
      assert.ok(launches >= 2, `launches: ${launches}`);
      await page
        .getByTestId('register-total')
        .filter({ hasText: new RegExp(`^${launches.toLocaleString('vi-VN')} bản ghi$`) })
        .waitFor();
      const csvHref = await page.getByTestId('export-csv').getAttribute('href');
      assert.match(csvHref, /^\/api\/v1\/activities\/export\?/);
      const csvQuery = new URL(csvHref, server.baseUrl).searchParams;
      assert.equal(csvQuery.get('type'), 'campaign_launch');
      assert.equal(csvQuery.get('format'), 'csv');
      assert.equal(csvQuery.get('page'), null);
      const xlsxHref = await page.getByTestId('export-xlsx').getAttribute('href');
      assert.match(xlsxHref, /format=xlsx/);
      const download = page.waitForEvent('download');
      await page.getByTestId('export-csv').click();
      const file = await download;
      // named in Vietnamese with the unit and the day
      assert.equal(file.suggestedFilename(), `so-hoat-dong_xa-son-tinh_${daysAgo(0)[0]}.csv`);
      const csv = await admin.call('GET', csvHref);
      assert.equal(csv.status, 200);
      assert.ok(csv.body.includes(title), 'the export has the new activity');
      assert.ok(csv.body.includes(dayShown), 'dates as dd/mm/yyyy');
      assert.ok(!csv.body.includes('Tuyên truyền phòng chống lừa đảo'), 'the export follows the filter');

      // the record opens again in the drawer, straight from the address too
      await row.getByTestId('record-link').click();
      await drawer.locator('#title').waitFor();
      assert.equal(await drawer.locator('#title').inputValue(), title);
      assert.match(page.url(), /[?&]record=\d+/);
      await page.reload();
      await page.getByTestId('record-drawer').locator('#title').waitFor();
      assertNoProblems(page);
    });
  });

  it('creates a model and replicates it to three villages, then ends one', async () => {
    await withPage(browser, DESKTOP, 'model', async (page) => {
      await loginAs(page, server.baseUrl, FRONT);
      await page.goto(`${server.baseUrl}/so/mo-hinh`);
      await page.getByRole('heading', { level: 1, name: 'Mô hình, chuyên đề' }).waitFor();
      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      const name = 'Camera an ninh ở các ngã ba kết nối Công an xã';
      const [startIso, startShown] = daysAgo(40);
      await drawer.locator('#name').fill(name);
      await drawer.getByTestId('choice-kind').getByText('Mô hình', { exact: true }).click();
      await choose(page, drawer.getByTestId('select-field'), 'Camera an ninh');
      await typeDate(drawer.locator('#started_on'), startShown);
      await drawer.locator('#description').fill('Lắp camera tại các ngã ba, kết nối về trụ sở Công an xã.');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu mô hình.').waitFor();

      // the drawer goes on with the new model: replications below the form
      const reps = drawer.getByTestId('replications');
      await reps.getByText('Chưa nhân rộng ở đơn vị nào.').waitFor();
      const villages = ['Thôn Trường Thọ', 'Thôn Phú Thọ', 'Thôn Thọ Trung'];
      for (const [i, village] of villages.entries()) {
        await reps.getByTestId('replicate').click();
        const modal = page.getByTestId('replicate-modal');
        await modal.locator('#replicate_started_on').waitFor();
        if (i === 0) {
          // the start must not be before the model's: today is the default
          assert.equal(await modal.locator('#replicate_started_on').inputValue(), daysAgo(0)[1]);
        }
        await pickUnit(
          page,
          modal.locator('.ant-select', { has: page.locator('#replicate_unit') }),
          'Tỉnh Quảng Ngãi',
          'Xã Sơn Tịnh',
          village,
        );
        if (i === 2) await shot(page, 'registers-replicate');
        await page.getByTestId('replicate-save').click();
        await page.getByText(`Đã nhân rộng đến ${village}.`).waitFor();
        await modal.waitFor({ state: 'hidden' });
      }
      await reps.getByText('Nhân rộng ở 3 đơn vị, đang chạy ở 3.').waitFor();
      for (const village of villages) await reps.getByTestId('replication').filter({ hasText: village }).getByText('Đang chạy').waitFor();

      // a second replication to a village where it runs: the server's refusal under the unit
      await reps.getByTestId('replicate').click();
      const modal = page.getByTestId('replicate-modal');
      await pickUnit(
        page,
        modal.locator('.ant-select', { has: page.locator('#replicate_unit') }),
        'Tỉnh Quảng Ngãi',
        'Xã Sơn Tịnh',
        'Thôn Phú Thọ',
      );
      await page.getByTestId('replicate-save').click();
      await modal.locator('.ant-form-item-explain-error', { hasText: 'Mô hình đang chạy ở đơn vị này.' }).waitFor();
      await modal.getByRole('button', { name: 'Hủy' }).click();
      await modal.waitFor({ state: 'hidden' });

      // "Kết thúc" in Thôn Thọ Trung
      await reps.getByTestId('replication').filter({ hasText: 'Thôn Thọ Trung' }).getByTestId('replication-end').click();
      await page.getByTestId('replication-end-save').click();
      await reps
        .getByTestId('replication')
        .filter({ hasText: 'Thôn Thọ Trung' })
        .getByText(`Kết thúc ${daysAgo(0)[1]}`)
        .waitFor();
      await reps.getByText('Nhân rộng ở 3 đơn vị, đang chạy ở 2.').waitFor();
      await reps.scrollIntoViewIfNeeded();
      await shot(page, 'registers-model');

      const models = await admin.call('GET', `/api/v1/models?q=${encodeURIComponent('ngã ba kết nối')}`);
      const model = models.body.items.find((m) => m.name === name);
      assert.ok(model, JSON.stringify(models.body));
      assert.equal(model.kind, 'model');
      assert.equal(model.field, 'camera');
      assert.equal(model.started_on, startIso);
      const r = await admin.call('GET', `/api/v1/models/${model.id}/replications`);
      assert.deepEqual(r.body.items.map((x) => x.unit.code).sort(), ['21220-001', '21220-002', '21220-003']);
      assert.deepEqual(
        r.body.items.filter((x) => x.ended_on).map((x) => x.unit.code),
        ['21220-003'],
      );
      assertNoProblems(page, [/status of 409/]);
    });
  });

  it('records a pending mediation, then takes it to a successful outcome; prints the book', async () => {
    await withPage(browser, DESKTOP, 'mediation', async (page) => {
      await loginAs(page, server.baseUrl, FRONT);
      await page.goto(`${server.baseUrl}/so/hoa-giai`);
      await page.getByRole('heading', { level: 1, name: 'Hòa giải' }).waitFor();
      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      const [receivedIso, receivedShown] = daysAgo(10);
      // worded apart from the demo's mediations, which tell similar stories
      const content = 'Tranh chấp ranh giới đất vườn giữa hai hộ liền kề ở xóm Gò Me';
      await typeDate(drawer.locator('#received_on'), receivedShown);
      await choose(page, drawer.getByTestId('select-dispute_type'), 'Đất đai');
      await drawer.getByLabel('Họ tên người thứ 1').fill('Phạm Văn Hùng');
      await drawer.getByLabel('Năm sinh người thứ 1').fill('1968');
      await drawer.getByTestId('party-add').click();
      await drawer.getByLabel('Họ tên người thứ 2').fill('Võ Thị Mai');
      await drawer.getByLabel('Năm sinh người thứ 2').fill('1975');
      await drawer.getByLabel('Địa chỉ người thứ 2').fill('Thôn Trường Thọ');
      await choose(page, drawer.getByTestId('select-outcome'), 'Đang hòa giải');
      await drawer.locator('#mediators').fill('Tổ hòa giải thôn Trường Thọ');
      await drawer.locator('#content').fill(content);

      // the province is not a place of a mediation register: the unit field no longer offers it (it
      // starts at the officer's commune, and only villages and communes can be chosen)
      await drawer.locator('.ant-select', { has: page.locator('#unit') }).click();
      const unitPopup = page.locator('.antq-unit-picker-popup:visible');
      await unitPopup.getByTitle('Thôn Trường Thọ').waitFor();
      assert.equal(await unitPopup.getByTitle('Tỉnh Quảng Ngãi').count(), 0, 'the province is not offered');
      await shot(page, 'registers-mediation-error');
      await page.keyboard.press('Tab');
      await unitPopup.waitFor({ state: 'hidden' });

      await pickUnit(
        page,
        drawer.locator('.ant-select', { has: page.locator('#unit') }),
        'Tỉnh Quảng Ngãi',
        'Xã Sơn Tịnh',
        'Thôn Trường Thọ',
      );
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu vụ việc hòa giải.').waitFor();
      await drawer.waitFor({ state: 'hidden' });
      const row = page.getByTestId('register-table').locator('tr', { hasText: content });
      await row.getByText('Đang hòa giải').waitFor();
      await row.getByText('2 người').waitFor();

      // later: successful, closed today, with the agreement
      await row.getByTestId('record-link').click();
      await drawer.getByLabel('Họ tên người thứ 2').waitFor();
      assert.equal(await drawer.getByLabel('Họ tên người thứ 1').inputValue(), 'Phạm Văn Hùng', 'the mediator sees the parties');
      await choose(page, drawer.getByTestId('select-outcome'), 'Hòa giải thành');
      const [closedIso, closedShown] = daysAgo(0);
      await typeDate(drawer.locator('#closed_on'), closedShown);
      await drawer.locator('#agreement').fill('Hai hộ thống nhất cắm mốc ranh giới theo bản đồ địa chính.');
      await shot(page, 'registers-mediation-edit');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu thay đổi.').waitFor();
      await drawer.locator('.ant-drawer-footer').getByRole('button', { name: 'Đóng', exact: true }).click();
      await row.getByText('Hòa giải thành', { exact: true }).waitFor();
      await row.getByText(closedShown).waitFor();

      const list = await admin.call('GET', '/api/v1/mediations?unit=21220-001&outcome=successful');
      const m = list.body.items.find((x) => x.content === content);
      assert.ok(m, JSON.stringify(list.body));
      assert.equal(m.received_on, receivedIso);
      assert.equal(m.closed_on, closedIso);
      assert.equal(m.parties_count, 2);
      assert.equal(m.parties, undefined, 'the list does not carry the sealed names');
      const detail = await admin.call('GET', `/api/v1/mediations/${m.id}`);
      assert.deepEqual(detail.body.parties, [
        { name: 'Phạm Văn Hùng', birth_year: 1968 },
        { name: 'Võ Thị Mai', birth_year: 1975, address: 'Thôn Trường Thọ' },
      ]);

      // "In sổ hòa giải": the village's book of this year in a new tab
      await page.getByTestId('mediation-book').click();
      const book = page.getByTestId('book-modal');
      await pickUnit(page, book.locator('.ant-select'), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', 'Thôn Trường Thọ');
      const href = await page.getByTestId('book-open').getAttribute('href');
      assert.equal(href, `/api/v1/mediations/book?unit=21220-001&year=${closedIso.slice(0, 4)}`);
      const popup = page.waitForEvent('popup');
      await page.getByTestId('book-open').click();
      const tab = await popup;
      await tab.waitForLoadState();
      await tab.getByText('SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ').waitFor();
      await tab.getByText(content).first().waitFor();
      await tab.close();
      // the refused province was a 400 answer
      assertNoProblems(page, [/status of 400/]);
    });
  });

  it('keeps a mediation team to the law: three mediators including a woman', async () => {
    await withPage(browser, PHONE, 'team', async (page) => {
      await loginAs(page, server.baseUrl, FRONT);
      await page.goto(`${server.baseUrl}/so/to-nhom`);
      await page.getByTestId('record-add').click();
      const drawer = page.getByTestId('record-drawer');
      await choose(page, drawer.getByTestId('select-kind'), 'Tổ hòa giải');
      await drawer.locator('#name').fill('Tổ hòa giải thôn Cổ Lũy');
      await pickUnit(page, drawer.locator('.ant-select', { has: page.locator('#unit') }), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', 'Thôn Cổ Lũy');
      await page.getByTestId('record-save').click();
      await page.getByText('Đã lưu tổ, nhóm.').waitFor();
      const members = drawer.getByTestId('members');
      await members.getByText('Chưa có thành viên nào.').waitFor();
      const people = [
        ['Trương Văn Long', 'male', 'Tổ trưởng'],
        ['Đặng Văn Sơn', 'male', 'Hòa giải viên'],
        ['Huỳnh Thị Thu', 'female', 'Hòa giải viên'],
      ];
      for (const [i, [name, gender, role]] of people.entries()) {
        await members.getByTestId('member-add').click();
        const modal = page.getByTestId('member-modal');
        await modal.locator('#member_name').fill(name);
        await choose(page, modal.getByTestId('member-role'), role);
        await modal.getByText(gender === 'female' ? 'Nữ' : 'Nam', { exact: true }).click();
        await modal.locator('#member_birth_year').fill(String(1970 + i));
        await page.getByTestId('member-save').click();
        await page.getByText(`Đã thêm ${name}.`).waitFor();
        await modal.waitFor({ state: 'hidden' });
        if (i === 0) {
          const check = members.getByTestId('check-min_mediators');
          await check.filter({ hasText: 'hiện có 1' }).waitFor();
          assert.equal(await check.getAttribute('data-ok'), 'false');
          assert.match(await check.getAttribute('class'), /ant-tag-orange/);
        }
      }
      const mediators = members.getByTestId('check-min_mediators');
      await mediators.filter({ hasText: 'hiện có 3' }).waitFor();
      assert.match(await mediators.getAttribute('class'), /ant-tag-green/);
      const women = members.getByTestId('check-min_women');
      await women.filter({ hasText: 'hiện có 1' }).waitFor();
      assert.match(await women.getAttribute('class'), /ant-tag-green/);
      await members.scrollIntoViewIfNeeded();
      await shot(page, 'registers-group-members');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });

  it('lets a village officer on a phone record an activity for the village in under a minute', async () => {
    await withPage(browser, PHONE, 'quick', async (page) => {
      await loginAs(page, server.baseUrl, VILLAGE);
      // the officer's home: the workspace
      await page.goto(`${server.baseUrl}/lam-viec`);
      await page.getByTestId('home-quick-activity').waitFor();
      await shot(page, 'registers-home');
      const title = 'Tuyên truyền phòng chống lừa đảo qua mạng tại nhà văn hóa thôn';

      // --- the officer's part, timed: from the home page to the saved activity ---
      const started = performance.now();
      await page.getByTestId('home-quick-activity').click();
      const form = page.getByTestId('quick-form');
      await form.waitFor();
      // the village is already chosen, the date is today
      await form
        .locator('.ant-select', { has: page.locator('#unit') })
        .getByText('Thôn Trường Thọ')
        .waitFor();
      assert.equal(await form.locator('#date').inputValue(), daysAgo(0)[1]);
      await form.locator('#type').selectOption({ label: 'Tuyên truyền' });
      await form.getByTestId('quick-title').fill(title);
      const chips = form.getByTestId('quick-organizers');
      await chips.getByRole('button', { name: 'Công an' }).click();
      await chips.getByRole('button', { name: 'Đoàn Thanh niên' }).click();
      await form.locator('#participants').fill('45');
      await page.getByTestId('quick-save').click();
      await page.getByTestId('quick-activity-done').waitFor();
      const elapsed = performance.now() - started;
      // ---
      console.log(`# village officer on a phone recorded an activity in ${(elapsed / 1000).toFixed(1)} s`);
      assert.ok(elapsed < QUICK_BUDGET_MS, `the quick path took ${elapsed} ms`);
      await page
        .getByTestId('quick-saved-title')
        .filter({ hasText: `${title} · Thôn Trường Thọ · 45 người tham gia` })
        .waitFor();
      await shot(page, 'registers-quick-done');
      await assertNoHorizontalScroll(page);

      const list = await admin.call('GET', '/api/v1/activities?unit=21220-001&type=propaganda');
      const a = list.body.items.find((x) => x.title === title);
      assert.ok(a, JSON.stringify(list.body));
      assert.equal(a.unit.code, '21220-001');
      assert.equal(a.date, daysAgo(0)[0]);
      assert.deepEqual([...a.organizers].sort(), ['police', 'youth_union']);
      assert.equal(a.participants, 45);
      assert.equal(a.created_by, VILLAGE.username);

      // "Xem trong sổ": the register on a phone, cards instead of a table, the new one open
      await page.getByRole('button', { name: 'Xem trong sổ' }).click();
      await page.getByTestId('record-drawer').locator('#title').waitFor();
      await page.getByTestId('record-drawer').locator('.ant-drawer-footer').getByRole('button', { name: 'Đóng', exact: true }).click();
      await page.getByTestId('record-card').filter({ hasText: title }).waitFor();
      await shot(page, 'registers-activities');
      await assertNoHorizontalScroll(page);

      // the quick form's screenshot, empty, and the form's own check
      await page.goto(`${server.baseUrl}/so/ghi-hoat-dong`);
      await page.getByTestId('quick-save').click();
      await page.getByText('Chọn ít nhất một lực lượng tổ chức.').waitFor();
      // the first field that lacks something (the type: the village is already chosen) has the
      // focus, and its message is read with it
      await page.getByText('Vui lòng chọn “Loại hoạt động”.').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'type');
      assert.equal(await page.locator('#type').getAttribute('aria-describedby'), 'type-error');
      // the participants are grouped once typed; a future day is refused before sending
      await page.locator('#participants').fill('1200');
      await page.locator('#participants').blur();
      assert.equal(await page.locator('#participants').inputValue(), '1.200');
      await page.locator('#date').fill(daysAgo(-1)[1]);
      await page.getByTestId('quick-save').click();
      await page.getByText('Ngày không thể sau hôm nay.').waitFor();
      await assertAccessible(page, 'the quick activity form with its messages');
      // a day typed with dashes (a phone's number pad may have no slash) reads back as dd/mm/yyyy;
      // the phone's calendar, behind its button, writes the day it gives in the same way
      await page.locator('#date').fill(daysAgo(3)[1].replaceAll('/', '-'));
      await page.locator('#title').focus();
      assert.equal(await page.locator('#date').inputValue(), daysAgo(3)[1]);
      await page.getByRole('button', { name: 'Chọn ngày trên lịch' }).waitFor();
      await page.locator('.antq-nf__day-picker').fill(daysAgo(1)[0], { force: true });
      assert.equal(await page.locator('#date').inputValue(), daysAgo(1)[1]);
      await shot(page, 'registers-quick');
      await assertNoHorizontalScroll(page);

      // a village officer reads the mediations of the village and may not write programmes
      await page.goto(`${server.baseUrl}/so/chuong-trinh`);
      await page.getByTestId('register-table').waitFor();
      assert.equal(await page.getByTestId('record-add').count(), 0, 'no "Thêm" without programs.write');
      await page.goto(`${server.baseUrl}/so/hoa-giai`);
      await page.getByTestId('record-card').filter({ hasText: 'hai hộ liền kề ở xóm Gò Me' }).getByText('2 người').waitFor();
      await shot(page, 'registers-mediations');
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
  });
});
