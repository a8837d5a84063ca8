import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { datasetLabel, subkindLabel, unitKindColor, unitKindKey } from './units';

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
