// Browser tests of the yearly "An toàn về an ninh, trật tự" evaluation against the real server
// (see harness.mjs): a commune officer registers a village (100% of its households), starts its
// evaluation from the list of units not yet recognised, answers every criterion through the
// checklist and submits it; the commune's steering committee (evaluations.approve) returns it with
// a comment; the officer reads the comment, completes the evidence and submits again; the approver
// approves it and the certificate opens in a new tab. Screenshots of every page at 1366×800 and
// 390×844.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
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
} from './harness.mjs';

// the commune's Front officer drafts and submits; the commune's steering committee approves
const OFFICER = {
  username: 'mttq.danhgia',
  password: 'mat-khau-danh-gia-7',
  role: 'front_officer',
  unit: '21220',
  display_name: 'Trần Thị Hoa',
};
const APPROVER = {
  username: 'bcd.sontinh',
  password: 'mat-khau-ban-chi-dao-5',
  role: 'steering',
  unit: '21220',
  display_name: 'Phạm Văn Đức',
};
// the demo data already has villages 001–003 of Xã Sơn Tịnh under evaluation: this one is free
const VILLAGE = { code: '21220-004', name: 'Thôn Liên Hiệp' };
const RETURN_COMMENT = 'Bổ sung biên bản họp dân về tiêu chí 1 và danh sách hộ ký cam kết.';

let server;
let browser;
let admin;

/** The evaluation of the village this year, through the API. */
async function evaluationOfVillage(session) {
  const list = await session.call('GET', `/api/v1/evaluations?unit=${VILLAGE.code}`);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const row = list.body.items.find((e) => e.unit.code === VILLAGE.code);
  assert.ok(row, JSON.stringify(list.body));
  const detail = await session.call('GET', `/api/v1/evaluations/${row.id}`);
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  return detail.body;
}

describe('"An toàn về an ninh, trật tự" evaluation', () => {
  let evaluationUrl;

  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    for (const u of [OFFICER, APPROVER]) {
      const { username, password, role, unit, display_name } = u;
      const created = await createAccount(admin, { username, password, role, unit, display_name });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('a commune officer registers a village, starts its evaluation and submits every criterion', async () => {
    await withPage(browser, DESKTOP, 'evaluation-submit', async (page) => {
      await loginAs(page, server.baseUrl, OFFICER);
      await page.getByTestId('menu-security').hover();
      await page.getByTestId('menu-evaluations').click();
      await page.getByRole('heading', { level: 1, name: 'Đánh giá, công nhận “An toàn về an ninh, trật tự”' }).waitFor();
      // the demo's evaluations of the commune's villages are listed (one a year since 2021)
      await page.getByTestId('evaluation-table').getByText('Thôn Phú Thọ').first().waitFor();
      await shot(page, 'evaluations-list');

      // the registration of the village: 100% of its households committed
      await page.getByRole('tab', { name: 'Đăng ký xây dựng' }).click();
      await page.getByTestId('registration-table').getByText('Thôn Trường Thọ').waitFor();
      await page.getByTestId('registration-add').click();
      const reg = page.getByTestId('registration-dialog');
      await pickUnit(page, reg.locator('.ant-select', { has: page.locator('#unit') }), 'Tỉnh Quảng Ngãi', 'Xã Sơn Tịnh', VILLAGE.name);
      await reg.getByLabel('Tổng số hộ').fill('1200');
      await reg.getByLabel('Số hộ đã ký cam kết').fill('1250');
      await reg.getByRole('button', { name: 'Lưu' }).click();
      await reg.getByText('Số hộ ký cam kết không thể lớn hơn tổng số hộ.').waitFor();
      await reg.getByLabel('Số hộ đã ký cam kết').fill('1200');
      await reg.getByLabel('Tổng số hộ').click();
      assert.equal(await reg.getByLabel('Số hộ đã ký cam kết').inputValue(), '1.200');
      await shot(page, 'evaluations-registration-form');
      await reg.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu đăng ký.').waitFor();
      const regRow = page.getByTestId('registration-table').locator('tr', { hasText: VILLAGE.name });
      await regRow.getByText('1.200/1.200').waitFor();
      await regRow.getByText('100%').waitFor();
      await shot(page, 'evaluations-registrations');

      // the units not yet recognised this year: the village, without an evaluation
      await page.getByRole('tab', { name: 'Chưa được công nhận năm nay' }).click();
      const pendingRow = page.getByTestId('pending-table').locator('tr', { hasText: VILLAGE.name });
      await pendingRow.getByText('Đã đăng ký').waitFor();
      await shot(page, 'evaluations-pending');
      await pendingRow.getByTestId('pending-create').click();
      const create = page.getByTestId('evaluation-create');
      await create
        .locator('.ant-select', { has: page.locator('#unit') })
        .getByText(VILLAGE.name)
        .waitFor();
      await shot(page, 'evaluations-create');
      await page.getByTestId('evaluation-create-ok').click();

      // the checklist
      await page.getByTestId('evaluation-title').filter({ hasText: VILLAGE.name }).waitFor();
      evaluationUrl = page.url();
      assert.match(evaluationUrl, /\/danh-gia-an-toan\/\d+$/);
      const criteria = page.getByTestId('criterion');
      const n = await criteria.count();
      assert.ok(n >= 3, `criteria: ${n}`);
      await page
        .getByTestId('progress-text')
        .filter({ hasText: `Đã trả lời 0/${n} tiêu chí` })
        .waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Đang lập' }).waitFor();

      // submitting before every criterion is answered points at what is missing
      await page.getByTestId('evaluation-submit').click();
      await page.getByText(`Còn ${n} tiêu chí chưa trả lời.`).waitFor();
      await criteria.first().getByText('Vui lòng chọn Đạt hoặc Chưa đạt.').waitFor();

      for (let i = 0; i < n; i++) {
        const c = criteria.nth(i);
        await c.locator('label.ant-radio-button-wrapper', { hasText: /^Đạt$/ }).click();
        if (i === 0) await c.getByTestId('criterion-evidence').fill('Biên bản họp dân ngày 15/10');
        await page
          .getByTestId('progress-text')
          .filter({ hasText: `Đã trả lời ${i + 1}/${n} tiêu chí` })
          .waitFor();
      }
      await page.getByTestId('evaluation-progress').getByText('Đạt', { exact: true }).waitFor();
      await page.getByTestId('evaluation-save').click();
      await page.getByText('Đã lưu kết quả đánh giá.').waitFor();
      const [dayIso, dayShown] = daysAgo(0);
      await typeDate(page.locator('#evaluated-on input'), dayShown);
      await page.getByTestId('evaluation-title').click(); // closes the calendar
      await shot(page, 'evaluation-checklist');

      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('submit-ok').click();
      await page.getByText('Đã gửi hồ sơ đi duyệt.').waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ duyệt' }).waitFor();
      // sent: nothing to edit any more
      assert.equal(await page.getByTestId('evaluation-submit').count(), 0);

      const ev = await evaluationOfVillage(admin);
      assert.equal(ev.status, 'submitted');
      assert.equal(ev.evaluated_on, dayIso);
      assert.equal(ev.submitted_by, OFFICER.username);
      assert.ok(
        ev.criteria.every((c) => c.met === true),
        JSON.stringify(ev.criteria),
      );
      assert.equal(ev.criteria[0].evidence, 'Biên bản họp dân ngày 15/10');
      assert.deepEqual(ev.progress, { answered: n, total: n });
      assert.equal(ev.approver_unit.code, '21220');
      assertNoProblems(page);
    });
  });

  it('the commune steering committee returns it with a comment', async () => {
    await withPage(browser, DESKTOP, 'evaluation-return', async (page) => {
      await loginAs(page, server.baseUrl, APPROVER);
      await page.goto(evaluationUrl);
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ duyệt' }).waitFor();
      await page.getByTestId('evaluation-return').click();
      const dialog = page.getByTestId('decision-dialog');
      await page.getByTestId('decision-ok').click();
      await dialog.getByText('Vui lòng nhập lý do trả lại.').waitFor();
      await page.getByTestId('decision-comment').fill(RETURN_COMMENT);
      await page.getByTestId('decision-ok').click();
      await page.getByText('Đã trả lại hồ sơ.').waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Bị trả lại' }).waitFor();
      await page.getByTestId('evaluation-history').getByText(RETURN_COMMENT).waitFor();
      const ev = await evaluationOfVillage(admin);
      assert.equal(ev.status, 'returned');
      assert.ok(
        ev.history.some((h) => h.comment === RETURN_COMMENT && h.by === APPROVER.username),
        JSON.stringify(ev.history),
      );
      assertNoProblems(page);
    });
  });

  it('the officer reads the comment on a phone, completes the evidence and submits again', async () => {
    await withPage(browser, PHONE, 'evaluation-resubmit', async (page) => {
      await loginAs(page, server.baseUrl, OFFICER);
      await page.goto(evaluationUrl);
      const alert = page.getByTestId('return-comment');
      await alert.getByText(RETURN_COMMENT).waitFor();
      await alert.getByText(/Hồ sơ bị trả lại bởi bcd\.sontinh/).waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluation-returned');
      const first = page.getByTestId('criterion').first();
      await first.getByTestId('criterion-evidence').fill('Biên bản họp dân ngày 15/10; danh sách 1.200 hộ ký cam kết');
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('submit-ok').click();
      await page.getByText('Đã gửi hồ sơ đi duyệt.').waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ duyệt' }).waitFor();
      const ev = await evaluationOfVillage(admin);
      assert.equal(ev.status, 'submitted');
      assert.equal(ev.criteria[0].evidence, 'Biên bản họp dân ngày 15/10; danh sách 1.200 hộ ký cam kết');
      assertNoProblems(page);
    });
  });

  it('the approver approves it and prints the certificate', async () => {
    await withPage(browser, DESKTOP, 'evaluation-approve', async (page) => {
      await loginAs(page, server.baseUrl, APPROVER);
      // the list filtered to what waits for a decision
      await page.goto(`${server.baseUrl}/danh-gia-an-toan?status=submitted`);
      await page.getByTestId('evaluation-table').getByText(VILLAGE.name).click();
      await page.getByTestId('evaluation-title').filter({ hasText: VILLAGE.name }).waitFor();
      // the approver neither edits nor submits
      assert.equal(await page.getByTestId('evaluation-submit').count(), 0);
      await page.getByTestId('evaluation-approve').click();
      await page.getByTestId('decision-comment').fill('Đủ điều kiện công nhận.');
      await shot(page, 'evaluation-approve-dialog');
      await page.getByTestId('decision-ok').click();
      await page.getByText('Đã duyệt hồ sơ.').waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Đã duyệt' }).waitFor();
      await page.locator('.antq-admin__head').getByTestId('evaluation-result').filter({ hasText: 'Đạt' }).waitFor();
      const ev = await evaluationOfVillage(admin);
      assert.equal(ev.status, 'approved');
      assert.equal(ev.result, 'passed');
      assert.ok(ev.certificate?.number, JSON.stringify(ev.certificate));
      await page.getByText(new RegExp(`Giấy công nhận số ${ev.certificate.number.replace(/[/.]/g, '\\$&')}`)).waitFor();
      await shot(page, 'evaluation-approved');

      const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('certificate-open').click()]);
      await popup.waitForLoadState();
      assert.match(popup.url(), /\/api\/v1\/evaluations\/\d+\/certificate$/);
      await popup.getByText(VILLAGE.name).first().waitFor();
      const html = await popup.content();
      assert.ok(html.includes(ev.certificate.number), 'the certificate carries its number');
      await popup.screenshot({ path: path.join(SCREENSHOT_DIR, 'evaluation-certificate-desktop.png'), fullPage: true });
      assertNoProblems(page);
    });
  });

  it('shows the criteria sets and the list on a phone', async () => {
    await withPage(browser, PHONE, 'evaluation-phone', async (page) => {
      await loginAs(page, server.baseUrl, OFFICER);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-evaluations').click();
      await page.getByTestId('evaluation-card').first().waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluations-list');
      await page.getByRole('tab', { name: 'Chưa công nhận' }).click();
      await page.getByTestId('pending-card').filter({ hasText: 'Thôn Cổ Lũy' }).waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluations-pending');
      await page.getByRole('tab', { name: 'Đăng ký' }).click();
      await page.getByTestId('registration-table').getByText(VILLAGE.name).waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluations-registrations');
      await page.goto(evaluationUrl);
      await page.getByTestId('evaluation-title').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluation-approved');

      await page.goto(`${server.baseUrl}/danh-gia-an-toan/bo-tieu-chi`);
      await page.getByTestId('criteria-set').first().waitFor();
      await page.getByText('Khu dân cư “6 không”').first().waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'evaluation-criteria');
      assertNoProblems(page);
    });
    await withPage(browser, DESKTOP, 'evaluation-criteria', async (page) => {
      await loginAs(page, server.baseUrl, OFFICER);
      await page.goto(`${server.baseUrl}/danh-gia-an-toan/bo-tieu-chi`);
      await page.getByTestId('criteria-set').first().waitFor();
      await shot(page, 'evaluation-criteria');
      assertNoProblems(page);
    });
  });
});
