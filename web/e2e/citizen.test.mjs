// Browser test of the citizen side (issue 18): the home page in the small public bundle with
// "Gửi tin báo" on a phone's first screen; from there a tip sent and tracked; a resolved (then
// closed) tip reads "Đã giải quyết"; the opinion form end to end (the unit found without
// diacritics, the server's refusals in Vietnamese, the opinion in the commune's register); the
// "Nhận thông báo khi có cập nhật" section and the one-click unsubscribe page.
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
  newPage,
  shot,
  startServer,
  daysAgo,
  scriptBytes,
  assertAccessible,
} from './harness.mjs';
import { startMailSink } from './mail-sink.mjs';

const WIDE = { width: 1440, height: 900 };
const HOME_TITLE = 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc';
// the home page's JavaScript over the wire with gzip: the public pages' budget (no Ant Design)
const HOME_JS_BUDGET = 60 * 1024;
// opinions (and tips) one address may send per hour: low, so that the test reaches the limit
const PUBLIC_PER_HOUR = 8;
// where the e-mails' links point (the server's own address is known only once it listens)
const PUBLIC_URL = 'https://antq.example.vn';
const EMAIL = 'nguoi.bao.tin@example.vn';
const ANSWER = 'Cảm ơn bạn. Bạn có nhớ nhóm người đó thường đến lúc mấy giờ không?';
const POLICE = { username: 'ca.sontinh', password: 'mat-khau-cong-an-9', role: 'police_officer', unit: '21220' };
const FRONT = { username: 'mttq.sontinh', password: 'mat-khau-mat-tran-9', role: 'front_officer', unit: '21220' };
const DESCRIPTION = 'Chiều nay có nhóm người lạ tụ tập đánh bạc ăn tiền ở bãi đất trống sau chợ thôn Trường Thọ.';
const OPINION = 'Đề nghị lắp thêm đèn chiếu sáng và tăng cường tuần tra buổi tối ở đoạn đường từ chợ về trường học.';
const EXPECTED_404 = [/Failed to load resource: the server responded with a status of 404/];

let server;
let browser;
let mail; // the SMTP sink the server sends to
let police; // API sessions
let front;
const tip = { code: '', secret: '' };

/** Fails when `locator` is not entirely on the first screen (nothing scrolled). */
async function assertOnFirstScreen(page, locator, what) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const { scrollY, innerHeight } = await page.evaluate(() => ({ scrollY: window.scrollY, innerHeight: window.innerHeight }));
  assert.equal(scrollY, 0, 'the page is not scrolled');
  assert.ok(
    box && box.y >= 0 && box.y + box.height <= innerHeight,
    `${what} is on the first screen: ${JSON.stringify(box)} in ${innerHeight}`,
  );
}

/** Controls smaller than a finger (inline text links aside). */
async function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, a.p-btn, a.p-action, a.p-tab, a.p-home__staff-link, a.p-footer__staff')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.type !== 'file')
      .map((el) => ({
        el: `${el.tagName.toLowerCase()} ${(el.textContent || el.id || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
        h: el.getBoundingClientRect().height,
      }))
      .filter((x) => x.h < 36),
  );
}

describe('citizen pages', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // a real mail server on loopback receives the update e-mails
    mail = await startMailSink();
    // the proof of work stays ON (the default): the browser solves it for real
    server = await startServer({
      env: {
        ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500',
        ANTQ_PUBLIC_TIPS_PER_HOUR: String(PUBLIC_PER_HOUR),
        ANTQ_PUBLIC_OPINIONS_PER_HOUR: String(PUBLIC_PER_HOUR),
        ANTQ_PUBLIC_URL: PUBLIC_URL,
        ...mail.env,
      },
    });
    browser = await launchBrowser();
    const admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    for (const u of [POLICE, FRONT]) {
      const created = await createAccount(admin, u);
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    police = await apiSession(server.baseUrl, POLICE.username, POLICE.password);
    front = await apiSession(server.baseUrl, FRONT.username, FRONT.password);
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    await mail?.stop();
    // the reporter's address never reached the server's log
    if (stopped) assert.ok(!stopped.log.includes(EMAIL), 'the e-mail address is not in the server log');
  });

  it('opens the home page on a phone with the small public bundle and "Gửi tin báo" on the first screen', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.waitForLoadState('networkidle');

    // JavaScript: React and the public app only, within the public pages' budget
    const scripts = await scriptBytes(page);
    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    console.log(`# home page JavaScript: ${scripts.length} files, ${total} bytes = ${(total / 1024).toFixed(1)} KiB gzip`);
    assert.ok(!scripts.some((s) => /\/(antd|staff|libs|echarts)[-~]/.test(s.url)), scripts.map((s) => s.url).join('\n'));
    assert.ok(total > 0 && total < HOME_JS_BUDGET, `home page JS ${total} bytes (budget ${HOME_JS_BUDGET})`);
    assert.equal(await page.locator('.ant-layout, [class^="ant-"]').count(), 0, 'no Ant Design on the page');

    // the first screen: the three ways in, "Gửi tin báo" first and primary, and the staff's way in
    const actions = page.getByTestId('home-actions');
    const submit = actions.getByRole('link', { name: /^Gửi tin báo/ });
    await assertOnFirstScreen(page, submit, '"Gửi tin báo"');
    assert.match(await submit.getAttribute('class'), /p-action--primary/);
    assert.equal(await submit.getAttribute('href'), '/gui-tin-bao');
    await assertOnFirstScreen(page, actions.getByRole('link', { name: /^Tra cứu tin báo/ }), '"Tra cứu tin báo"');
    await assertOnFirstScreen(page, actions.getByRole('link', { name: /^Góp ý kiến/ }), '"Góp ý kiến"');
    const staff = page.getByTestId('staff-login');
    await assertOnFirstScreen(page, staff, '"Cán bộ đăng nhập"');
    assert.equal((await staff.textContent()).trim(), 'Cán bộ đăng nhập');
    assert.equal(await staff.getAttribute('href'), '/login');
    // … and in the menu at the top of every public page
    const nav = page.getByTestId('public-nav');
    for (const [name, href] of [
      ['Gửi tin báo', '/gui-tin-bao'],
      ['Tra cứu tin báo', '/tra-cuu-tin-bao'],
      ['Góp ý kiến', '/gop-y'],
      ['Tin tức', '/tin-tuc'],
    ]) {
      const link = nav.getByRole('link', { name, exact: true });
      await assertOnFirstScreen(page, link, `the menu's "${name}"`);
      assert.equal(await link.getAttribute('href'), href);
    }
    // nothing says "Sắp ra mắt" any more
    assert.equal(await page.getByText('Sắp ra mắt').count(), 0);
    assert.deepEqual(await smallTargets(page), []);
    await assertNoHorizontalScroll(page);
    await shot(page, 'public-home');

    await page.setViewportSize(WIDE);
    await assertAccessible(page, 'the home page (phone)');
    await page.waitForTimeout(200);
    await assertOnFirstScreen(page, submit, '"Gửi tin báo" on a desktop');
    await assertNoHorizontalScroll(page);
    await shot(page, 'public-home');
    assertNoProblems(page);

    // a commune's or a village's own link: the place is named and carried on to the forms
    await page.setViewportSize(PHONE);
    await page.goto(`${server.baseUrl}/?unit=21220-001`);
    await page.getByTestId('selected-unit').filter({ hasText: 'Địa bàn: Thôn Trường Thọ, Xã Sơn Tịnh, Tỉnh Quảng Ngãi' }).waitFor();
    assert.equal(await page.getByTestId('home-submit').getAttribute('href'), '/gui-tin-bao?unit=21220-001');
    assert.equal(await page.getByTestId('home-opinion').getAttribute('href'), '/gop-y?unit=21220-001');
    await assertOnFirstScreen(page, page.getByTestId('home-submit'), '"Gửi tin báo" under the named place');
    await shot(page, 'public-home-unit');
    await assertAccessible(page, 'the home page of a village (phone)');
    assertNoProblems(page);
    await page.context().close();
  });

  it('paints each citizen page from its HTML before any script, then the script takes that page over', async () => {
    // Without JavaScript: what the server sends is the page itself (prerendered at build time),
    // so a slow phone shows it as soon as the HTML and one stylesheet have arrived.
    const bare = await newPage(browser, PHONE, { javaScriptEnabled: false });
    for (const [address, title, text] of [
      ['/', HOME_TITLE, 'Báo tin về tội phạm, vi phạm pháp luật một cách an toàn'],
      ['/gui-tin-bao', 'Gửi tin báo — ANTQ', 'Báo cho Công an về tội phạm, tệ nạn hoặc vụ việc mất an ninh'],
      ['/tra-cuu-tin-bao', 'Tra cứu tin báo — ANTQ', 'Nhập mã tin báo và mã bí mật bạn nhận được khi gửi'],
      ['/gop-y', 'Góp ý kiến — ANTQ', 'Ý kiến, kiến nghị của bạn được chuyển tới Công an'],
    ]) {
      await bare.goto(`${server.baseUrl}${address}`);
      await bare.getByText(text).waitFor();
      assert.ok((await bare.title()).includes(title), `${address}: ${await bare.title()}`);
    }
    // the tip form's fields are there too, styled (its stylesheet is linked from the HTML)
    await bare.goto(`${server.baseUrl}/gui-tin-bao`);
    await bare.locator('textarea').first().waitFor();
    assert.match(await bare.locator('.p-header').evaluate((el) => getComputedStyle(el).backgroundImage), /linear-gradient/);
    // the news: which unit a resident follows is known only on their phone, so the frame guesses none
    await bare.goto(`${server.baseUrl}/tin-tuc`);
    await bare.getByText('Đang tải…').waitFor();
    assert.equal(await bare.getByTestId('news-choose').count(), 0);
    await bare.context().close();

    // With JavaScript: React takes the markup over where it is the same (the node painted first is
    // the node on the page afterwards), and renders anew where the address changes the page (a
    // commune's own link). A mismatch would be reported as an error: none is.
    const page = await newPage(browser, PHONE);
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const lead = document.querySelector('.p-lead');
        if (lead) {
          window.__firstLead = lead;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const leadKept = () => page.evaluate(() => document.querySelector('.p-lead') === window.__firstLead);
    for (const address of ['/', '/gui-tin-bao', '/tra-cuu-tin-bao', '/gop-y']) {
      await page.goto(`${server.baseUrl}${address}`);
      await page.waitForLoadState('networkidle');
      assert.ok(await leadKept(), `${address}: the prerendered markup is taken over, not replaced`);
      assertNoProblems(page);
    }
    // the form answers: sending it empty is checked by React's handler, on the prerendered markup
    await page.goto(`${server.baseUrl}/gui-tin-bao`);
    await page.waitForLoadState('networkidle');
    await page.getByTestId('submit-tip-button').click();
    await page.getByText('Vui lòng chọn loại vụ việc.').waitFor();
    assert.ok(await leadKept());
    await page.goto(`${server.baseUrl}/gui-tin-bao?unit=21220-001`);
    await page.getByText('Thôn Trường Thọ').first().waitFor();
    assert.equal(await leadKept(), false, 'a named unit renders the form anew');
    assertNoProblems(page);
    await page.context().close();

    // A visitor who chose English gets the same Vietnamese frame, then English once it has come.
    const english = await newPage(browser, PHONE);
    await english.addInitScript(() => localStorage.setItem('antq.language', 'en'));
    await english.goto(`${server.baseUrl}/gui-tin-bao`);
    await english.getByText('Tell the police about a crime').waitFor();
    assert.equal(await english.locator('html').getAttribute('lang'), 'en');
    assertNoProblems(english);
    await english.context().close();
  });

  it('shows the home page in English, and the way back to the workspace to a logged-in officer', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('public-language').click();
    await page.getByRole('heading', { level: 1, name: 'All-People National Security Protection movement' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page
      .getByTestId('home-actions')
      .getByRole('link', { name: /^Send a tip/ })
      .waitFor();
    await page.getByTestId('public-nav').getByRole('link', { name: 'Give an opinion', exact: true }).waitFor();
    await page.getByTestId('staff-login').filter({ hasText: 'Staff sign-in' }).waitFor();
    await assertNoHorizontalScroll(page);
    await shot(page, 'public-home-en');
    await page.getByTestId('public-language').click();
    await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();

    // "Cán bộ đăng nhập" → the login page → the Front officer's start: the staff workspace
    await page.getByTestId('staff-login').click();
    const form = page.getByTestId('login-form');
    await form.waitFor();
    await assertAccessible(page, 'the login page (phone)');
    await form.getByLabel('Tên đăng nhập').fill(FRONT.username);
    await form.getByLabel('Mật khẩu').fill(FRONT.password);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/lam-viec');
    await page.getByRole('heading', { level: 1, name: 'Trang làm việc của cán bộ' }).waitFor();
    await page.waitForLoadState('networkidle');
    await assertAccessible(page, 'the staff workspace (phone)');
    // the site's home page, for the same officer, leads back to the workspace
    await page.goto(`${server.baseUrl}/`);
    const staff = page.getByTestId('home-staff');
    await staff.getByText(`Bạn đang đăng nhập với tài khoản cán bộ ${FRONT.username}.`).waitFor();
    await staff.getByRole('link', { name: 'Vào trang làm việc' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/lam-viec');
    await page.getByTestId('user-button').waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  it('takes a citizen on a phone from the home page to a sent tip, and tracks it', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('home-submit').click();
    await page.waitForURL((u) => new URL(u).pathname === '/gui-tin-bao');
    await page.getByRole('heading', { level: 1, name: 'Gửi tin báo, tố giác tội phạm' }).waitFor();
    assert.equal(
      await page.getByTestId('public-nav').getByRole('link', { name: 'Gửi tin báo', exact: true }).getAttribute('aria-current'),
      'page',
    );

    // where: level by level, down to the village
    await page.locator('#unit-level-0 option', { hasText: 'Tỉnh Quảng Ngãi' }).waitFor({ state: 'attached' });
    await page.locator('#unit-level-0').selectOption({ label: 'Tỉnh Quảng Ngãi' });
    await page.locator('#unit-level-1 option', { hasText: 'Xã Sơn Tịnh' }).waitFor({ state: 'attached' });
    await page.locator('#unit-level-1').selectOption({ label: 'Xã Sơn Tịnh' });
    await page.locator('#unit-level-2 option', { hasText: 'Thôn Trường Thọ' }).waitFor({ state: 'attached' });
    await page.locator('#unit-level-2').selectOption({ label: 'Thôn Trường Thọ' });
    await page.locator('#tip-category option:not([disabled])').first().waitFor({ state: 'attached' });
    await page.locator('#tip-category').selectOption({ index: 1 });
    await page.locator('#tip-description').fill(DESCRIPTION);
    await page.locator('#tip-place').fill('Bãi đất trống sau chợ thôn');
    await assertAccessible(page, 'the tip form, unit chosen level by level (phone)');
    await page.getByTestId('submit-tip-button').click();
    await page.getByTestId('tip-sent').waitFor({ timeout: 60_000 });
    tip.code = (await page.getByTestId('tracking-code').textContent()).trim();
    tip.secret = (await page.getByTestId('tracking-secret').textContent()).trim();
    assert.match(tip.code, /^[A-Z0-9]{4}(-[A-Z0-9]{1,4})+$/);
    await page
      .getByText(/Thôn Trường Thọ/)
      .first()
      .waitFor();
    await assertAccessible(page, 'the sent tip (phone)');

    await page.getByTestId('track-link').click();
    const view = page.getByTestId('tip-view');
    await view.waitFor();
    await view.getByTestId('tip-code').filter({ hasText: tip.code }).waitFor();
    await view.getByTestId('tip-status').filter({ hasText: 'Đã tiếp nhận' }).first().waitFor();
    await view.getByRole('heading', { name: 'Nhận thông báo khi có cập nhật' }).waitFor();
    await assertAccessible(page, 'the tracking page with a tip (phone)');
    assert.equal(
      await page.getByTestId('public-nav').getByRole('link', { name: 'Tra cứu tin báo', exact: true }).getAttribute('aria-current'),
      'page',
    );
    await assertNoHorizontalScroll(page);
    assertNoProblems(page);
    await page.context().close();

    // the commune's police have it
    const inbox = await police.call('GET', `/api/v1/tips?q=${encodeURIComponent(tip.code)}`);
    assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
    assert.equal(inbox.body.items[0]?.unit.code, '21220-001');
  });

  it('tells the citizen by e-mail when the police answer, with the link only; stops from the page or the e-mail', async () => {
    assert.ok(tip.code, 'the tip was sent');
    const tracked = () =>
      fetch(`${server.baseUrl}/api/v1/public/tips/${tip.code}`, { headers: { 'X-Tip-Secret': tip.secret } }).then((r) => r.json());
    const view = await tracked();
    assert.equal(view.notify, false);
    assert.equal(view.notify_available, true, 'the server has a mail server');
    const found = await police.call('GET', `/api/v1/tips?q=${encodeURIComponent(tip.code)}`);
    const tipId = found.body.items[0].id;
    const answer = async (body) => assert.equal((await police.call('POST', `/api/v1/tips/${tipId}/messages`, { body })).status, 201);

    const page = await newPage(browser, PHONE);
    const calls = [];
    page.on('request', (r) => {
      if (/\/notify$|\/notifications\/unsubscribe$/.test(new URL(r.url()).pathname)) {
        calls.push({
          method: r.method(),
          path: new URL(r.url()).pathname,
          secret: r.headers()['x-tip-secret'],
          body: r.postData() ?? undefined,
        });
      }
    });
    await page.goto(`${server.baseUrl}/tra-cuu-tin-bao#code=${encodeURIComponent(tip.code)}&secret=${encodeURIComponent(tip.secret)}`);
    const section = page.getByTestId('tip-notify');
    await section.getByRole('heading', { name: 'Nhận thông báo khi có cập nhật' }).waitFor();
    await section.getByText(/chỉ ghi “Có cập nhật mới”/).waitFor();

    // a wrong address never leaves the page
    await section.getByLabel('Email của bạn').fill('khong-phai-email');
    await section.getByTestId('notify-subscribe').click();
    await section.getByText('Địa chỉ email không hợp lệ.').waitFor();
    assert.equal(calls.length, 0);
    await assertAccessible(page, 'the tracking page, e-mail refused (phone)');

    await section.getByLabel('Email của bạn').fill(EMAIL);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'tip-notify-form');
    await section.getByTestId('notify-subscribe').click();
    await section.getByTestId('notify-on').waitFor();
    await section.getByText('Đã đăng ký nhận thông báo.').waitFor();
    assert.equal((await tracked()).notify, true);
    // what went over the wire follows the contract
    assert.deepEqual(calls[0], {
      method: 'POST',
      path: `/api/v1/public/tips/${tip.code}/notify`,
      secret: tip.secret,
      body: JSON.stringify({ email: EMAIL }),
    });
    await assertNoHorizontalScroll(page);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'tip-notify');
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(200);
    await shot(page, 'tip-notify');
    await page.setViewportSize(PHONE);

    // the police answer: exactly one e-mail, "Có cập nhật mới" and the link, nothing of the tip
    assert.equal(mail.messages().length, 0, 'nothing happened yet');
    await answer(ANSWER);
    await mail.waitFor(1);
    await new Promise((r) => setTimeout(r, 2500));
    let mails = mail.messages();
    assert.equal(mails.length, 1, 'one e-mail for one update');
    const [first] = mails;
    assert.deepEqual(first.rcpt_tos, [EMAIL]);
    assert.equal(first.mail_from, 'no-reply@antq.example.vn');
    assert.equal(first.subject, 'Có cập nhật mới');
    const link = `${PUBLIC_URL}/tra-cuu-tin-bao#code=${tip.code}`;
    assert.ok(first.text.includes(link), first.text);
    for (const never of [tip.secret, ANSWER, DESCRIPTION, POLICE.username, 'Trường Thọ', 'Bãi đất trống']) {
      assert.ok(
        !first.text.includes(never) && !first.raw.includes(never) && !first.subject.includes(never),
        `"${never}" is not in the e-mail`,
      );
    }
    const token = /token=([0-9a-f]+)>/.exec(first.header('List-Unsubscribe'))?.[1];
    assert.ok(token, first.header('List-Unsubscribe'));
    assert.equal(first.header('List-Unsubscribe'), `<${PUBLIC_URL}/api/v1/public/notifications/unsubscribe?token=${token}>`);
    assert.equal(first.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.ok(first.text.includes(`${PUBLIC_URL}/huy-nhan-tin?token=${token}`), first.text);

    // the link opens the tracking page with the code filled in; the secret is what is left to type
    const opened = await newPage(browser, PHONE);
    await opened.goto(link.replace(PUBLIC_URL, server.baseUrl));
    await opened.getByTestId('track-form').waitFor();
    assert.equal(await opened.locator('#track-code').inputValue(), tip.code);
    assert.equal(await opened.evaluate(() => document.activeElement?.id), 'track-secret');
    assert.equal(new URL(opened.url()).hash, '', 'the code leaves the address bar');
    await opened.locator('#track-secret').fill(tip.secret);
    await opened.getByTestId('track-submit').click();
    await opened.getByTestId('messages').getByText(ANSWER).waitFor();
    assertNoProblems(opened);
    await opened.context().close();

    // stopped from the tracking page: the next answer sends nothing
    await page.getByTestId('tip-view').getByRole('button', { name: 'Cập nhật' }).click();
    await section.getByTestId('notify-on').waitFor();
    await section.getByTestId('notify-unsubscribe').click();
    await section.getByText('Đã hủy nhận thông báo.').waitFor();
    assert.equal((await tracked()).notify, false);
    assert.deepEqual(calls[1], { method: 'DELETE', path: `/api/v1/public/tips/${tip.code}/notify`, secret: tip.secret, body: undefined });
    await answer('Chúng tôi đã nhận được thông tin bổ sung, cảm ơn bạn.');
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(mail.messages().length, 1, 'no e-mail once stopped');
    assertNoProblems(page);
    await page.context().close();

    // again, and stopped with one press on the e-mail's link (no login): a real token this time
    const again = await fetch(`${server.baseUrl}/api/v1/public/tips/${tip.code}/notify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tip-Secret': tip.secret },
      body: JSON.stringify({ email: EMAIL }),
    });
    assert.equal(again.status, 204);
    await answer('Bạn có thể gửi thêm ảnh nếu có.');
    mails = await mail.waitFor(2);
    assert.equal(mails.length, 2);
    const stopLink = /https:\/\/\S+\/huy-nhan-tin\?token=[0-9a-f]+/.exec(mails[1].text)?.[0];
    assert.ok(stopLink, mails[1].text);

    const unsub = await newPage(browser, PHONE);
    const posted = [];
    unsub.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/public/notifications/unsubscribe') posted.push({ method: r.method(), body: r.postData() });
    });
    await unsub.goto(`${server.baseUrl}/huy-nhan-tin`);
    await unsub.getByTestId('unsubscribe-error').filter({ hasText: 'Đường link thiếu mã hủy nhận thông báo.' }).waitFor();
    await assertAccessible(unsub, '/huy-nhan-tin without a token (phone)');
    await unsub.goto(`${server.baseUrl}/huy-nhan-tin?token=ma-huy-khong-ton-tai`);
    await unsub.getByTestId('unsubscribe-button').click();
    await unsub
      .getByTestId('unsubscribe-error')
      .filter({ hasText: 'Không tìm thấy đăng ký nhận thông báo ứng với đường link này.' })
      .waitFor();
    await unsub.goto(stopLink.replace(PUBLIC_URL, server.baseUrl));
    await unsub.getByRole('heading', { level: 1, name: 'Hủy nhận thông báo' }).waitFor();
    await assertAccessible(unsub, '/huy-nhan-tin (phone)');
    assert.equal(posted.length, 1, 'opening the link changes nothing (mail scanners open links)');
    await shot(unsub, 'unsubscribe');
    await unsub.getByTestId('unsubscribe-button').click();
    await unsub.getByRole('heading', { level: 1, name: 'Đã hủy nhận thông báo' }).waitFor();
    await assertAccessible(unsub, '/huy-nhan-tin, done (phone)');
    assert.deepEqual(posted[1], { method: 'POST', body: JSON.stringify({ token: new URL(stopLink).searchParams.get('token') }) });
    assert.equal((await tracked()).notify, false);
    await answer('Tin nhắn này không còn báo qua email.');
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(mail.messages().length, 2, 'no e-mail after the one-click stop');
    await assertNoHorizontalScroll(unsub);
    await shot(unsub, 'unsubscribe-done');
    await unsub.setViewportSize(WIDE);
    await unsub.waitForTimeout(200);
    await shot(unsub, 'unsubscribe-done');
    assertNoProblems(unsub, EXPECTED_404);
    await unsub.context().close();

    // the address is nowhere for staff: not in the tip, its list or the audit trail
    const detail = await police.call('GET', `/api/v1/tips/${tipId}`);
    assert.ok(!JSON.stringify(detail.body).includes('example.vn'));
    const adminApi = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const audit = await adminApi.call('GET', '/api/v1/audit?per_page=500');
    assert.equal(audit.status, 200);
    assert.ok(!JSON.stringify(audit.body).includes('example.vn'));
  });

  it('tells the citizen a resolved tip is "Đã giải quyết", also once the police have closed it', async () => {
    const categories = await fetch(`${server.baseUrl}/api/v1/public/tip-categories`).then((r) => r.json());
    const created = await police.call('POST', '/api/v1/tips', {
      unit: '21220',
      category: categories.items[0].code,
      description: 'Người dân gọi điện báo có xe tải chở gỗ không rõ nguồn gốc đi qua xã lúc nửa đêm.',
      channel: 'phone',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id, tracking_code: code, secret } = created.body;
    const resolved = await police.call('PATCH', `/api/v1/tips/${id}`, {
      status: 'resolved',
      outcome: {
        valid: true,
        cases_solved: 1,
        suspects_arrested: 2,
        wanted_caught: 0,
        public_note: 'Đã kiểm tra, tạm giữ xe và gỗ để xử lý.',
      },
    });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    const closed = await police.call('PATCH', `/api/v1/tips/${id}`, { status: 'closed' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');

    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/tra-cuu-tin-bao#code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`);
    const view = page.getByTestId('tip-view');
    await view.waitFor();
    await view.locator('.p-tip-head').getByTestId('tip-status').filter({ hasText: 'Đã giải quyết' }).waitFor();
    const decision = view.getByTestId('tip-decision');
    await decision.getByText('Đã kiểm tra, tạm giữ xe và gỗ để xử lý.').waitFor();
    await decision.getByTestId('tip-status').filter({ hasText: 'Đã giải quyết' }).waitFor();
    const text = await view.textContent();
    assert.ok(!/kết thúc/i.test(text), `no "đã kết thúc" for the citizen: ${text}`);
    assert.equal(await view.getByTestId('timeline').getByText('Chuyển sang: Đã giải quyết').count(), 1);
    await shot(page, 'tip-resolved');
    await assertAccessible(page, 'the tracking page of a resolved tip (phone)');
    // in English too
    await page.getByTestId('public-language').click();
    await view.locator('.p-tip-head').getByTestId('tip-status').filter({ hasText: 'Resolved' }).waitFor();
    assert.ok(!/closed/i.test(await view.textContent()));
    await page.getByTestId('public-language').click();
    assertNoProblems(page, EXPECTED_404);
    await page.context().close();
  });

  it('lets a citizen give an opinion for the village, found without diacritics, and the commune has it', async () => {
    const page = await newPage(browser, PHONE);
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/public/opinions') {
        posts.push({ body: JSON.parse(r.postData()), key: r.headers()['idempotency-key'] });
      }
    });
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('home-opinion').click();
    await page.waitForURL((u) => new URL(u).pathname === '/gop-y');
    await page.getByRole('heading', { level: 1, name: 'Góp ý kiến về an ninh, trật tự' }).waitFor();
    await page.getByText(/Trang này không hỏi tên, số điện thoại hay địa chỉ của bạn/).waitFor();
    await page.locator('#opinion-topic option:not([disabled])').first().waitFor({ state: 'attached' });
    await shot(page, 'opinion-form');
    await assertAccessible(page, 'the opinion form (phone)');

    // nothing filled in: what is missing, in Vietnamese, and nothing sent
    await page.getByTestId('opinion-send').click();
    await page.getByText('Vui lòng chọn xã, phường hoặc thôn, tổ dân phố.').waitFor();
    await page.getByText('Vui lòng chọn lĩnh vực.').waitFor();
    await page.getByText('Vui lòng nhập nội dung ý kiến.').waitFor();
    assert.equal(posts.length, 0);
    await assertAccessible(page, 'the opinion form with its errors (phone)');

    // the village, typed without diacritics
    await page.getByLabel('Xã, phường hoặc thôn, tổ dân phố').fill('truong tho');
    const hit = page.getByTestId('opinion-unit-hits').getByRole('button', { name: /Thôn Trường Thọ/ });
    await hit.getByText('Thôn, tổ dân phố · Xã Sơn Tịnh').waitFor();
    await shot(page, 'opinion-unit-search');
    await assertAccessible(page, 'the opinion form, units found (phone)');
    await hit.click();
    const chosen = page.getByTestId('opinion-unit-chosen');
    await chosen.getByText('Thôn Trường Thọ', { exact: true }).waitFor();
    await chosen.getByText('Xã Sơn Tịnh').waitFor();
    await page.locator('#opinion-topic').selectOption({ label: 'Ma túy' });
    await page.locator('#opinion-content').fill(OPINION);
    await page
      .getByTestId('opinion-counter')
      .filter({ hasText: `${[...OPINION].length}/2.000 ký tự` })
      .waitFor();
    assert.deepEqual(await smallTargets(page), []);
    await assertNoHorizontalScroll(page);
    await shot(page, 'opinion-filled');
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(200);
    await assertNoHorizontalScroll(page);
    await shot(page, 'opinion-filled');
    await page.setViewportSize(PHONE);
    await page.getByTestId('opinion-send').click();

    const sent = page.getByTestId('opinion-sent');
    await sent.getByRole('heading', { level: 1, name: 'Đã gửi ý kiến' }).waitFor();
    await sent.getByText(`Ý kiến của bạn về lĩnh vực “Ma túy” đã được chuyển tới Thôn Trường Thọ ngày ${daysAgo(0)[1]}.`).waitFor();
    // exactly the API's fields, with a key against sending twice
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0].body, { unit: '21220-001', topic: 'drugs', content: OPINION });
    assert.match(posts[0].key ?? '', /^[0-9a-f]{32}$/);
    const number = (await page.getByTestId('opinion-number').textContent()).replace('Số ý kiến: ', '');
    await assertNoHorizontalScroll(page);
    await shot(page, 'opinion-sent');
    await assertAccessible(page, 'the sent opinion (phone)');
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(200);
    await shot(page, 'opinion-sent');
    assertNoProblems(page);
    await page.context().close();

    // the commune's Front officer finds it in the register of opinions (received online, today)
    const list = await front.call('GET', '/api/v1/opinions?unit=21220&q=den%20chieu%20sang');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const found = list.body.items.find((o) => String(o.id) === number);
    assert.ok(found, JSON.stringify(list.body.items));
    assert.equal(found.unit.code, '21220-001');
    assert.equal(found.topic, 'drugs');
    assert.equal(found.content, OPINION);
    assert.equal(found.source, 'online');
    assert.equal(found.status, 'received');
    assert.equal(found.received_on.split('-').reverse().join('/'), daysAgo(0)[1]);
    // … and sees it in the register's page
    const staff = await newPage(browser, WIDE);
    await staff.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/so/y-kien?unit=21220')}`);
    const form = staff.getByTestId('login-form');
    await form.getByLabel('Tên đăng nhập').fill(FRONT.username);
    await form.getByLabel('Mật khẩu').fill(FRONT.password);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await staff.getByText(OPINION).first().waitFor();
    await staff.waitForLoadState('networkidle');
    await assertAccessible(staff, 'the register of opinions');
    await shot(staff, 'opinion-register');
    assertNoProblems(staff);
    await staff.context().close();
  });

  it('says in Vietnamese why an opinion was refused: the unit (400 on its field) and too many (429)', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/gop-y?unit=21220`);
    // the commune comes from the link
    await page.getByTestId('opinion-unit-chosen').getByText('Xã Sơn Tịnh', { exact: true }).waitFor();
    await page.getByTestId('opinion-unit-chosen').getByText('Tỉnh Quảng Ngãi').waitFor();
    await page.locator('#opinion-topic option:not([disabled])').first().waitFor({ state: 'attached' });
    await page.locator('#opinion-topic').selectOption({ label: 'Trật tự an toàn giao thông' });
    await page.locator('#opinion-content').fill('Xe tải chạy quá tốc độ qua khu dân cư vào giờ tan học.');

    // the unit as the server would see it after a reform: refused on its field (the real server's 400)
    await page.route('**/api/v1/public/opinions', (route) =>
      route.continue({ postData: JSON.stringify({ ...JSON.parse(route.request().postData()), unit: '99999-999' }) }),
    );
    await page.getByTestId('opinion-send').click();
    const unitError = page.getByText('Không tìm thấy xã, phường hoặc thôn đã chọn (có thể đơn vị đã được sáp nhập). Vui lòng chọn lại.');
    await unitError.waitFor();
    assert.equal(await page.getByText(/'unit'|'content'|'topic'/).count(), 0, 'no API field names');
    await page.unroute('**/api/v1/public/opinions');
    await shot(page, 'opinion-error-unit');

    // too many from this address: the server's limit, said with the time to wait
    for (let i = 0; i < PUBLIC_PER_HOUR + 2; i++) {
      const r = await fetch(`${server.baseUrl}/api/v1/public/opinions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ unit: '21220', topic: 'other', content: `Ý kiến thử số ${i + 1}` }),
      });
      if (r.status === 429) break;
      assert.equal(r.status, 201, await r.text());
    }
    await page.getByTestId('opinion-send').click();
    await page
      .getByTestId('opinion-error')
      .filter({
        hasText: /^Chưa gửi được\. Bạn đã gửi nhiều ý kiến trong thời gian ngắn\. Có thể gửi lại sau (khoảng \d+ phút|\d+ giây)\.$/,
      })
      .waitFor();
    // the form keeps what was written
    assert.equal(await page.locator('#opinion-content').inputValue(), 'Xe tải chạy quá tốc độ qua khu dân cư vào giờ tan học.');
    await assertNoHorizontalScroll(page);
    await shot(page, 'opinion-error-429');
    await assertAccessible(page, 'the opinion form, refused (phone)');

    // the same in English
    await page.getByTestId('public-language').click();
    await page.getByRole('heading', { level: 1, name: 'Your opinion on security and order' }).waitFor();
    await page.locator('#opinion-topic option', { hasText: 'Traffic safety' }).waitFor({ state: 'attached' });
    await page.getByTestId('opinion-send').click();
    await page
      .getByTestId('opinion-error')
      .filter({
        hasText: /^Not sent\. You have sent many opinions in a short time\. You can try again in (about \d+ minutes|\d+ seconds)\.$/,
      })
      .waitFor();
    await shot(page, 'opinion-error-429-en');
    await page.getByTestId('public-language').click();
    assertNoProblems(page, [/status of 400/, /status of 429/]);
    await page.context().close();
  });
});
