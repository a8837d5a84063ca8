// The staff app without signal (issue 17), in Debian's Chromium on a 390×844 phone: after one
// online visit a village officer's app opens with the network off; three records of different
// kinds, each with a real-size phone photo, wait in the outbox as "Chờ gửi" (never "Đã lưu"), survive
// the page being closed, and reach the server exactly once when the network returns — even with
// the answer to the first send lost on the way back. A record the server refuses stays in the
// outbox with the server's Vietnamese message until the officer deletes it. A group's new member
// and a person's session of help, added with the record's page open when the signal goes, wait in
// the outbox too (the session's line never names the person) and reach the server once.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  assertAccessible,
  assertNoHorizontalScroll,
  choose,
  createAccount,
  launchBrowser,
  loginAs,
  shot,
  startServer,
  withPage,
} from './harness.mjs';

const VILLAGE = {
  username: 'cb.ngoaituyen',
  password: 'mat-khau-thon-nt-7',
  role: 'village_officer',
  unit: '21220-001',
  display_name: 'Trần Văn Mạng',
};

const POLICE = { username: 'ca.ngoaituyen', password: 'mat-khau-cong-an-nt-7', role: 'police_officer', unit: '21220' };

// these tests are about the service worker: the harness blocks it elsewhere
const ALLOW_SW = { serviceWorkers: 'allow' };

let server;
let browser;
let admin;

/** A phone photo as a camera makes it: 2000×1500 JPEG of noise (it does not compress: ≈ 3–4 MB). */
async function phonePhoto(page, seed) {
  const b64 = await page.evaluate((s) => {
    const c = document.createElement('canvas');
    c.width = 2000;
    c.height = 1500;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(c.width, c.height);
    let x = s * 2654435761;
    for (let i = 0; i < img.data.length; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      img.data[i] = i % 4 === 3 ? 255 : x & 255;
    }
    ctx.putImageData(img, 0, 0);
    return c.toDataURL('image/jpeg', 0.92).split(',')[1];
  }, seed);
  return Buffer.from(b64, 'base64');
}

/** Waits until the service worker controls the page and has kept the app shell. */
async function controlled(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
  await page.evaluate(() => navigator.serviceWorker.ready);
}

/** Waits until the service worker has kept the session and the catalogue for offline use. */
async function keptForOffline(page) {
  await page.waitForFunction(
    async () => {
      const kept = (await (await caches.open('antq-api')).keys()).map((r) => new URL(r.url).pathname);
      return kept.includes('/api/v1/auth/me') && kept.includes('/api/v1/catalog');
    },
    null,
    { timeout: 30_000, polling: 250 },
  );
}

/**
 * Loses the answer to the first POST matching `pattern` on its way back: the server receives the
 * request and does the work, the phone never hears of it. Returns the count of answers dropped.
 */
async function dropFirstAnswer(context, pattern) {
  const seen = { dropped: 0 };
  await context.route(pattern, async (r) => {
    if (r.request().method() !== 'POST' || seen.dropped > 0) return r.continue();
    seen.dropped += 1;
    await r.fetch(); // the server receives it and creates the record…
    await r.abort('connectionreset'); // …and the phone never hears back
  });
  return seen;
}

/**
 * The village officer logs in (one online visit, kept for offline use), loses the network and
 * records a patrol on the quick form: it waits in the outbox as "Chờ gửi".
 */
async function queuePatrolOffline(page, route) {
  await loginAs(page, server.baseUrl, VILLAGE);
  await page.waitForURL(/\/so\/ghi-hoat-dong$/);
  await controlled(page);
  await keptForOffline(page);
  await page.context().setOffline(true);
  await page.goto(`${server.baseUrl}/so/ghi-hoat-dong?loai=tuan-tra`);
  const patrol = page.getByTestId('quick-patrol');
  await patrol.waitFor();
  await patrol.locator('#route').fill(route);
  await page.getByTestId('quick-save').click();
  await page.getByTestId('quick-patrol-queued').getByText('Chờ gửi', { exact: true }).waitFor();
}

async function outboxCount(page) {
  const badge = page.getByTestId('outbox-badge');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.getAttribute('data-count'));
}

describe('offline staff app', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    for (const account of [VILLAGE, POLICE]) {
      const r = await createAccount(admin, account);
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });

  after(async () => {
    await browser?.close();
    const { code } = await server.stop();
    assert.equal(code, 0, 'the server stops cleanly');
  });

  it('opens offline, keeps three records with photos through a closed page, and sends each exactly once', async () => {
    await withPage(
      browser,
      PHONE,
      'offline-three',
      async (page) => {
        const context = page.context();
        // one online visit: log in (the officer lands on the quick form), open the registers used
        await loginAs(page, server.baseUrl, VILLAGE);
        await page.waitForURL(/\/so\/ghi-hoat-dong$/);
        await controlled(page);
        const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
        assert.equal(manifest, '/manifest.webmanifest');
        // what the forms read while offline is kept the first time it is read online
        await page.goto(`${server.baseUrl}/so/ghi-hoat-dong?loai=tuan-tra`);
        await page.getByTestId('quick-patrol').waitFor();
        await page.goto(`${server.baseUrl}/so/hoa-giai`);
        await page.getByRole('heading', { level: 1, name: 'Hòa giải' }).waitFor();
        await page.getByTestId('record-add').click();
        await page.getByTestId('record-drawer').getByTestId('select-dispute_type').waitFor();
        await keptForOffline(page);
        const photos = [await phonePhoto(page, 1), await phonePhoto(page, 2), await phonePhoto(page, 3)];
        for (const p of photos) assert.ok(p.length > 2_000_000, `a real-size photo: ${p.length} bytes`);

        // --- no signal: the app opens from the phone itself ---
        await context.setOffline(true);
        await page.goto(`${server.baseUrl}/so/ghi-hoat-dong`);
        const quick = page.getByTestId('quick-form');
        await quick.waitFor();
        await page.locator('[data-testid="outbox-badge"][data-offline="true"]').waitFor();

        // 1. an activity with a photo
        const activityTitle = 'Họp dân thôn bàn phòng chống trộm cắp gia súc (ngoại tuyến)';
        await quick.locator('#type').selectOption({ label: 'Tuyên truyền' });
        await quick.getByTestId('quick-title').fill(activityTitle);
        await quick.getByTestId('quick-organizers').getByRole('button', { name: 'Công an' }).click();
        await quick.locator('#participants').fill('32');
        await quick.getByTestId('photo-input').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photos[0] });
        await quick.getByTestId('photo-chosen').waitFor();
        await page.getByTestId('quick-save').click();
        const queued = page.getByTestId('quick-activity-queued');
        await queued.getByText('Chờ gửi', { exact: true }).waitFor();
        assert.equal(await queued.getByText('Đã lưu').count(), 0, 'a queued record never says "Đã lưu"');
        await queued.getByTestId('quick-queued-label').filter({ hasText: activityTitle }).waitFor();
        await shot(page, 'offline-queued');
        await assertAccessible(page, 'quick activity queued');
        await assertNoHorizontalScroll(page);

        // 2. a patrol with a photo
        const route = 'Đường liên thôn Trường Thọ – Thọ Trung (ngoại tuyến)';
        await page.goto(`${server.baseUrl}/so/ghi-hoat-dong?loai=tuan-tra`);
        const patrol = page.getByTestId('quick-patrol');
        await patrol.waitFor();
        await patrol.locator('#route').fill(route);
        await patrol.locator('#participants').fill('5');
        await patrol.getByTestId('photo-input').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photos[1] });
        await patrol.getByTestId('photo-chosen').waitFor();
        await page.getByTestId('quick-save').click();
        await page.getByTestId('quick-patrol-queued').getByText('Chờ gửi', { exact: true }).waitFor();

        // 3. a mediation, in the register's own form, with a photo
        const content = 'Tranh chấp lối đi chung giữa hai hộ ở xóm Đồng (ngoại tuyến)';
        await page.goto(`${server.baseUrl}/so/hoa-giai`);
        await page.getByTestId('record-add').click();
        const drawer = page.getByTestId('record-drawer');
        await choose(page, drawer.getByTestId('select-dispute_type'), 'Đất đai');
        await drawer.getByLabel('Họ tên người thứ 1').fill('Đặng Văn Lối');
        await choose(page, drawer.getByTestId('select-outcome'), 'Đang hòa giải');
        await drawer.locator('#content').fill(content);
        await drawer.getByTestId('photo-input').setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: photos[2] });
        await drawer.getByTestId('photo-chosen').waitFor();
        await drawer.getByRole('button', { name: 'Lưu', exact: true }).click();
        await page.getByText('Chờ gửi: vụ việc hòa giải nằm trong hàng chờ', { exact: false }).waitFor();
        await drawer.waitFor({ state: 'hidden' });
        assert.equal(await outboxCount(page), 3);

        // the outbox lists the three, each "Chờ gửi"
        await page.goto(`${server.baseUrl}/hang-cho-gui`);
        const items = page.getByTestId('outbox-item');
        await items.nth(2).waitFor();
        assert.equal(await items.count(), 3);
        for (let i = 0; i < 3; i += 1) await items.nth(i).getByText('Chờ gửi', { exact: true }).waitFor();
        await shot(page, 'offline-outbox');
        await assertAccessible(page, 'outbox (offline, three waiting)');
        await assertNoHorizontalScroll(page);

        // the page is closed, and opened again later (still offline): the queue is still there
        await page.close();
        const again = await context.newPage();
        await again.goto(`${server.baseUrl}/hang-cho-gui`);
        await again.getByTestId('outbox-item').nth(2).waitFor();
        assert.equal(await again.getByTestId('outbox-item').count(), 3);

        // the answer to the first record's send is lost on its way back (the server did the work)
        const seen = await dropFirstAnswer(context, '**/api/v1/activities');

        // --- signal again: everything goes, once ---
        await context.setOffline(false);
        await again.evaluate(() => window.dispatchEvent(new Event('online')));
        await again.getByText('Không còn gì chờ gửi.').waitFor({ timeout: 60_000 });
        assert.equal(seen.dropped, 1, 'the first answer was dropped');

        const activities = await admin.call('GET', '/api/v1/activities?unit=21220-001&page_size=200');
        assert.equal(activities.body.items.filter((a) => a.title === activityTitle).length, 1, 'the activity exists once');
        const patrols = await admin.call('GET', '/api/v1/patrols?unit=21220-001&page_size=200');
        assert.equal(patrols.body.items.filter((p) => p.route === route).length, 1, 'the patrol exists once');
        const mediations = await admin.call('GET', '/api/v1/mediations?unit=21220-001&page_size=200');
        assert.equal(mediations.body.items.filter((m) => m.content === content).length, 1, 'the mediation exists once');
        for (const [register, record] of [
          ['activities', activities.body.items.find((a) => a.title === activityTitle)],
          ['patrols', patrols.body.items.find((p) => p.route === route)],
          ['mediations', mediations.body.items.find((m) => m.content === content)],
        ]) {
          assert.equal(record.created_by, VILLAGE.username);
          const files = await admin.call('GET', `/api/v1/${register}/${record.id}/attachments`);
          assert.equal(files.body.items.length, 1, `${register}: one photo, not two: ${JSON.stringify(files.body)}`);
          assert.equal(files.body.items[0].media_type, 'image/jpeg');
          assert.ok(files.body.items[0].size > 2_000_000, `${register}: the whole photo arrived`);
        }
        assert.equal(await outboxCount(again), 0);
        await again.close();
      },
      ALLOW_SW,
    );
  });

  it('keeps a group’s new member and a person’s session of help while offline, and sends each once', async () => {
    const group = await admin.call('POST', '/api/v1/groups', {
      kind: 'mediation_team',
      unit: '21220-001',
      name: 'Tổ hòa giải thôn Trường Thọ (ngoại tuyến)',
      started_on: '2025-03-01',
    });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const person = await admin.call('POST', '/api/v1/reintegration/people', {
      unit: '21220-001',
      category: 'post_rehab',
      name: 'Phạm Văn Ngoại',
      start_date: '2026-06-01',
    });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    // a village officer, at the group's page when the signal goes
    const member = 'Võ Thị Hòa Giải';
    await withPage(
      browser,
      PHONE,
      'offline-member',
      async (page) => {
        const context = page.context();
        await loginAs(page, server.baseUrl, VILLAGE);
        await controlled(page); // the app's code is kept on the phone: the outbox page opens offline
        await page.goto(`${server.baseUrl}/so/to-nhom?record=${group.body.id}`);
        const members = page.getByTestId('record-drawer').getByTestId('members');
        await members.getByText('Chưa có thành viên nào.').waitFor();
        await context.setOffline(true);
        await members.getByTestId('member-add').click();
        const modal = page.getByTestId('member-modal');
        await modal.locator('#member_name').fill(member);
        await choose(page, modal.getByTestId('member-role'), 'Hòa giải viên');
        await modal.getByText('Nữ', { exact: true }).click();
        await page.getByTestId('member-save').click();
        await page.getByText(`Chờ gửi: thành viên ${member} nằm trong hàng chờ`, { exact: false }).waitFor();
        await modal.waitFor({ state: 'hidden' });
        assert.equal(await page.getByText(`Đã thêm ${member}.`).count(), 0, 'a queued member is never "Đã thêm"');
        assert.equal(await outboxCount(page), 1);

        const seen = await dropFirstAnswer(context, '**/api/v1/groups/*/members');
        await context.setOffline(false);
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await page.locator('[data-testid="outbox-badge"]').waitFor({ state: 'detached', timeout: 60_000 });
        assert.equal(seen.dropped, 1, 'the first answer was dropped');
        const held = await admin.call('GET', `/api/v1/groups/${group.body.id}/members`);
        assert.equal(
          held.body.items.filter((m) => m.name === member).length,
          1,
          `the member exists once: ${JSON.stringify(held.body.items)}`,
        );
      },
      ALLOW_SW,
    );

    // a commune police officer, at the person's record when the signal goes
    const notes = 'Thăm gia đình, đã có việc làm ổn định (ghi khi mất sóng).';
    await withPage(
      browser,
      PHONE,
      'offline-session',
      async (page) => {
        const context = page.context();
        await loginAs(page, server.baseUrl, POLICE);
        await controlled(page); // the app's code is kept on the phone: the outbox page opens offline
        await page.goto(`${server.baseUrl}/tai-hoa-nhap?record=${person.body.id}`);
        const drawer = page.getByTestId('record-drawer');
        await drawer.getByRole('tab', { name: 'Lượt giúp đỡ' }).click();
        await drawer.getByText('Chưa có lượt giúp đỡ nào.').waitFor();
        await context.setOffline(true);
        await drawer.getByTestId('session-add').click();
        await drawer.getByTestId('session-kind').getByText('Thăm hỏi').click();
        await drawer.getByTestId('session-notes').fill(notes);
        await drawer.getByTestId('session-save').click();
        await page.getByText('Chờ gửi: lượt giúp đỡ ngày', { exact: false }).waitFor();
        assert.equal(await page.getByText('Đã ghi lượt giúp đỡ.').count(), 0);

        // the outbox's line says which session and when, never whom
        await page.locator('.ant-drawer-footer').getByRole('button', { name: 'Đóng' }).click();
        await drawer.waitFor({ state: 'hidden' });
        await page.getByTestId('outbox-badge').click();
        await page.waitForURL(/\/hang-cho-gui$/);
        const item = page.getByTestId('outbox-item');
        await item.waitFor();
        const line = await item.innerText();
        assert.match(line, /Lượt giúp đỡ \(Thăm hỏi\)/, line);
        assert.ok(!line.includes('Phạm Văn Ngoại'), `the outbox names the person: ${line}`);

        const seen = await dropFirstAnswer(context, '**/api/v1/reintegration/people/*/sessions');
        await context.setOffline(false);
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await page.getByText('Không còn gì chờ gửi.').waitFor({ timeout: 60_000 });
        assert.equal(seen.dropped, 1, 'the first answer was dropped');
        const held = await admin.call('GET', `/api/v1/reintegration/people/${person.body.id}/sessions`);
        assert.equal(held.body.items.length, 1, `the session exists once: ${JSON.stringify(held.body.items)}`);
        assert.equal(held.body.items[0].kind, 'visit');
        assert.equal(held.body.items[0].created_by, POLICE.username);
      },
      ALLOW_SW,
    );
  });

  it('keeps a record the server refuses in the outbox, with the server’s message, until the officer deletes it', async () => {
    await withPage(
      browser,
      PHONE,
      'offline-refused',
      async (page) => {
        const context = page.context();
        await loginAs(page, server.baseUrl, VILLAGE);
        await controlled(page);
        await page.goto(`${server.baseUrl}/so/hoa-giai`);
        await page.getByTestId('record-add').click();
        await page.getByTestId('record-drawer').getByTestId('select-dispute_type').waitFor();
        await keptForOffline(page);

        await context.setOffline(true);
        const drawer = page.getByTestId('record-drawer');
        const content = 'Tranh chấp ranh giới đất rẫy (loại việc bị bỏ khỏi danh mục khi đang ngoại tuyến)';
        await choose(page, drawer.getByTestId('select-dispute_type'), 'Đất đai');
        await drawer.getByLabel('Họ tên người thứ 1').fill('Lê Thị Rẫy');
        await choose(page, drawer.getByTestId('select-outcome'), 'Đang hòa giải');
        await drawer.locator('#content').fill(content);
        await drawer.getByRole('button', { name: 'Lưu', exact: true }).click();
        await drawer.waitFor({ state: 'hidden' });

        // meanwhile the national list drops the type the officer chose
        const off = await admin.call('PATCH', '/api/v1/catalog/dispute_types/land', { active: false });
        assert.equal(off.status, 200, JSON.stringify(off.body));
        try {
          await context.setOffline(false);
          await page.goto(`${server.baseUrl}/hang-cho-gui`);
          const item = page.getByTestId('outbox-item');
          await item.and(page.locator('[data-state="refused"]')).waitFor({ timeout: 60_000 });
          await item.getByText('Bị từ chối', { exact: true }).waitFor();
          const error = await item.getByTestId('outbox-item-error').textContent();
          assert.match(error, /không có trong danh mục/, error);
          await shot(page, 'offline-refused');
          await assertAccessible(page, 'outbox with a refused record');
          await assertNoHorizontalScroll(page);
          const mediations = await admin.call('GET', '/api/v1/mediations?unit=21220-001&page_size=200');
          assert.equal(mediations.body.items.filter((m) => m.content === content).length, 0, 'nothing was stored');

          // the officer deletes it
          await item.getByTestId('outbox-delete').click();
          await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Xóa khỏi hàng chờ' }).click();
          await page.getByText('Không còn gì chờ gửi.').waitFor();
        } finally {
          await admin.call('PATCH', '/api/v1/catalog/dispute_types/land', { active: true });
        }
      },
      ALLOW_SW,
    );
  });
  it('shows both versions side by side when the record was saved by someone else meanwhile', async () => {
    const officer = await apiSession(server.baseUrl, VILLAGE.username, VILLAGE.password);
    const created = await officer.call('POST', '/api/v1/activities', {
      unit: '21220-001',
      type: 'propaganda',
      date: '2026-11-20',
      title: 'Tuyên truyền phòng cháy tại nhà văn hóa thôn',
      organizers: ['police'],
      participants: 40,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await withPage(
      browser,
      PHONE,
      'offline-conflict',
      async (page) => {
        await loginAs(page, server.baseUrl, VILLAGE);
        await page.goto(`${server.baseUrl}/so/hoat-dong?record=${created.body.id}`);
        const drawer = page.getByTestId('record-drawer');
        await drawer.locator('#title').waitFor();
        // meanwhile the commune's officer corrects the same record
        const other = await admin.call('PATCH', `/api/v1/activities/${created.body.id}`, {
          title: 'Tuyên truyền phòng cháy, chữa cháy tại nhà văn hóa thôn',
        });
        assert.equal(other.status, 200, JSON.stringify(other.body));
        await drawer.locator('#title').fill('Tuyên truyền phòng cháy và cứu hộ tại nhà văn hóa thôn');
        await drawer.locator('#participants').fill('45');
        await page.getByTestId('record-save').click();
        const dialog = page.getByTestId('edit-conflict');
        await dialog.getByText('Bản ghi vừa được người khác sửa').waitFor();
        await dialog.getByTestId('conflict-mine-title').getByText('Tuyên truyền phòng cháy và cứu hộ tại nhà văn hóa thôn').waitFor();
        await dialog.getByTestId('conflict-theirs-title').getByText('Tuyên truyền phòng cháy, chữa cháy tại nhà văn hóa thôn').waitFor();
        await dialog.getByTestId('conflict-mine-participants').getByText('45').waitFor();
        await dialog.getByTestId('conflict-theirs-participants').getByText('40').waitFor();
        await shot(page, 'offline-conflict');
        await assertAccessible(page, 'edit conflict, both versions');
        await assertNoHorizontalScroll(page);
        // the server still has the other officer's version
        assert.equal((await admin.call('GET', `/api/v1/activities/${created.body.id}`)).body.participants, 40);
        await dialog.getByTestId('conflict-mine').click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText('Đã lưu thay đổi.').waitFor();
        const now = (await admin.call('GET', `/api/v1/activities/${created.body.id}`)).body;
        assert.equal(now.title, 'Tuyên truyền phòng cháy và cứu hộ tại nhà văn hóa thôn');
        assert.equal(now.participants, 45);
      },
      ALLOW_SW,
    );
  });
  it('keeps the queue through a session that ended while offline: after logging in again it is sent', async () => {
    await withPage(
      browser,
      PHONE,
      'offline-session',
      async (page) => {
        const context = page.context();
        const route = 'Đường ven sông thôn Trường Thọ (phiên hết hạn khi ngoại tuyến)';
        await queuePatrolOffline(page, route);
        // the session ends while the phone is offline (its cookie gone, as after the idle time-out)
        await context.clearCookies();
        await context.setOffline(false);
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        // the app asks for the password again; nothing is sent meanwhile, nothing is lost
        await page.getByTestId('login-form').waitFor({ timeout: 40_000 });
        const patrols = () => admin.call('GET', '/api/v1/patrols?unit=21220-001&page_size=200');
        assert.equal((await patrols()).body.items.filter((p) => p.route === route).length, 0);
        await page.getByTestId('login-form').getByLabel('Tên đăng nhập').fill(VILLAGE.username);
        await page.getByTestId('login-form').getByLabel('Mật khẩu').fill(VILLAGE.password);
        await page.getByTestId('login-form').getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByTestId('user-button').waitFor();
        for (let i = 0; i < 60 && (await patrols()).body.items.filter((p) => p.route === route).length === 0; i += 1)
          await page.waitForTimeout(500);
        assert.equal((await patrols()).body.items.filter((p) => p.route === route).length, 1, 'sent once after the new log-in');
      },
      ALLOW_SW,
    );
  });
  it('sends the outbox from the service worker when the network returns with no window of the app open', async () => {
    await withPage(
      browser,
      PHONE,
      'offline-background-sync',
      async (page) => {
        const context = page.context();
        const route = 'Đường bờ đê thôn Trường Thọ (gửi nền, đã đóng ứng dụng)';
        await queuePatrolOffline(page, route);

        // the officer closes the app (a page of another site stays open, for the browser's tools)
        const other = await context.newPage();
        await other.goto('about:blank');
        await page.close();
        const patrols = async () =>
          (await admin.call('GET', '/api/v1/patrols?unit=21220-001&page_size=200')).body.items.filter((p) => p.route === route);
        assert.equal((await patrols()).length, 0, 'nothing was sent while offline');

        // the network returns; the browser fires the outbox's Background Sync (as it does on its own)
        await context.setOffline(false);
        const cdp = await context.newCDPSession(other);
        const registered = new Promise((resolve) => {
          cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
            const ours = registrations.find((r) => r.scopeURL === `${server.baseUrl}/` && !r.isDeleted);
            if (ours) resolve(ours.registrationId);
          });
        });
        await cdp.send('ServiceWorker.enable');
        const registrationId = await registered;
        await cdp.send('ServiceWorker.dispatchSyncEvent', {
          origin: server.baseUrl,
          registrationId,
          tag: 'antq-outbox',
          lastChance: false,
        });
        for (let i = 0; i < 60 && (await patrols()).length === 0; i += 1) await other.waitForTimeout(500);
        assert.equal((await patrols()).length, 1, 'the worker sent the patrol, once');
        // a second sync (the browser's own, or a retry) sends nothing again
        await cdp.send('ServiceWorker.dispatchSyncEvent', {
          origin: server.baseUrl,
          registrationId,
          tag: 'antq-outbox',
          lastChance: false,
        });
        await other.waitForTimeout(1000);
        assert.equal((await patrols()).length, 1, 'still once');

        // the app, opened again, has nothing waiting
        const again = await context.newPage();
        await again.goto(`${server.baseUrl}/hang-cho-gui`);
        await again.getByText('Không còn gì chờ gửi.').waitFor();
      },
      ALLOW_SW,
    );
  });
});
