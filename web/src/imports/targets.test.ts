import { describe, expect, it } from 'vitest';
import { apiUrl } from '../api/client';
import { REGISTERS, REGISTER_BY_NAME } from '../registers/config';
import { registersSelectedKey } from '../registers/menu';
import { IMPORTS_I18N } from './i18n';
import { fieldOptions, importPath, importRegister, importSlugOf, templateFileName, templateRules, templateUrl, uploadQuery } from './logic';
import { IMPORT_TARGETS, TIPS_PATH, TIPS_TARGET, childTargetsOf, importTargetBySlug, targetOfRegister } from './targets';

const bySlug = (slug: string) => {
  const t = importTargetBySlug(slug);
  if (!t) throw new Error(`no import target ${slug}`);
  return t;
};
const sessions = bySlug('reintegration-sessions');
const replications = bySlug('models-replications');
const members = bySlug('groups-members');

describe('import targets', () => {
  it('are every register (by its config name) and the four others, each at its own address', () => {
    expect(IMPORT_TARGETS.map((t) => t.name)).toEqual([
      ...REGISTERS.map((r) => r.apiPath ?? r.name),
      'reintegration/sessions',
      'models/replications',
      'groups/members',
      'tips',
    ]);
    const slugs = IMPORT_TARGETS.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(importSlugOf(`/nhap-du-lieu/${s}`)).toBe(s);
    expect(importPath(sessions)).toBe('/nhap-du-lieu/reintegration-sessions');
    expect(importPath(TIPS_TARGET)).toBe('/nhap-du-lieu/tips');
    expect(bySlug('tips')).toBe(TIPS_TARGET);
    expect(importTargetBySlug('reintegration/sessions')).toBeUndefined();
    expect(importTargetBySlug('luot-giup-do')).toBeUndefined();
    expect(importSlugOf('/nhap-du-lieu/tips/1')).toBeUndefined();
    expect(importSlugOf('/so/hoat-dong')).toBeUndefined();
  });

  it('keep a register its own: same name, permission and list as the register', () => {
    const people = targetOfRegister('reintegration');
    expect(people.register).toBe(REGISTER_BY_NAME.reintegration);
    expect(importRegister(people)).toBe('reintegration/people');
    expect(people.writePermission).toBe('reintegration.write');
    expect(people.back.path).toBe('/tai-hoa-nhap');
    expect(targetOfRegister(REGISTER_BY_NAME.activities).back).toEqual({
      path: '/so/hoat-dong',
      label: { vi: 'sổ Hoạt động', en: 'Activities' },
    });
    expect(people.updates && people.hasUnit).toBe(true);
  });

  it('give what hangs off a register the register’s write permission and list, and the tips tips.write and the inbox', () => {
    expect(sessions.writePermission).toBe('reintegration.write');
    expect(replications.writePermission).toBe(REGISTER_BY_NAME.models.writePermission);
    expect(members.writePermission).toBe(REGISTER_BY_NAME.groups.writePermission);
    expect(TIPS_TARGET.writePermission).toBe('tips.write');
    expect(sessions.back).toEqual({
      path: '/tai-hoa-nhap',
      label: { vi: 'sổ Giúp đỡ, tái hòa nhập cộng đồng', en: 'Community reintegration' },
    });
    expect(replications.back.path).toBe('/so/mo-hinh');
    expect(members.back.path).toBe('/so/to-nhom');
    expect(TIPS_TARGET.back.path).toBe(TIPS_PATH);
    expect(`Về ${TIPS_TARGET.back.label.vi}`).toBe('Về danh sách tin báo');
    expect(IMPORTS_I18N.vi.backToList.replace('{{list}}', sessions.back.label.vi)).toBe('Về sổ Giúp đỡ, tái hòa nhập cộng đồng');
  });

  it('are offered on their lists with their own buttons', () => {
    expect(childTargetsOf('reintegration')).toEqual([sessions]);
    expect(childTargetsOf('models')).toEqual([replications]);
    expect(childTargetsOf('groups')).toEqual([members]);
    expect(childTargetsOf('activities')).toEqual([]);
    expect(childTargetsOf('tips')).toEqual([TIPS_TARGET]);
    expect(sessions.button?.vi).toBe('Nhập lượt giúp đỡ từ Excel');
    expect(replications.button?.vi).toBe('Nhập nhân rộng từ Excel');
    expect(members.button?.vi).toBe('Nhập thành viên từ Excel');
    expect(TIPS_TARGET.button?.vi).toBe('Nhập sổ tin báo cũ từ Excel');
  });
});

describe('a target with a slash in its name', () => {
  it('sends the slash to the API and writes a hyphen in the template address', () => {
    expect(templateUrl(sessions, 'xlsx')).toBe('/api/v1/imports/templates/reintegration-sessions.xlsx');
    expect(templateUrl(replications, 'csv')).toBe('/api/v1/imports/templates/models-replications.csv');
    expect(templateUrl(members, 'csv')).toBe('/api/v1/imports/templates/groups-members.csv');
    expect(templateUrl(TIPS_TARGET, 'xlsx')).toBe('/api/v1/imports/templates/tips.xlsx');
    const q = uploadQuery({ register: importRegister(sessions), fileName: 'luot.csv', dryRun: true });
    expect(new URL(apiUrl('/api/v1/imports', q), 'http://x').searchParams.get('register')).toBe('reintegration/sessions');
  });

  it('saves its template under a Vietnamese name without diacritics', () => {
    expect(templateFileName(sessions, 'xlsx')).toBe('mau-nhap_luot-giup-do-nguoi-tai-hoa-nhap.xlsx');
    expect(templateFileName(replications, 'csv')).toBe('mau-nhap_nhan-rong-mo-hinh.csv');
    expect(templateFileName(members, 'csv')).toBe('mau-nhap_thanh-vien-to-nhom.csv');
    expect(templateFileName(TIPS_TARGET, 'xlsx')).toBe('mau-nhap_so-theo-doi-tin-bao-to-giac.xlsx');
    expect(templateFileName(targetOfRegister('activities'), 'xlsx')).toBe('mau-nhap_so-hoat-dong.xlsx');
  });

  it('maps the columns the server says its sheet has, named in English where the page knows them', () => {
    // as the sessions' dry run answers (no record id, no unit)
    const columns = [
      { field: 'person', label: 'Mã hồ sơ', required: true },
      { field: 'date', label: 'Ngày', required: true },
      { field: 'kind', label: 'Hình thức', required: true },
      { field: 'helpers', label: 'Người tham gia giúp đỡ', required: false },
      { field: 'notes', label: 'Ghi chú', required: false },
    ];
    expect(fieldOptions(sessions, { mapping: [], columns }).map((o) => o.value)).toEqual(['person', 'date', 'kind', 'helpers', 'notes']);
    expect(fieldOptions(sessions, { mapping: [], columns }, 'en').map((o) => o.label)[0]).toBe('Record reference');
  });

  it('without the server’s columns, offers what the page knows: no record id, a unit only where rows have one', () => {
    expect(fieldOptions(sessions, { mapping: [] }).map((o) => o.value)).toEqual(['person', 'date', 'kind', 'helpers', 'notes']);
    expect(fieldOptions(replications, { mapping: [] }).map((o) => o.value)).toEqual(['unit', 'model', 'started_on', 'ended_on']);
    expect(fieldOptions(members, { mapping: [] }, 'en').map((o) => o.label)[0]).toBe('Group id');
    const tips = fieldOptions(TIPS_TARGET, { mapping: [] });
    expect(tips.slice(0, 3).map((o) => o.label)).toEqual(['Đơn vị', 'Ngày tiếp nhận', 'Loại tin báo']);
    expect(tips).toHaveLength(14);
  });

  it('shows the rule about units only when its rows have a unit', () => {
    const vi = IMPORTS_I18N.vi.template;
    expect(templateRules(sessions, vi)).toEqual(vi.rules);
    expect(templateRules(TIPS_TARGET, vi)).toContain(vi.unitRule);
    expect(templateRules(targetOfRegister('activities'), vi)[4]).toBe(vi.unitRule);
    expect(templateRules(targetOfRegister('activities'), vi)).toHaveLength(vi.rules.length + 1);
  });
});

describe('the menu on an import page', () => {
  it('lights the list the import belongs to', () => {
    expect(registersSelectedKey('/nhap-du-lieu/reintegration-sessions')).toBe('/tai-hoa-nhap');
    expect(registersSelectedKey('/nhap-du-lieu/models-replications')).toBe('/so/mo-hinh');
    expect(registersSelectedKey('/nhap-du-lieu/groups-members')).toBe('/so/to-nhom');
    expect(registersSelectedKey('/nhap-du-lieu/tips')).toBe('/tin-bao');
    expect(registersSelectedKey('/nhap-du-lieu/activities')).toBe('/so/hoat-dong');
    expect(registersSelectedKey('/nhap-du-lieu/luot-giup-do')).toBeNull();
  });
});
