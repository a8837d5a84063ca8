import { describe, expect, it } from 'vitest';
import { TIP_STATUSES } from '../../lib/tips';
import { interpolate, translator } from '../i18n';
import en from './en.json';
import vi from './vi.json';

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('public pages texts', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty texts, the same placeholders, and precomposed letters', () => {
    for (const [k, v] of Object.entries(vi)) {
      const e = (en as Record<string, string>)[k] ?? '';
      expect(v.trim(), k).not.toBe('');
      expect(e.trim(), k).not.toBe('');
      expect(placeholders(e), k).toEqual(placeholders(v));
      expect(v, k).toBe(v.normalize('NFC'));
    }
  });

  it('name every status', () => {
    for (const s of TIP_STATUSES) expect(Object.keys(vi)).toContain(`status.${s}`);
    expect(vi['status.received']).toBe('Đã tiếp nhận');
    expect(vi['status.assigned']).toBe('Đã phân công xử lý');
    expect(vi['status.duplicate']).toBe('Trùng tin báo khác');
  });

  it('carry the fixed wording of the form', () => {
    expect(vi['nav.submit']).toBe('Gửi tin báo');
    expect(vi['submit.progress.challenge']).toBe('Đang kiểm tra chống gửi tự động…');
    expect(vi['submit.files.keepLocation']).toBe('Giữ thông tin vị trí trong ảnh');
    expect(vi['submit.secrecy']).toMatch(/Luật Tố cáo/);
    expect(vi['submit.secrecy']).toMatch(/Bộ luật Tố tụng hình sự/);
  });

  it('fill placeholders', () => {
    expect(interpolate('{{a}} và {{ b }}', { a: 1, b: 'x' })).toBe('1 và x');
    expect(interpolate('{{a}}', {})).toBe('{{a}}');
    expect(translator(vi)('track.attachments.uploaded', { n: 2 })).toBe('Đã tải lên 2 tệp.');
  });
});
