// Browser tests of the units page for an administrator of Xã Sơn Tịnh, against the real server
// (see harness.mjs) with the demo data: add a village and a residential group, rename, print the
// unit's QR poster, then create the village officer of the new village on the users page; merge a
// village into a sibling (its records follow) and retire another; and the poster's Vietnamese
// explanation on a server without a public address. On a desktop (1440 × 900) and a phone.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  choose,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  newPage,
  pickUnit,
  shot,
  startServer,
  withPage,
  loginAs,
  createAccount,
} from './harness.mjs';

const WIDE = { width: 1440, height: 900 };
const PUBLIC_URL = 'https://antq.sontinh.example.vn';
// the commune's administrator: created by the national one with a temporary password, which its
// owner replaces (POST /api/v1/auth/password) before the tests sign in
const COMMUNE_ADMIN = {
  username: 'qt.sontinh',
  password: 'mat-khau-quan-tri-8',
  role: 'admin',
  unit: '21220',
  display_name: 'Đỗ Văn Quân',
};
const FAILED = (status) => new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

let server;
let browser;
let national;
let commune;

/** The children of a unit through the API: full name → code. */
async function childrenOf(code) {
  const r = await commune.call('GET', `/api/v1/units?parent=${code}`);
  assert.equal(r.status, 200);
  return new Map(r.body.items.map((u) => [u.full_name, u.code]));
}

async function openUnit(page, code, name) {
  await page.goto(`${server.baseUrl}/units?unit=${encodeURIComponent(code)}`);
  await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: name }).waitFor();
}

describe('units page: an administrator manages the villages of the commune', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_PUBLIC_URL: PUBLIC_URL, ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    national = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const created = await createAccount(national, COMMUNE_ADMIN);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    commune = await apiSession(server.baseUrl, COMMUNE_ADMIN.username, COMMUNE_ADMIN.password);
  });

  after(async () => {
    await browser?.close();
    browser = null;
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  const cases = [
    { viewport: WIDE, kind: 'desktop', type: 'Thôn', name: 'Thôn Tân Mỹ', renamed: 'Thôn Tân Mỹ Đông', officer: 'cb.tanmy' },
    {
      viewport: PHONE,
      kind: 'phone',
      type: 'Tổ dân phố',
      name: 'Tổ dân phố Bình Minh',
      renamed: 'Tổ dân phố Bình Minh 1',
      officer: 'cb.binhminh',
    },
  ];
  for (const c of cases) {
    it(`adds a ${c.type.toLowerCase()}, renames it, prints its poster and creates its village officer (${c.kind})`, async () => {
      await withPage(browser, c.viewport, `units-add-${c.kind}`, async (page) => {
        await loginAs(page, server.baseUrl, COMMUNE_ADMIN);
        await openUnit(page, '21220', 'Xã Sơn Tịnh');
        // the commune itself is not theirs to rename, merge or retire: only what lies below it
        assert.equal(await page.getByTestId('unit-manage').count(), 0);
        await page.getByTestId('unit-add').click();
        const modal = page.getByTestId('unit-add-modal');
        await modal.getByText('Thêm đơn vị trực thuộc Xã Sơn Tịnh').waitFor();
        // nothing filled in: the form says what is missing, in Vietnamese
        await page.getByTestId('unit-add-save').click();
        await modal.getByText('Vui lòng nhập tên đơn vị.').waitFor();
        if (c.type !== 'Thôn') await choose(page, modal.getByTestId('unit-add-type'), c.type);
        await modal.getByLabel('Tên đơn vị').fill(c.name);
        await shot(page, `units-add-form`);
        await page.getByTestId('unit-add-save').click();
        await page.getByText(`Đã thêm ${c.name}.`).waitFor();
        await modal.waitFor({ state: 'hidden' });
        const row = page.getByTestId('unit-children').getByRole('button', { name: c.name, exact: true });
        await row.waitFor();
        const code = (await childrenOf('21220')).get(c.name);
        assert.match(code ?? '', /^21220-\d{3}$/, 'a code made from the commune’s');
        const created = await national.call('GET', `/api/v1/units/${code}`);
        assert.equal(created.body.subkind, c.type);
        assert.equal(created.body.kind, 'village');

        // its detail: the poster link, and the actions on it
        await row.click();
        await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: c.name }).waitFor();
        const poster = page.getByTestId('unit-poster');
        assert.equal(await poster.getAttribute('href'), `/api/v1/units/${code}/tip-poster`);
        assert.equal(await poster.getAttribute('target'), '_blank');
        const html = await (await fetch(`${server.baseUrl}/api/v1/units/${code}/tip-poster`)).text();
        assert.ok(html.includes(`${PUBLIC_URL}/gui-tin-bao?unit=${code}`), 'the QR code opens the tip form of this village');
        assert.ok(html.includes(c.name));

        await page.getByTestId('unit-rename').click();
        const rename = page.getByTestId('unit-rename-modal');
        await rename.getByLabel('Tên đơn vị').fill('  ');
        await page.getByTestId('unit-rename-save').click();
        await rename.getByText('Vui lòng nhập tên đơn vị.').waitFor();
        await rename.getByLabel('Tên đơn vị').fill(c.renamed);
        await page.getByTestId('unit-rename-save').click();
        await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: c.renamed }).waitFor();
        await shot(page, 'units-manage');
        await assertNoHorizontalScroll(page);
        const audit = await commune.call('GET', `/api/v1/audit?entity_id=${code}`);
        assert.deepEqual(audit.body.items.map((e) => e.action).sort(), ['unit.create', 'unit.update']);

        // the village officer of the new village, on the users page: the unit is required
        await page.goto(`${server.baseUrl}/admin/users`);
        await page.getByTestId('user-add').click();
        const drawer = page.locator('.ant-drawer-content').filter({ hasText: 'Thêm tài khoản' });
        await drawer.getByLabel('Tên đăng nhập').fill(c.officer);
        await drawer.getByLabel('Họ và tên').fill('Lê Thị Thu');
        await drawer.getByLabel('Vai trò').click();
        const roles = (await commune.call('GET', '/api/v1/roles')).body.items;
        const village = roles.find((r) => r.code === 'village_officer');
        await page.locator('.ant-select-item-option', { hasText: village.label }).click();
        await pickUnit(page, drawer.locator('.ant-select', { has: page.locator('#unit') }), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', c.renamed);
        await drawer.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-7');
        await shot(page, 'units-officer');
        await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
        const officerRow = page
          .getByTestId('users-table')
          .locator('tr', { has: page.getByRole('button', { name: c.officer, exact: true }) });
        await officerRow.waitFor();
        await officerRow.getByTestId('user-temporary-password').waitFor();
        const officer = await national.call('GET', `/api/v1/users/${c.officer}`);
        assert.equal(officer.status, 200);
        assert.equal(officer.body.unit.code, code, 'the officer works in the new village');
        assert.equal(officer.body.role, 'village_officer');
        assert.equal(officer.body.must_change_password, true, 'with a temporary password, changed at the first login');
        // (the officer's first login, choosing their own password, is the accounts tests' part)
        assertNoProblems(page);
      });
    });
  }

  it('merges a village into a sibling, its records following, and retires another (desktop and phone)', async () => {
    const made = {};
    for (const name of ['Thôn Gò Sáp Nhập', 'Thôn Bàu Giải Thể']) {
      const r = await commune.call('POST', '/api/v1/units', { parent: '21220', name, kind: 'village', subkind: 'Thôn' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      made[name] = r.body.code;
    }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const activity = await commune.call('POST', '/api/v1/activities', {
      unit: made['Thôn Gò Sáp Nhập'],
      type: 'propaganda',
      date: today,
      title: 'Tuyên truyền phòng chống lừa đảo trước khi sáp nhập',
      organizers: ['police'],
      participants: 45,
    });
    assert.equal(activity.status, 201, JSON.stringify(activity.body));

    await withPage(browser, WIDE, 'units-merge', async (page) => {
      await loginAs(page, server.baseUrl, COMMUNE_ADMIN);
      await openUnit(page, made['Thôn Gò Sáp Nhập'], 'Thôn Gò Sáp Nhập');
      await page.getByTestId('unit-merge').click();
      const modal = page.getByTestId('unit-merge-modal');
      await modal.getByText(/sẽ thôi hoạt động/).waitFor();
      await page.getByTestId('unit-merge-save').click();
      await modal.getByText('Vui lòng chọn đơn vị để sáp nhập vào.').waitFor();
      await choose(page, modal.getByTestId('unit-merge-into'), 'Thôn Trường Thọ');
      await shot(page, 'units-merge');
      await page.getByTestId('unit-merge-save').click();
      await page.getByText('Đã sáp nhập Thôn Gò Sáp Nhập vào Thôn Trường Thọ.').waitFor();
      // the page follows to the unit it went into
      await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: 'Thôn Trường Thọ' }).waitFor();
      await page.waitForURL(/[?&]unit=21220-001(&|$)/);
      assertNoProblems(page);
    });
    const merged = await commune.call('GET', `/api/v1/units/${made['Thôn Gò Sáp Nhập']}`);
    assert.equal(merged.body.active, false);
    assert.equal(merged.body.successor.code, '21220-001');
    const followed = await commune.call('GET', '/api/v1/activities?unit=21220-001&per_page=500');
    assert.ok(
      followed.body.items.some((a) => a.id === activity.body.id),
      'the merged village’s activity counts for Thôn Trường Thọ',
    );

    await withPage(browser, PHONE, 'units-retire', async (page) => {
      await loginAs(page, server.baseUrl, COMMUNE_ADMIN);
      await openUnit(page, made['Thôn Bàu Giải Thể'], 'Thôn Bàu Giải Thể');
      await page.getByTestId('unit-retire').click();
      await page
        .getByTestId('unit-retire-modal')
        .getByText(/vẫn được tính cho Xã Sơn Tịnh/)
        .waitFor();
      await shot(page, 'units-retire');
      await page.getByTestId('unit-retire-save').click();
      await page.getByText('Thôn Bàu Giải Thể đã thôi hoạt động.').waitFor();
      await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: 'Xã Sơn Tịnh' }).waitFor();
      // gone from the commune's children once the list is fetched again
      await page
        .getByTestId('unit-children')
        .getByRole('button', { name: 'Thôn Bàu Giải Thể', exact: true })
        .waitFor({ state: 'detached' });
      await assertNoHorizontalScroll(page);
      assertNoProblems(page);
    });
    const retired = await commune.call('GET', `/api/v1/units/${made['Thôn Bàu Giải Thể']}`);
    assert.equal(retired.body.active, false);
    assert.equal(retired.body.successor, null);
    const audit = await commune.call('GET', '/api/v1/audit?action=unit.retire');
    assert.equal(audit.body.total, 1);
  });

  it('offers nothing to manage outside the area or to other roles', async () => {
    await withPage(browser, WIDE, 'units-scope', async (page) => {
      await loginAs(page, server.baseUrl, COMMUNE_ADMIN);
      await openUnit(page, '09574', 'Phường Sơn Tây');
      await page.getByTestId('unit-children').getByText('Tổ dân phố 1').waitFor();
      assert.equal(await page.getByTestId('unit-add').count(), 0);
      await openUnit(page, '09574-001', 'Tổ dân phố 1');
      assert.equal(await page.getByTestId('unit-manage').count(), 0);
      // the server agrees: outside the area is 404, as if it did not exist
      assert.equal((await commune.call('POST', '/api/v1/units/09574-001/retire', {})).status, 404);
      assertNoProblems(page);
    });
    const front = {
      username: 'mttq.tinhha',
      password: 'mat-khau-mat-tran-6',
      role: 'front_officer',
      unit: '21220',
      display_name: 'Phan Thị Hà',
    };
    const created = await createAccount(national, front);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await withPage(browser, PHONE, 'units-front', async (page) => {
      await loginAs(page, server.baseUrl, front);
      await openUnit(page, '21220-002', 'Thôn Phú Thọ');
      await page.getByTestId('unit-poster').waitFor();
      assert.equal(await page.getByTestId('unit-manage').count(), 0);
      await openUnit(page, '21220', 'Xã Sơn Tịnh');
      assert.equal(await page.getByTestId('unit-add').count(), 0);
      const officer = await apiSession(server.baseUrl, front.username, front.password);
      assert.equal((await officer.call('POST', '/api/v1/units', { parent: '21220', name: 'Thôn X', kind: 'village' })).status, 403);
      assertNoProblems(page);
    });
  });
});

describe('units page: the poster on a server without a public address', () => {
  let bare;
  before(async () => {
    bare = await startServer({ env: { ANTQ_PUBLIC_URL: '' } });
    browser ??= await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    browser = null;
    const res = await bare?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('shows the server’s Vietnamese explanation instead of a link (desktop and phone)', async () => {
    for (const viewport of [WIDE, PHONE]) {
      const page = await newPage(browser, viewport);
      try {
        await page.goto(`${bare.baseUrl}/units?unit=21220-001`);
        await page.getByTestId('unit-detail').getByTestId('unit-name').filter({ hasText: 'Thôn Trường Thọ' }).waitFor();
        const note = page.getByTestId('unit-poster-unavailable');
        await note.getByText(/Chưa in được áp phích: máy chủ chưa cấu hình địa chỉ công khai/).waitFor();
        assert.equal(await page.getByTestId('unit-poster').count(), 0);
        await shot(page, 'units-poster-unavailable');
        await assertNoHorizontalScroll(page);
        assertNoProblems(page, [FAILED(422)]);
      } finally {
        await page.context().close();
      }
    }
  });
});
