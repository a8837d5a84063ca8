import { describe, expect, it } from 'vitest';
import { downloadName, fileSlug } from './files';
import { foldText } from './units';

describe('download names', () => {
  it('writes Vietnamese names without diacritics', () => {
    expect(fileSlug('Xã Sơn Tịnh')).toBe('xa-son-tinh');
    expect(fileSlug('Thôn Cổ Lũy, Đội 3')).toBe('thon-co-luy-doi-3');
    expect(downloadName('Sổ Tuần tra', 'Xã Sơn Tịnh', '2026-12-04', 'xlsx')).toBe('so-tuan-tra_xa-son-tinh_2026-12-04.xlsx');
    expect(downloadName('Báo cáo số liệu', null, '2025-12-15_2026-12-14', 'csv')).toBe(
      'bao-cao-so-lieu_toan-quoc_2025-12-15_2026-12-14.csv',
    );
  });

  it('folds text for searching: "son tinh" finds "Sơn Tịnh"', () => {
    expect(foldText('  Xã  Sơn Tịnh ')).toBe('xa son tinh');
    expect(foldText('Xã Sơn Tịnh').includes(foldText('son tinh'))).toBe(true);
    expect(foldText('ĐỒNG')).toBe('dong');
  });
});
