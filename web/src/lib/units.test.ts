import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { loadEnglish } from '../i18n';
import { datasetLabel, matchOption, subkindLabel, unitKindColor, unitKindKey } from './units';

describe('unit kinds', () => {
  it('map known kinds to their i18n keys', () => {
    expect(unitKindKey('province')).toBe('unitKind.province');
    expect(unitKindKey('village')).toBe('unitKind.village');
    expect(unitKindKey('something-new')).toBe('unitKind.other');
  });

  it('give each level its own colour', () => {
    const colours = ['province', 'district', 'commune', 'village', 'establishment'].map(unitKindColor);
    expect(new Set(colours).size).toBe(colours.length);
    expect(unitKindColor('x')).toBe('default');
  });
});

describe('subkind and dataset labels', () => {
  const t = i18n.getFixedT('vi');
  const tEn = i18n.getFixedT('en');
  // English loads on demand (i18n/index.ts)
  beforeAll(() => loadEnglish());

  it('translate establishment types', () => {
    expect(subkindLabel(t, 'enterprise')).toBe('Doanh nghiệp');
    expect(subkindLabel(t, 'school')).toBe('Trường học');
    expect(subkindLabel(tEn, 'industrial_park')).toBe('Industrial park');
  });

  it('show Vietnamese administrative types and unknown codes as they are', () => {
    expect(subkindLabel(t, 'Xã')).toBe('Xã');
    expect(subkindLabel(t, 'Thành phố trực thuộc trung ương')).toBe('Thành phố trực thuộc trung ương');
    expect(subkindLabel(t, 'new_kind')).toBe('new_kind');
    expect(subkindLabel(t, null)).toBe('');
  });

  it('name the known datasets', () => {
    expect(datasetLabel(t, 'vn-2tier')).toBe('Danh mục đơn vị hành chính 2 cấp');
    expect(datasetLabel(t, 'other-source')).toBe('other-source');
    expect(datasetLabel(t, undefined)).toBe('');
  });
});

describe('matchOption (the filter of every searchable select)', () => {
  it('finds the words typed without regard to case, diacritics or extra spaces', () => {
    expect(matchOption('son tinh', { label: 'Xã Sơn Tịnh' })).toBe(true);
    expect(matchOption('SƠN  TỊNH ', { label: 'Xã Sơn Tịnh' })).toBe(true);
    expect(matchOption('dong', { label: 'Đồng Nai' })).toBe(true);
    expect(matchOption('xem danh tinh', { label: 'Xem danh tính người báo tin' })).toBe(true);
    expect(matchOption('son tay', { label: 'Xã Sơn Tịnh' })).toBe(false);
  });

  it('matches nothing without a text label', () => {
    expect(matchOption('a', undefined)).toBe(false);
    expect(matchOption('a', {})).toBe(false);
    expect(matchOption('1', { label: 1 })).toBe(false);
  });
});
