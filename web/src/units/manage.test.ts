import { describe, expect, it } from 'vitest';
import { belowOwnUnit, canAddUnder, canManage, inArea } from './manage';

const commune = {
  code: '21220',
  kind: 'commune',
  active: true,
  ancestors: [{ code: '51', name: 'Quảng Ngãi', full_name: 'Tỉnh Quảng Ngãi', kind: 'province' }],
};
const village = {
  code: '21220-001',
  kind: 'village',
  active: true,
  ancestors: [...commune.ancestors, { code: '21220', name: 'Sơn Tịnh', full_name: 'Xã Sơn Tịnh', kind: 'commune' }],
};
const elsewhere = {
  code: '09574-001',
  kind: 'village',
  active: true,
  ancestors: [{ code: '01', name: 'Hà Nội', full_name: 'Thành phố Hà Nội', kind: 'province' }],
};
const unitOf = (code: string) => ({ code, name: code, full_name: code, kind: 'commune' });
const admin = { permissions: ['units.write'], unit: unitOf('21220') };
const officer = { permissions: ['activities.write'], unit: unitOf('21220') };
const national = { permissions: ['units.write'], unit: null };

describe('unit management rights', () => {
  it('lets a commune admin add under the commune and its villages, and manage the villages only', () => {
    expect(canAddUnder(admin, commune)).toBe(true);
    expect(canAddUnder(admin, village)).toBe(true);
    expect(canManage(admin, village)).toBe(true);
    expect(canManage(admin, commune)).toBe(false);
    expect(belowOwnUnit(admin, commune)).toBe(false);
  });
  it('offers nothing outside the area or without units.write', () => {
    expect(inArea(admin, elsewhere)).toBe(false);
    expect(canAddUnder(admin, elsewhere)).toBe(false);
    expect(canManage(admin, elsewhere)).toBe(false);
    expect(canAddUnder(officer, commune)).toBe(false);
    expect(canManage(officer, village)).toBe(false);
    expect(canManage(null, village)).toBe(false);
  });
  it('lets a nationwide admin manage any local unit, never a retired one', () => {
    expect(canManage(national, elsewhere)).toBe(true);
    expect(canManage(national, { ...elsewhere, active: false })).toBe(false);
    expect(canAddUnder(national, { ...commune, kind: 'province' })).toBe(false);
  });
});
