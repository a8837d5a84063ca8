// Browser test of news, warnings and e-mail subscriptions (issue 15, decision 0015): a resident on a
// 390×844 phone picks their commune (remembered on the device), reads an urgent warning and
// subscribes; the confirmation e-mail reaches a real SMTP server on loopback (mail-sink.mjs) with
// `token=`, and its link confirms the subscription; the next warning arrives and its one-click
// link unsubscribes. An officer of Xã Sơn Tịnh composes a warning, targets a village too, sees how
// many will receive it, ticks a Zalo group of the village (recorded for posting by hand: it has no
// id on the platform), previews it in the phone frame, publishes it and sees the delivery figures.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  assertNoHorizontalScroll,
  assertNoProblems,
  createAccount,
  launchBrowser,
  loginAs,
  pickUnit,
  scriptBytes,
  shot,
  startServer,
  withPage,
  assertAccessible,
} from './harness.mjs';
import { startMailSink } from './mail-sink.mjs';

// where the e-mails' links point (the server's own address is known only once it listens)
const PUBLIC_URL = 'https://antq.example.vn';
// the public pages' budget: JavaScript over the wire with gzip, no Ant Design
const PUBLIC_JS_BUDGET = 64 * 1024;
const POLICE = {
  username: 'ca.tintuc.sontinh',
  password: 'mat-khau-tin-tuc-9',
  role: 'police_officer',
  unit: '21220',
  display_name: 'Trần Văn Bình',
};
// an officer of another commune (Phường Sơn Tây), whose posts Xã Sơn Tịnh never shows
const POLICE_SON_TAY = { username: 'ca.tintuc.sontay', password: 'mat-khau-tin-tuc-8', role: 'police_officer', unit: '09574' };
const RESIDENT = 'cu.dan.son.tinh@example.vn';
const READER = 'nguoi.doc.tin@example.vn';
const WARNING = {
  kind: 'warning',
  priority: 1,
  title: 'Cảnh báo thủ đoạn giả danh Công an gọi điện yêu cầu chuyển tiền',
  summary: 'Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.',
  // markup in a body never runs: the server drops raw HTML
  body: 'Thời gian gần đây, đối tượng **giả danh Công an** gọi điện:\n\n- yêu cầu chuyển tiền;\n- đề nghị cài ứng dụng lạ.\n\n<script>window.__pwned = 1</script>',
  target_units: ['21220'],
};
const OTHER_COMMUNE = { kind: 'news', title: 'Ra quân tuần tra tại Phường Sơn Tây', body: 'Tin của phường khác.', target_units: ['09574'] };
const NOTICE = {
  kind: 'notice',
  title: 'Lịch tiếp công dân tháng này',
  body: 'Thứ Năm hằng tuần tại trụ sở Công an xã.',
  target_units: ['21220'],
};
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;
const EXPECTED_404 = [/Failed to load resource: the server responded with a status of 404/];

let server;
let browser;
let mail;
let police; // API session of the officer
let admin;
const posts = {}; // ids of the posts the API published

/** Creates and publishes a post through the API; answers the published post. */
async function publish(session, body) {
  const created = await session.call('POST', '/api/v1/news', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const published = await session.call('POST', `/api/v1/news/${created.body.id}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.status, 'published');
  return published.body;
}

/** The messages to `address` (waits until `n` arrived, or `ms` passed). */
async function mailsTo(address, n = 1, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const found = mail.messages().filter((m) => m.rcpt_tos.includes(address));
    if (found.length >= n || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link of a message whose path is `path` (with its `token=`), moved to the test server. */
function linkIn(message, path) {
  const re = new RegExp(`https?://[^\\s<>"]+${path.replace(/[/]/g, '\\/')}\\?token=[^\\s<>"]+`);
  const found = re.exec(message.text)?.[0] ?? re.exec(message.raw)?.[0];
  assert.ok(found, `a ${path}?token= link in the e-mail:\n${message.text}`);
  const url = new URL(found);
  assert.equal(url.origin, PUBLIC_URL, 'links use public_url');
  return `${server.baseUrl}${url.pathname}${url.search}`;
}

/** Subscribes `address` to Xã Sơn Tịnh through the API and confirms it with the e-mail's token. */
async function subscribeAndConfirm(address, kinds) {
  const res = await fetch(`${server.baseUrl}/api/v1/public/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ unit: '21220', email: address, kinds }),
  });
  assert.equal(res.status, 202);
  const [confirmation] = await mailsTo(address, 1);
  assert.ok(confirmation, `a confirmation e-mail to ${address}`);
  const token = new URL(linkIn(confirmation, '/dang-ky-tin/xac-nhan')).searchParams.get('token');
  const confirmed = await fetch(`${server.baseUrl}/api/v1/public/subscriptions/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  assert.equal(confirmed.status, 200);
}

describe('news, warnings and subscriptions', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    mail = await startMailSink();
    server = await startServer({
      // quiet hours off: the test runs at any hour, and a news post sent at night would wait for morning
      env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500', ANTQ_PUBLIC_URL: PUBLIC_URL, ANTQ_NEWS_QUIET_HOURS: 'off', ...mail.env },
    });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    for (const account of [POLICE, POLICE_SON_TAY]) {
      const created = await createAccount(admin, account);
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    police = await apiSession(server.baseUrl, POLICE.username, POLICE.password);
    const sonTay = await apiSession(server.baseUrl, POLICE_SON_TAY.username, POLICE_SON_TAY.password);
    assert.ok(police.user.permissions.includes('news.write'), 'a commune police officer writes news');
    // what residents of Xã Sơn Tịnh should and should not see
    posts.notice = (await publish(police, NOTICE)).id;
    posts.warning = (await publish(police, WARNING)).id;
    posts.other = (await publish(sonTay, OTHER_COMMUNE)).id;
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    await mail?.stop();
    // subscribers' addresses never reach the server's log
    if (stopped) for (const a of [RESIDENT, READER]) assert.ok(!stopped.log.includes(a), `${a} is not in the server log`);
  });

  it('lets a resident on a phone pick their commune, read a warning and subscribe by e-mail', async () => {
    await withPage(browser, PHONE, 'news-resident', async (page) => {
      // from the home page
      await page.goto(`${server.baseUrl}/`);
      const link = page.getByTestId('home-news');
      assert.equal(await link.getAttribute('href'), '/tin-tuc');
      await link.click();
      await page.waitForURL(/\/tin-tuc$/);
      await page.getByRole('heading', { level: 1, name: 'Tin tức, cảnh báo' }).waitFor();

      // the commune, found without diacritics
      await page.locator('#news-unit').fill('son tinh');
      await page
        .getByTestId('news-unit-hits')
        .getByRole('button', { name: /^Xã Sơn Tịnh/ })
        .first()
        .click();
      await page.getByTestId('news-unit').getByText('Xã Sơn Tịnh').waitFor();
      // the address names the commune (a link to share), without a new page
      await page.waitForFunction(() => window.location.search === '?unit=21220');
      const items = page.getByTestId('news-item');
      await items.first().waitFor();
      // the warning first, marked urgent; the other commune's post is not here
      const first = items.first();
      assert.match(await first.textContent(), /Cảnh báo thủ đoạn giả danh Công an/);
      await first.getByTestId('news-urgency').filter({ hasText: 'Khẩn' }).waitFor();
      assert.match(await first.getAttribute('class'), /p-news-item--urgent/);
      await page.getByTestId('news-list').getByText(NOTICE.title).waitFor();
      assert.equal(await page.getByTestId('news-list').getByText(OTHER_COMMUNE.title).count(), 0, 'not the posts of Phường Sơn Tây');
      assert.match(await first.textContent(), DATE_TIME);
      assert.equal(await page.getByTestId('news-feed').getAttribute('href'), '/api/v1/public/units/21220/feed.xml');
      // the menu at the top shows where the resident is, on a phone too
      const newsTab = page.getByTestId('public-nav').getByRole('link', { name: 'Tin tức', exact: true });
      assert.equal(await newsTab.getAttribute('aria-current'), 'page');
      await assertNoHorizontalScroll(page);
      await shot(page, 'news-list');
      await assertAccessible(page, 'the news of a commune (phone)');

      // the small public bundle: no Ant Design
      const scripts = await scriptBytes(page);
      const total = scripts.reduce((n, s) => n + s.bytes, 0);
      console.log(`# /tin-tuc JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KiB gzip`);
      assert.ok(!scripts.some((s) => /\/(antd|staff|libs|echarts)[-~]/.test(s.url)), scripts.map((s) => s.url).join('\n'));
      assert.ok(total > 0 && total < PUBLIC_JS_BUDGET, `public JS ${total} bytes`);

      // the warning: its body as the server rendered it, no script run
      await first.click();
      await page.waitForURL(new RegExp(`/tin-tuc/${posts.warning}$`));
      const post = page.getByTestId('news-post');
      await post.getByRole('heading', { level: 1, name: WARNING.title }).waitFor();
      await post.getByTestId('news-kind').filter({ hasText: 'Cảnh báo' }).waitFor();
      assert.match(await post.textContent(), DATE_TIME);
      const body = post.getByTestId('news-body');
      await body.locator('strong', { hasText: 'giả danh Công an' }).waitFor();
      assert.equal(await body.locator('li').count(), 2);
      assert.equal(await body.locator('script').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(
        await page.getByTestId('public-nav').getByRole('link', { name: 'Tin tức', exact: true }).getAttribute('aria-current'),
        'page',
      );
      await shot(page, 'news-post');
      await assertAccessible(page, 'a news post (phone)');

      // back to the list: the commune is remembered on the device
      await page.goto(`${server.baseUrl}/tin-tuc`);
      await page.getByTestId('news-unit').getByText('Xã Sơn Tịnh').waitFor();
      await page.getByTestId('news-item').first().waitFor();

      // subscribe to the warnings
      const requests = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/v1/public/subscriptions'))
          requests.push({ path: new URL(r.url()).pathname, body: r.postData() });
      });
      const box = page.getByTestId('news-subscribe');
      await box.getByLabel('Email của bạn').fill('khong-phai-email');
      await box.getByTestId('news-subscribe-button').click();
      await box.getByText('Địa chỉ email không hợp lệ.').waitFor();
      assert.equal(requests.length, 0, 'a wrong address never leaves the page');
      await box.getByLabel('Email của bạn').fill(RESIDENT);
      assert.equal(await box.getByRole('radio', { name: /Chỉ cảnh báo/ }).isChecked(), true, 'warnings only by default');
      await box.getByTestId('news-subscribe-button').click();
      await box
        .getByTestId('news-subscribe-sent')
        .getByText(/Chúng tôi đã gửi thư xác nhận tới/)
        .waitFor();
      assert.deepEqual(JSON.parse(requests[0].body), { unit: '21220', email: RESIDENT, kinds: ['warning'] });
      await box.scrollIntoViewIfNeeded();
      await shot(page, 'news-subscribed');
      await assertAccessible(page, 'the news, subscribed (phone)');
      await assertNoHorizontalScroll(page);

      // one confirmation e-mail, with its link
      const [confirmation, ...more] = await mailsTo(RESIDENT, 1);
      assert.ok(confirmation, 'the confirmation e-mail arrived');
      assert.equal(more.length, 0);
      assert.match(confirmation.text, /token=/);
      const confirmLink = linkIn(confirmation, '/dang-ky-tin/xac-nhan');

      // opening the link confirms (the page's script posts the token)
      await page.goto(confirmLink);
      await page.getByRole('heading', { level: 1, name: 'Đã xác nhận đăng ký nhận tin' }).waitFor();
      await page.getByText(/Bạn sẽ nhận cảnh báo của .*Sơn Tịnh/).waitFor();
      const confirms = requests.filter((r) => r.path === '/api/v1/public/subscriptions/confirm');
      assert.equal(confirms.length, 1);
      assert.deepEqual(JSON.parse(confirms[0].body), { token: new URL(confirmLink).searchParams.get('token') });
      await shot(page, 'news-confirmed');
      await assertAccessible(page, '/dang-ky-tin/xac-nhan (phone)');
      assertNoProblems(page);
    });
  });

  it('sends the next warning to the confirmed address, with a one-click unsubscribe that works', async () => {
    const before = (await mailsTo(RESIDENT, 1)).length;
    const next = await publish(police, { ...WARNING, title: 'Cảnh báo trộm cắp xe máy ban đêm', body: 'Khóa xe cẩn thận.' });
    const mails = await mailsTo(RESIDENT, before + 1);
    const warning = mails.at(-1);
    assert.ok(warning && mails.length === before + 1, 'the warning arrived');
    assert.match(warning.subject, /Cảnh báo trộm cắp xe máy ban đêm/);
    assert.match(warning.header('List-Unsubscribe'), /token=/);
    assert.equal(warning.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    const stopLink = linkIn(warning, '/dang-ky-tin/huy');

    await withPage(browser, PHONE, 'news-unsubscribe', async (page) => {
      const posted = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/v1/public/subscriptions/unsubscribe') posted.push(new URL(r.url()).search);
      });
      await page.goto(stopLink);
      await page.getByRole('heading', { level: 1, name: 'Hủy nhận tin qua email' }).waitFor();
      await assertAccessible(page, '/dang-ky-tin/huy (phone)');
      assert.equal(posted.length, 0, 'opening the link changes nothing (mail scanners open links)');
      await page.getByTestId('subscription-cancel-button').click();
      await page.getByRole('heading', { level: 1, name: 'Đã hủy nhận tin' }).waitFor();
      assert.equal(posted.length, 1);
      await shot(page, 'news-unsubscribed');
      await assertAccessible(page, '/dang-ky-tin/huy, done (phone)');
      assertNoProblems(page);
    });
    await publish(police, { ...WARNING, title: 'Cảnh báo sau khi hủy', body: 'Không gửi tới người đã hủy.' });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal((await mailsTo(RESIDENT, 0, 0)).length, before + 1, 'nothing after unsubscribing');
    posts.next = next.id;
  });

  it('says a withdrawn post is gone', async () => {
    const withdrawn = await police.call('POST', `/api/v1/news/${posts.next}/withdraw`);
    assert.equal(withdrawn.status, 200);
    await withPage(browser, PHONE, 'news-gone', async (page) => {
      await page.goto(`${server.baseUrl}/tin-tuc/${posts.next}`);
      await page.getByRole('heading', { level: 1, name: 'Tin không còn hoặc đã bị gỡ' }).waitFor();
      await page.getByTestId('news-post-gone').getByRole('link', { name: 'Xem tin tức, cảnh báo' }).waitFor();
      await shot(page, 'news-gone');
      await assertAccessible(page, 'a withdrawn news post (phone)');
      assertNoProblems(page, EXPECTED_404);
    });
  });

  it('lets an officer compose, target, preview and publish a warning, then see its delivery', async () => {
    await subscribeAndConfirm(READER, ['news', 'warning', 'notice']);
    const before = (await mailsTo(READER, 1)).length;
    const title = 'Cảnh báo lừa đảo tuyển dụng việc nhẹ lương cao';
    const group = { kind: 'channel', started_on: '2026-01-05', platform: 'zalo', members_count: 1234 };
    for (const [unit, name, platform] of [
      ['21220-001', 'Zalo thôn Trường Thọ an toàn', 'zalo'],
      ['21220', 'Facebook Công an xã Sơn Tịnh', 'facebook'],
    ]) {
      const created = await admin.call('POST', '/api/v1/groups', { ...group, unit, name, platform });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }

    await withPage(browser, DESKTOP, 'news-officer', async (page) => {
      await loginAs(page, server.baseUrl, POLICE);
      // the menu entry (in the "⋯" overflow when the header is narrow)
      const entry = page.getByTestId('main-menu').getByRole('link', { name: 'Tin tức, cảnh báo' });
      if (await entry.isVisible()) await entry.click();
      else await page.goto(`${server.baseUrl}/tin-tuc-canh-bao`);
      await page.getByTestId('news-admin').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Tin tức, cảnh báo' }).waitFor();
      await page.getByTestId('news-table').getByText(WARNING.title).waitFor();
      await assertAccessible(page, 'the news list of the staff');

      // compose
      await page.getByTestId('news-compose').click();
      await page.waitForURL(/\/tin-tuc-canh-bao\/soan-tin$/);
      const form = page.getByTestId('news-form');
      await form.waitFor();
      await assertAccessible(page, 'the news compose form');
      await form.getByTestId('news-kind').getByText('Cảnh báo', { exact: true }).click();
      await form.getByTestId('news-priority').locator('label', { hasText: 'Khẩn —' }).click();
      await form.locator('#news-title').fill(title);
      await form.locator('#news-summary').fill('Không nộp tiền đặt cọc để nhận việc.');
      await form
        .getByTestId('news-markdown-help')
        .getByText(/\*\*đậm\*\*/)
        .waitFor();
      await form
        .locator('#news-body')
        .fill('Đối tượng đăng tin **tuyển dụng** trên mạng xã hội.\n\n- yêu cầu nộp tiền cọc;\n- rồi chặn liên lạc.');

      // targets: the officer's own commune already, and one of its villages
      const picker = form.locator('.ant-select', { has: page.locator('#news-targets') });
      await picker.locator('.ant-select-selection-item', { hasText: 'Xã Sơn Tịnh' }).waitFor();
      await pickUnit(page, picker, 'Xã Sơn Tịnh', 'Thôn Trường Thọ');
      // who will receive it
      const recipients = page.getByTestId('news-recipients');
      await recipients.getByText(/Sẽ gửi tới \d+ người đăng ký và 0 nhóm/).waitFor();
      assert.match(await recipients.textContent(), /Sẽ gửi tới [1-9]\d* người đăng ký/, 'the confirmed subscriber counts');
      // the groups of the areas: the village's Zalo group has no id on the platform, so it is posted by hand
      const groups = form.getByTestId('news-channels');
      const zalo = groups.locator('label', { hasText: 'Zalo thôn Trường Thọ an toàn' });
      await zalo.getByText('1.234 thành viên').waitFor();
      await zalo.getByText('Đăng thủ công').waitFor();
      await groups.locator('label', { hasText: 'Facebook Công an xã Sơn Tịnh' }).waitFor();
      await zalo.click();
      await recipients.getByText(/và 1 nhóm \(1\.234 thành viên\)/).waitFor();

      // save the draft: the phone preview shows the server's rendering
      await form.getByTestId('news-save').click();
      await page.waitForURL(/\/tin-tuc-canh-bao\/[^/]+\/sua$/);
      const preview = page.getByTestId('news-preview');
      await preview.getByTestId('news-preview-title').filter({ hasText: title }).waitFor();
      await preview.getByTestId('news-preview-body').locator('strong', { hasText: 'tuyển dụng' }).waitFor();
      assert.equal(await preview.getByTestId('news-preview-body').locator('li').count(), 2);
      const frame = await preview.locator('.antq-phone').boundingBox();
      assert.ok(frame && Math.abs(frame.width - 390) <= 1, `a 390-pixel phone frame: ${JSON.stringify(frame)}`);
      await shot(page, 'news-compose');
      await assertAccessible(page, 'a news draft with its preview');

      // publish
      await page.getByTestId('news-publish').click();
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Đăng tin' }).click();
      await page.getByTestId('news-detail').waitFor();
      await page.getByTestId('news-title').filter({ hasText: title }).waitFor();
      await page.getByTestId('news-status').filter({ hasText: 'Đã đăng' }).waitFor();
      const chosen = page.getByTestId('news-detail-channels');
      await chosen.getByText('Zalo thôn Trường Thọ an toàn').waitFor();
      assert.equal(await chosen.getByTestId('news-channel').count(), 1, 'only the ticked group');

      // the delivery figures: the subscriber's e-mail goes out
      await mailsTo(READER, before + 1);
      const deliveries = page.getByTestId('news-deliveries');
      for (let i = 0; i < 20; i++) {
        if (
          Number(
            (
              await deliveries
                .getByTestId('delivery-sent')
                .textContent()
                .catch(() => '0')
            ).replace(/\./g, ''),
          ) >= 1
        )
          break;
        await deliveries.getByRole('button', { name: 'Cập nhật' }).click();
        await page.waitForTimeout(500);
      }
      assert.ok(Number((await deliveries.getByTestId('delivery-sent').textContent()).replace(/\./g, '')) >= 1, 'sent ≥ 1');
      await deliveries.getByTestId('delivery-failed').waitFor();
      assert.equal(await deliveries.getByTestId('delivery-recorded').textContent(), '1', 'the group, recorded for posting by hand');
      await deliveries.getByText('Đã ghi nhận (đăng thủ công)').waitFor();
      await shot(page, 'news-detail');
      await assertAccessible(page, 'a published news post with its delivery');
      assertNoProblems(page);
    });

    const mails = await mailsTo(READER, before + 1);
    assert.match(mails.at(-1).subject, /Cảnh báo lừa đảo tuyển dụng/);

    // residents of the village see it too
    await withPage(browser, PHONE, 'news-village', async (page) => {
      const asked = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/v1/public/news') asked.push(r.url());
      });
      await page.goto(`${server.baseUrl}/tin-tuc?unit=21220-001`);
      await page.getByTestId('news-list').getByText(title).waitFor();
      // the server put the village's list in the page: no request for it before the posts show
      assert.deepEqual(asked, []);
      // and named the village from it (the address had only its code)
      await page.getByTestId('news-unit').getByText('Thôn Trường Thọ', { exact: false }).waitFor();
      assertNoProblems(page);
    });
  });
});
