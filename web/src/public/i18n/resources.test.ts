import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIP_STATUSES } from '../../tips/workflow';
import { interpolate, translator } from '../i18n';
import chooserEn from './chooser.en.json';
import chooserVi from './chooser.vi.json';
import commonEn from './common.en.json';
import commonVi from './common.vi.json';
import homeEn from './home.en.json';
import homeVi from './home.vi.json';
import opinionEn from './opinion.en.json';
import opinionVi from './opinion.vi.json';
import sentEn from './sent.en.json';
import sentVi from './sent.vi.json';
import submitEn from './submit.en.json';
import submitVi from './submit.vi.json';
import trackEn from './track.en.json';
import trackVi from './track.vi.json';
import unsubscribeEn from './unsubscribe.en.json';
import unsubscribeVi from './unsubscribe.vi.json';
import unitSearchEn from './unitSearch.en.json';
import unitSearchVi from './unitSearch.vi.json';
import newsEn from './news.en.json';
import newsVi from './news.vi.json';

type Texts = Record<string, string>;
const PAIRS: [string, Texts, Texts][] = [
  ['common', commonVi, commonEn],
  ['home', homeVi, homeEn],
  ['submit', submitVi, submitEn],
  ['chooser', chooserVi, chooserEn],
  ['sent', sentVi, sentEn],
  ['track', trackVi, trackEn],
  ['opinion', opinionVi, opinionEn],
  ['unsubscribe', unsubscribeVi, unsubscribeEn],
  ['unitSearch', unitSearchVi, unitSearchEn],
  ['news', newsVi, newsEn],
];
const vi: Texts = {
  ...commonVi,
  ...homeVi,
  ...submitVi,
  ...chooserVi,
  ...sentVi,
  ...trackVi,
  ...opinionVi,
  ...unsubscribeVi,
  ...unitSearchVi,
  ...newsVi,
};
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('public pages texts', () => {
  it('have the same keys in Vietnamese and English', () => {
    for (const [name, v, e] of PAIRS) expect(Object.keys(e).sort(), name).toEqual(Object.keys(v).sort());
  });

  it('keep each key in one file', () => {
    const seen = new Map<string, string>();
    for (const [name, v] of PAIRS) {
      for (const k of Object.keys(v)) {
        expect(seen.get(k), k).toBeUndefined();
        seen.set(k, name);
      }
    }
  });

  it('have no empty texts, the same placeholders, and precomposed letters', () => {
    for (const [, v, e] of PAIRS) {
      for (const [k, text] of Object.entries(v)) {
        const other = e[k] ?? '';
        expect(text.trim(), k).not.toBe('');
        expect(other.trim(), k).not.toBe('');
        expect(placeholders(other), k).toEqual(placeholders(text));
        expect(text, k).toBe(text.normalize('NFC'));
      }
    }
  });

  it('contain every key the pages ask for, in the file the page loads', () => {
    const dir = path.resolve(__dirname, '..');
    // a page's own folder loads that page's texts
    const FOLDERS: Record<string, Texts> = { tipForm: submitVi, tipTracking: trackVi, news: newsVi };
    const SUBMIT = ['SubmitTip.tsx', 'copy.tsx'];
    const OPINION = ['SubmitOpinion.tsx'];
    const pageOf = (file: string): Texts =>
      SUBMIT.includes(file)
        ? submitVi
        : file === 'Sent.tsx'
          ? { ...submitVi, ...sentVi }
          : file === 'UnitChooser.tsx'
            ? { ...submitVi, ...chooserVi }
        : OPINION.includes(file)
          ? opinionVi
          : file === 'TrackTip.tsx'
            ? trackVi
            : file === 'PublicHome.tsx'
              ? homeVi
              : file === 'UnsubscribePage.tsx'
                ? unsubscribeVi
                : file === 'UnitSearch.tsx'
                  ? unitSearchVi
                  : {};
    const files: [string, Texts][] = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => [f, pageOf(f)]);
    for (const [folder, texts] of Object.entries(FOLDERS)) {
      for (const f of readdirSync(path.join(dir, folder)).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts'))) files.push([`${folder}/${f}`, texts]);
    }
    for (const [file, page] of files) {
      const src = readFileSync(path.join(dir, file), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1]!;
        const texts: Texts = { ...commonVi, ...page };
        expect(texts[key], `${file}: ${key}`).toBeDefined();
      }
    }
  });

  it('name every status', () => {
    for (const s of TIP_STATUSES) expect(Object.keys(commonVi)).toContain(`status.${s}`);
    expect(vi['status.received']).toBe('Đã tiếp nhận');
    expect(vi['status.assigned']).toBe('Đã phân công xử lý');
    expect(vi['status.duplicate']).toBe('Trùng tin báo khác');
  });

  it('tell a citizen a resolved tip is resolved, also once the police have closed it', () => {
    expect(vi['status.resolved']).toBe('Đã giải quyết');
    expect(vi['status.closed']).toBe('Đã giải quyết');
    expect(Object.values(vi).join('\n')).not.toMatch(/đã kết thúc/i);
  });

  it('carry the fixed wording of the form', () => {
    expect(vi['nav.submit']).toBe('Gửi tin báo');
    expect(vi['nav.track']).toBe('Tra cứu tin báo');
    expect(vi['nav.opinion']).toBe('Góp ý kiến');
    expect(vi['nav.staff']).toBe('Cán bộ đăng nhập');
    expect(vi['track.notify']).toBe('Nhận thông báo khi có cập nhật');
    expect(vi['unsubscribe.done']).toBe('Đã hủy nhận thông báo');
    expect(vi['home.news']).toBe('Tin tức, cảnh báo');
    expect(vi['news.post.gone.title']).toBe('Tin không còn hoặc đã bị gỡ');
    expect(vi['news.subscribe.warnings']).toBe('Chỉ cảnh báo');
    expect(vi['news.subscribe.all']).toBe('Tất cả tin');
    expect([vi['news.kind.news'], vi['news.kind.warning'], vi['news.kind.notice'], vi['news.urgency.urgent']]).toEqual([
      'Tin tức',
      'Cảnh báo',
      'Thông báo',
      'Khẩn',
    ]);
    expect(vi['submit.progress.challenge']).toBe('Đang kiểm tra chống gửi tự động…');
    expect(vi['files.keepLocation']).toBe('Giữ thông tin vị trí trong ảnh');
    expect(vi['submit.secrecy']).toMatch(/Luật Tố cáo/);
    expect(vi['submit.secrecy']).toMatch(/Bộ luật Tố tụng hình sự/);
  });

  it('fill placeholders, falling back to Vietnamese', () => {
    expect(interpolate('{{a}} và {{ b }}', { a: 1, b: 'x' })).toBe('1 và x');
    expect(interpolate('{{a}}', {})).toBe('{{a}}');
    expect(translator(vi)('track.attachments.uploaded', { n: 2 })).toBe('Đã tải lên 2 tệp.');
    expect(translator({}, vi)('nav.track')).toBe('Tra cứu tin báo');
    expect(translator({})('nav.track')).toBe('nav.track');
  });
});
