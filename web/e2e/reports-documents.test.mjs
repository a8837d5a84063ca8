// Browser tests of the report as an official document (issue 18, items 7–11) against the real
// server with the demo data (Xã Sơn Tịnh 21220): a steering member of the commune writes "Đánh giá
// chung" and "Phương hướng, nhiệm vụ" in the issue dialog, previews the draft (the server renders
// it with the texts), issues it, and downloads the issued report and the live summary as Word and
// Excel through the API client, under Vietnamese names — on a 1440×900 desktop and a 390×844
// phone. A police officer of the same commune reads the dashboard without the issue button.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PASSWORD,
  PHONE,
  SCREENSHOT_DIR,
  apiSession,
  assertNoHorizontalScroll,
  assertNoProblems,
  launchBrowser,
  shot,
  startServer,
  withPage,
  loginAs,
  createAccount,
  daysAgo,
} from './harness.mjs';

const WIDE = { width: 1440, height: 900 };
const STEERING = {
  username: 'bcd.sontinh',
  password: 'mat-khau-bao-cao-21220',
  role: 'steering',
  unit: '21220',
  display_name: 'Trần Văn Ban',
};
const POLICE = {
  username: 'ca.sontinh.bc',
  password: 'mat-khau-cong-an-21220',
  role: 'police_officer',
  unit: '21220',
  display_name: 'Phạm Công An',
};
// A conversion by LibreOffice takes seconds on a busy machine.
const CONVERSION_MS = 90_000;
// a preview and a Word conversion run on the server while other tests may load the machine
const SLOW = { timeout: 30_000 };

let server;
let browser;
let admin;

/** Clicks `control`, waits for the download and checks that it is a real Office file of `kind`. */
async function download(page, control, kind) {
  const waiting = page.waitForEvent('download', { timeout: CONVERSION_MS });
  await control.click();
  const file = await waiting;
  const saved = await file.path();
  const bytes = readFileSync(saved);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${file.suggestedFilename()} is a zip (Office Open XML)`);
  // the parts' names stand uncompressed in the zip's headers
  const part = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  assert.ok(bytes.includes(Buffer.from(part)), `${file.suggestedFilename()} holds ${part}`);
  return file.suggestedFilename();
}

/** Issues a report from the dialog with the two hand-written parts, after previewing it. */
async function issueFromDialog(page, { assessment, direction, signer, screenshot }) {
  await page.getByTestId('issue-report').click();
  const dialog = page.getByRole('dialog', { name: 'Ban hành báo cáo' });
  await dialog.getByLabel('Người ký').fill(signer);
  await dialog.getByTestId('issue-assessment').fill(assessment);
  await dialog.getByTestId('issue-direction').fill(direction);
  // the dialog as it is seen (the viewport, not the whole page behind it)
  if (screenshot)
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${screenshot}-${page.viewportSize().width < 600 ? 'phone' : 'desktop'}.png`),
    });
  // the preview: the server's A4 draft with the texts in their place
  await dialog.getByTestId('issue-preview').click();
  const frame = page.getByTestId('draft-preview');
  await frame.waitFor({ timeout: 30_000 });
  const srcdoc = await frame.getAttribute('srcdoc');
  assert.match(srcdoc, /BAN CHỈ ĐẠO 138 XÃ SƠN TỊNH/);
  assert.match(srcdoc, /Số: …\/BC-BCĐ/);
  for (const line of [...assessment.split('\n'), ...direction.split('\n')])
    assert.ok(srcdoc.includes(line.replace(/</g, '&lt;').replace(/>/g, '&gt;')), `the preview shows "${line}"`);
  if (screenshot)
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${screenshot}-preview-${page.viewportSize().width < 600 ? 'phone' : 'desktop'}.png`),
    });
  await page.locator('.ant-modal-wrap:has([data-testid="draft-preview"]) .ant-modal-close').click();
  await frame.waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('reports as documents', () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startServer({ env: { ANTQ_LOGIN_ATTEMPTS_PER_MINUTE: '500' } });
    browser = await launchBrowser();
    admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    for (const u of [STEERING, POLICE]) {
      const created = await createAccount(admin, u);
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });

  after(async () => {
    await browser?.close();
    const res = await server?.stop();
    assert.equal(res?.code, 0, `server exit: ${JSON.stringify(res)}`);
  });

  it('a steering member writes the assessment and the direction, previews, issues and downloads Word and Excel (desktop)', async () => {
    await withPage(
      browser,
      WIDE,
      'reports-documents-desktop',
      async (page) => {
        await loginAs(page, server.baseUrl, STEERING);
        await page.goto(`${server.baseUrl}/bao-cao`);
        await page.getByTestId('reports-unit-name').getByText('Xã Sơn Tịnh').waitFor();
        const assessment = '1. Ưu điểm: Công an và Mặt trận phối hợp chặt chẽ.\n2. Hạn chế: còn thôn chưa có nhóm Zalo <an ninh>.';
        const direction = 'Tiếp tục tập huấn phòng cháy, chữa cháy cho các thôn.\nNhân rộng nhóm Zalo an ninh.';
        await issueFromDialog(page, { assessment, direction, signer: 'Trần Văn Ban', screenshot: 'reports-issue-dialog' });
        await page.getByTestId('issued-table').getByText('1/BC-BCĐ').waitFor();

        // stored with the report and returned as written
        const list = await admin.call('GET', '/api/v1/reports?unit=21220');
        const report = list.body.items.find((r) => r.number === '1/BC-BCĐ');
        assert.ok(report, JSON.stringify(list.body));
        const stored = await admin.call('GET', `/api/v1/reports/${report.id}`);
        assert.equal(stored.body.assessment, assessment);
        assert.equal(stored.body.direction, direction);
        assert.equal(stored.body.signer, 'Trần Văn Ban');

        // the issued report as Word and Excel, named in Vietnamese with the unit and its day
        const day = report.issued_on;
        assert.equal(
          await download(page, page.getByTestId(`issued-docx-${report.id}`), 'docx'),
          `bao-cao-1-bc-bcd_xa-son-tinh_${day}.docx`,
        );
        assert.equal(
          await download(page, page.getByTestId(`issued-xlsx-${report.id}`), 'xlsx'),
          `bao-cao-1-bc-bcd_xa-son-tinh_${day}.xlsx`,
        );
        // the live summary as Word and Excel
        assert.equal(await download(page, page.getByTestId('export-docx'), 'docx'), `bao-cao_xa-son-tinh_${daysAgo(0)[0]}.docx`);
        assert.match(
          await download(page, page.getByTestId('export-xlsx'), 'xlsx'),
          /^bao-cao-so-lieu_xa-son-tinh_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/,
        );

        // the issued report opens with its texts
        await page.getByTestId(`issued-open-${report.id}`).click();
        const srcdoc = await page.getByTestId('report-preview-frame').getAttribute('srcdoc');
        assert.match(srcdoc, /Số: 1\/BC-BCĐ/);
        assert.ok(srcdoc.includes('Nhân rộng nhóm Zalo an ninh.'));
        assert.ok(srcdoc.includes('&lt;an ninh&gt;'), 'typed text is escaped');
        await shot(page, 'reports-issued-open');
        assertNoProblems(page);
      },
      SLOW,
    );
  });

  it('on a phone: the police officer has no issue button; the steering member issues and downloads', async () => {
    await withPage(
      browser,
      PHONE,
      'reports-documents-phone-police',
      async (page) => {
        await loginAs(page, server.baseUrl, POLICE);
        await page.goto(`${server.baseUrl}/bao-cao`);
        await page.getByTestId('reports-unit-name').getByText('Xã Sơn Tịnh').waitFor();
        await page.getByTestId('export-docx').waitFor();
        assert.equal(await page.getByTestId('issue-report').count(), 0, 'reports.issue is the steering committee’s');
        assertNoProblems(page);
      },
      SLOW,
    );
    await withPage(
      browser,
      PHONE,
      'reports-documents-phone',
      async (page) => {
        await loginAs(page, server.baseUrl, STEERING);
        await page.goto(`${server.baseUrl}/bao-cao`);
        await page.getByTestId('reports-unit-name').getByText('Xã Sơn Tịnh').waitFor();
        await issueFromDialog(page, {
          assessment: 'Ưu điểm: các thôn đều có tổ tuần tra.',
          direction: 'Duy trì tuần tra ban đêm.',
          signer: 'Trần Văn Ban',
          screenshot: 'reports-issue-dialog',
        });
        await page.getByTestId('issued-table').getByText('2/BC-BCĐ').waitFor();
        const list = await admin.call('GET', '/api/v1/reports?unit=21220');
        const report = list.body.items.find((r) => r.number === '2/BC-BCĐ');
        await page.getByTestId(`issued-docx-${report.id}`).scrollIntoViewIfNeeded();
        assert.equal(
          await download(page, page.getByTestId(`issued-docx-${report.id}`), 'docx'),
          `bao-cao-2-bc-bcd_xa-son-tinh_${report.issued_on}.docx`,
        );
        assert.equal(
          await download(page, page.getByTestId(`issued-xlsx-${report.id}`), 'xlsx'),
          `bao-cao-2-bc-bcd_xa-son-tinh_${report.issued_on}.xlsx`,
        );
        await assertNoHorizontalScroll(page);
        await shot(page, 'reports-documents');
        assertNoProblems(page);
      },
      SLOW,
    );
  });
});
