import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from './en.json';
import vi from './vi.json';
import auditEn from '../audit/texts.en.json';
import auditVi from '../audit/texts.vi.json';
import usersEn from '../accounts/users/texts.en.json';
import usersVi from '../accounts/users/texts.vi.json';
import evaluationsEn from '../evaluations/texts.en.json';
import evaluationsVi from '../evaluations/texts.vi.json';
import { UNIT_KINDS } from '../lib/units';

type Tree = { [key: string]: string | Tree };

/** All leaf keys ("home.hero.title") with their values. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// The app's texts and those kept beside the pages that use them (their i18n.ts adds them)
const MODULE_TEXTS = [
  { dir: 'audit', pages: ['AuditPage.tsx'], vi: auditVi, en: auditEn },
  { dir: 'accounts/users', pages: ['UsersPage.tsx'], vi: usersVi, en: usersEn },
  { dir: 'evaluations', pages: ['EvaluationsPage.tsx', 'EvaluationDetail.tsx', 'CriteriaSets.tsx'], vi: evaluationsVi, en: evaluationsEn },
];
const viKeys = new Map([...flatten(vi as Tree), ...MODULE_TEXTS.flatMap((m) => [...flatten(m.vi as Tree)])]);
const enKeys = new Map([...flatten(en as Tree), ...MODULE_TEXTS.flatMap((m) => [...flatten(m.en as Tree)])]);
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  it('have the same keys in Vietnamese and English', () => {
    const onlyVi = [...viKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !viKeys.has(k));
    expect(onlyVi).toEqual([]);
    expect(onlyEn).toEqual([]);
    expect(viKeys.size).toBeGreaterThan(50);
  });

  it('have no empty texts', () => {
    for (const [k, v] of [...viKeys, ...enKeys]) {
      expect(v.trim(), k).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [k, v] of viKeys) {
      expect(placeholders(enKeys.get(k) ?? ''), k).toEqual(placeholders(v));
    }
  });

  it('are Unicode NFC (precomposed Vietnamese letters)', () => {
    for (const [k, v] of viKeys) expect(v, k).toBe(v.normalize('NFC'));
  });

  it('carry the fixed Vietnamese wording', () => {
    expect(viKeys.get('app.subtitle')).toBe('Phong trào Toàn dân bảo vệ an ninh Tổ quốc');
    expect(viKeys.get('nav.home')).toBe('Trang chủ');
    expect(viKeys.get('nav.units')).toBe('Đơn vị hành chính');
    // the menu's entries of the news and reports pages, whose own texts load with those pages
    expect(viKeys.get('nav.news')).toBe('Tin tức, cảnh báo');
    expect(viKeys.get('nav.reports')).toBe('Báo cáo, số liệu');
    expect(viKeys.get('notFound.title')).toBe('Không tìm thấy trang');
    expect(viKeys.get('login.title')).toBe('Đăng nhập cán bộ');
    expect(viKeys.get('userMenu.password')).toBe('Đổi mật khẩu');
    expect(viKeys.get('userMenu.totp')).toBe('Xác thực hai bước');
    expect(viKeys.get('userMenu.users')).toBe('Quản lý tài khoản');
    expect(viKeys.get('userMenu.audit')).toBe('Nhật ký hệ thống');
    expect(viKeys.get('userMenu.logout')).toBe('Đăng xuất');
    expect(viKeys.get('users.status.active')).toBe('Hoạt động');
    expect(viKeys.get('users.status.disabled')).toBe('Đã khóa');
    expect(viKeys.get('audit.verify.button')).toBe('Kiểm tra toàn vẹn');
    expect(viKeys.get('health.ok')).toBe('Hệ thống hoạt động bình thường — CSDL: {{database}}');
  });

  it('of a page are added by the page itself, not in the first load', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    for (const m of MODULE_TEXTS) {
      for (const page of m.pages) {
        expect(readFileSync(path.join(src, m.dir, page), 'utf8'), `${m.dir}/${page}`).toMatch(/^import '\.\/i18n';$/m);
      }
      // and none of them is in the app's texts too
      for (const key of flatten(m.vi as Tree).keys()) expect(flatten(vi as Tree).has(key), key).toBe(false);
    }
  });

  it('name every unit kind', () => {
    expect(viKeys.get('unitKind.province')).toBe('Tỉnh/Thành phố');
    expect(viKeys.get('unitKind.district')).toBe('Quận/Huyện');
    expect(viKeys.get('unitKind.commune')).toBe('Xã/Phường');
    expect(viKeys.get('unitKind.village')).toBe('Thôn/Tổ dân phố');
    expect(viKeys.get('unitKind.establishment')).toBe('Cơ sở');
    for (const kind of UNIT_KINDS) expect(enKeys.has(`unitKind.${kind}`), kind).toBe(true);
  });
});
